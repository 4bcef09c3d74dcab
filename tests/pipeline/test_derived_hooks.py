"""The after-store hooks give the same copies and stories whether the extraction worker
prepared the records (`record.derived`) or the hooks compute everything themselves."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from bench.copies_set import load
from jarida.model import ArticleRecord, SourceSpec
from jarida.pipeline.batch import store_batch
from jarida.pipeline.derived import derive
from jarida.pipeline.hooks import after_store_hooks
from jarida.settings import Settings
from jarida.storage import Database
from jarida.storage import sources as registry
from jarida.storage.tables import article_copies, copy_bands, copy_signatures, story_articles

T0 = datetime(2026, 11, 20, 6, 0, tzinfo=UTC)
BATCH = 40


def _records(source_ids: list[int]) -> list[ArticleRecord]:
    items = sorted(load(), key=lambda i: i.arrival)
    out = []
    for n, item in enumerate(items):
        url = f"https://outlet{n % len(source_ids)}.example/{item.id.replace(':', '/')}"
        # A stray control character: storage cleans it out, the print must follow.
        text = item.text if n % 7 else item.text.replace(" ", " \x07", 1)
        out.append(ArticleRecord(
            source_id=source_ids[n % len(source_ids)], feed_id=None, url=url,
            canonical_url=url, title=item.text.split(".")[0][:120], text=text, html="",
            excerpt=text[:100], content_hash=f"h{n}", fetched_at=T0,
            published_at=T0 + timedelta(minutes=item.minutes), language=item.lang,
            extraction="fallback" if n % 23 == 0 else "full",
        ))
    # The same article twice in one batch, the second time changed.
    again = out[5]
    out.insert(8, replace(again, content_hash="h-again", text=again.text + " Mise à jour."))
    return out


def _store(tmp_path: Path, name: str, prepared: bool) -> dict[str, object]:
    db = Database.open(f"sqlite:///{tmp_path}/{name}.db")
    db.upgrade()
    with db.write() as conn:
        sources = [registry.insert_source(conn, SourceSpec(slug=f"s{i}", name=f"S{i}"))
                   for i in range(5)]
    records = _records(sources)
    if prepared:
        records = [replace(r, derived=derive(r)) for r in records]
    hooks = after_store_hooks(Settings())
    for start in range(0, len(records), BATCH):
        outcome = store_batch(db, records[start : start + BATCH], [], hooks)
        assert not outcome.failed
    with db.read() as conn:
        found: dict[str, object] = {
            "copies": sorted(conn.execute(select(
                article_copies.c.article_id, article_copies.c.original_id,
                article_copies.c.similarity)).all()),
            "signatures": sorted(conn.execute(select(copy_signatures)).all()),
            "bands": sorted(conn.execute(select(copy_bands)).all()),
            "stories": sorted(conn.execute(select(
                story_articles.c.article_id, story_articles.c.story_id,
                story_articles.c.fit)).all()),
        }
    db.close()
    return found


def test_prepared_records_give_the_same_copies_and_stories(tmp_path: Path) -> None:
    computed = _store(tmp_path, "computed", prepared=False)
    prepared = _store(tmp_path, "prepared", prepared=True)
    assert len(computed["copies"]) > 20  # type: ignore[arg-type]
    assert len(computed["stories"]) > 300  # type: ignore[arg-type]
    assert prepared == computed
