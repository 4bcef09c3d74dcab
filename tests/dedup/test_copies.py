"""Syndicated copies on both databases: linking, short texts, idempotency, re-pointing, rebuild."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bench.copies_set import Item, load
from jarida.dedup.copies import link_article, rebuild_copies
from jarida.model import ArticleRecord, SourceSpec
from jarida.pipeline.copies_hook import link_copies
from jarida.pipeline.hooks import StoredArticle
from jarida.storage import Database
from jarida.storage import articles as store
from jarida.storage import sources as registry
from jarida.storage.copies import copy_links, original_of
from jarida.storage.tables import article_copies, copy_bands, copy_signatures
from tests.storage.conftest import db

__all__ = ["db"]  # the storage contract's fixture: SQLite, and PostgreSQL when set

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def octopus() -> dict[str, Item]:
    """The French octopus-season dispatch, its copies, its short lead and a rewrite."""
    return {i.kind + (i.id.rsplit(":", 1)[-1] if i.kind == "copy" else ""): i for i in load()
            if i.group.startswith("octopus-season:fr")}


def _source(db: Database, slug: str) -> int:
    with db.write() as conn:
        return registry.insert_source(conn, SourceSpec(slug=slug, name=slug.title()))


def _save(db: Database, source_id: int, key: str, text: str, hours: float) -> tuple[int, str]:
    rec = ArticleRecord(
        source_id=source_id, feed_id=None, url=f"https://{key}.example/a",
        canonical_url=f"https://{key}.example/a", title=key, text=text, html="",
        excerpt=text[:100], content_hash=str(hash(text)), fetched_at=T0,
        published_at=T0 + timedelta(hours=hours), language="fr",
    )
    with db.write() as conn:
        saved = store.save_articles(conn, [rec])[0]
        link_copies(conn, [StoredArticle(saved.article_id, saved.outcome, rec)])
    return saved.article_id, saved.outcome


def _links(db: Database) -> dict[int, int]:
    with db.read() as conn:
        rows = conn.execute(select(article_copies.c.article_id, article_copies.c.original_id))
        return {int(a): int(b) for a, b in rows}


def _copies(items: dict[str, Item]) -> list[Item]:
    return [v for k, v in sorted(items.items()) if k.startswith("copy")]


def test_a_copy_links_to_the_earliest_and_the_others_stay_apart(
    db: Database, octopus: dict[str, Item]
) -> None:
    wire = _source(db, "wire")
    original, _ = _save(db, wire, "wire", octopus["original"].text, 0)
    copy_ids = [_save(db, _source(db, f"outlet{n}"), f"outlet{n}", item.text, 1 + n)[0]
                for n, item in enumerate(_copies(octopus))]
    short, _ = _save(db, _source(db, "brief"), "brief", octopus["short"].text, 2)
    rewrite = next(v for k, v in octopus.items() if k == "rewrite")
    other, _ = _save(db, _source(db, "own"), "own", rewrite.text, 3)
    assert copy_ids
    assert _links(db) == dict.fromkeys(copy_ids, original)
    with db.read() as conn:
        assert original_of(conn, short) is None and original_of(conn, other) is None
        links = copy_links(conn, [original, copy_ids[0]])
        # the short lead has no signature at all: it is never compared
        signed = set(conn.execute(select(copy_signatures.c.article_id)).scalars())
    assert short not in signed and other in signed
    assert [c.article_id for c in links[original].copies] == copy_ids
    assert links[copy_ids[0]].duplicate_of == original
    assert links[copy_ids[0]].original is not None
    assert links[copy_ids[0]].original.source_name == "Wire"


def test_storing_again_changes_nothing(db: Database, octopus: dict[str, Item]) -> None:
    wire, outlet = _source(db, "wire"), _source(db, "outlet")
    original, _ = _save(db, wire, "wire", octopus["original"].text, 0)
    copy, _ = _save(db, outlet, "outlet", _copies(octopus)[0].text, 1)

    def state() -> tuple[object, ...]:
        with db.read() as conn:
            return (
                conn.execute(select(article_copies.c.article_id, article_copies.c.original_id,
                                    article_copies.c.linked_at)).all(),
                sorted(conn.execute(select(copy_bands)).all()),
                sorted(conn.execute(select(copy_signatures)).all()),
            )

    before = state()
    assert _save(db, wire, "wire", octopus["original"].text, 0) == (original, "unchanged")
    assert _save(db, outlet, "outlet", _copies(octopus)[0].text, 1) == (copy, "unchanged")
    with db.write() as conn:  # a replayed hook on a "new" outcome is harmless too
        assert link_article(conn, copy) == original
        assert link_article(conn, original) is None
    assert state() == before


def test_an_earlier_original_arriving_later_takes_the_group(
    db: Database, octopus: dict[str, Item]
) -> None:
    copies = _copies(octopus)
    assert len(copies) >= 2
    first, _ = _save(db, _source(db, "a"), "a", copies[0].text, 2)
    second, _ = _save(db, _source(db, "b"), "b", copies[1].text, 3)
    assert _links(db) == {second: first}
    original, _ = _save(db, _source(db, "wire"), "wire", octopus["original"].text, 0)
    assert _links(db) == {first: original, second: original}


def test_rebuild_finds_the_same_links_oldest_first(db: Database, octopus: dict[str, Item]
                                                    ) -> None:
    copies = _copies(octopus)
    late, _ = _save(db, _source(db, "a"), "a", copies[0].text, 2)
    original, _ = _save(db, _source(db, "wire"), "wire", octopus["original"].text, 0)
    expected = _links(db)
    assert expected == {late: original}
    seen: list[tuple[int, int]] = []
    assert rebuild_copies(db, None, lambda done, total: seen.append((done, total))) == 2
    assert _links(db) == expected
    assert seen[0] == (0, 2) and seen[-1] == (2, 2)
    assert rebuild_copies(db, T0 + timedelta(hours=1)) == 1  # only the later article
    assert _links(db) == expected


def test_a_copy_whose_text_is_replaced_is_unlinked(db: Database, octopus: dict[str, Item]
                                                   ) -> None:
    _save(db, _source(db, "wire"), "wire", octopus["original"].text, 0)
    outlet = _source(db, "outlet")
    copy, _ = _save(db, outlet, "outlet", _copies(octopus)[0].text, 1)
    assert copy in _links(db)
    rewrite = next(v for k, v in octopus.items() if k == "rewrite")
    assert _save(db, outlet, "outlet", rewrite.text, 1) == (copy, "updated")
    assert _links(db) == {}
