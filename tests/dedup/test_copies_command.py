"""`jarida copies rebuild`: links copies already stored; a bad date is one line, exit 2."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import delete, select
from typer.testing import CliRunner

from bench.copies_set import load
from jarida.cli import app
from jarida.model import ArticleRecord, SourceSpec
from jarida.storage import Database
from jarida.storage import articles as store
from jarida.storage import sources as registry
from jarida.storage.tables import article_copies, copy_bands, copy_signatures

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def test_rebuild_links_articles_stored_without_the_hook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path}/j.db"
    monkeypatch.setenv("JARIDA_DATABASE_URL", url)
    db = Database.open(url)
    db.upgrade()
    group = [i for i in load() if i.group == "water-summit:fr"]
    with db.write() as conn:
        for n, item in enumerate(sorted(group, key=lambda i: i.kind != "original")):
            sid = registry.insert_source(conn, SourceSpec(slug=f"s{n}", name=f"S{n}"))
            store.save_articles(conn, [ArticleRecord(
                source_id=sid, feed_id=None, url=f"https://s{n}.example/a",
                canonical_url=f"https://s{n}.example/a", title=item.id, text=item.text,
                html="", excerpt="", content_hash=item.id, fetched_at=T0, published_at=T0,
                language="fr")])
        for table in (article_copies, copy_bands, copy_signatures):  # as before migration 0014
            conn.execute(delete(table))
    result = CliRunner().invoke(app, ["copies", "rebuild"])
    assert result.exit_code == 0, result.output
    assert f"examined {len(group)} articles" in result.output
    with db.read() as conn:
        originals = set(conn.execute(select(article_copies.c.original_id)).scalars())
        copies = conn.execute(select(article_copies.c.article_id)).all()
    db.close()
    assert len(originals) == 1 and len(copies) == len(group) - 1

    bad = CliRunner().invoke(app, ["copies", "rebuild", "--since", "last tuesday"])
    assert bad.exit_code == 2
    assert "not an ISO date" in bad.output
