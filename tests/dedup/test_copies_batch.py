"""The batch path of the copies step decides exactly what the article-by-article path does.

The crawler's writer links a whole batch at once (`link_articles`: a few statements per
batch, the batch's earlier articles seen from memory); `link_article` decides one article
from the database alone, each in turn after the batch is saved. On the labelled set,
stored in arrival order in batches of several sizes, with some articles stored again
with another article's text (an updated page), both must leave the same links and keys.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bench.copies_set import Item, load
from jarida.dedup.copies import link_article
from jarida.model import ArticleRecord, SourceSpec
from jarida.pipeline.copies_hook import link_copies
from jarida.pipeline.hooks import StoredArticle
from jarida.storage import Database
from jarida.storage import articles as store
from jarida.storage import sources as registry
from jarida.storage.tables import article_copies, copy_bands, copy_signatures
from tests.storage.conftest import db

__all__ = ["db"]

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def _records(db: Database, items: list[Item]) -> list[ArticleRecord]:
    with db.write() as conn:
        source_id = registry.insert_source(conn, SourceSpec(slug="wire", name="Wire"))
    return [ArticleRecord(
        source_id=source_id, feed_id=None, url=f"https://x.example/{i.id}",
        canonical_url=f"https://x.example/{i.id}", title=i.id, text=i.text, html="",
        excerpt=i.text[:100], content_hash=str(hash(i.text)), fetched_at=T0,
        published_at=T0 + timedelta(minutes=i.minutes), language=i.lang,
    ) for i in items]


def _updated(rec: ArticleRecord, other: ArticleRecord) -> ArticleRecord:
    from dataclasses import replace
    return replace(rec, text=other.text, content_hash=other.content_hash)


def _arrivals(records: list[ArticleRecord], seed: int) -> list[ArticleRecord]:
    """The records in arrival order, then a few stored again with another one's text."""
    rng = random.Random(seed)
    again = [_updated(r, rng.choice(records)) for r in rng.sample(records, 12)]
    return records + again


def _state(db: Database) -> tuple[dict[int, int], set[tuple[int, int]]]:
    with db.read() as conn:
        links = {int(a): int(b) for a, b in conn.execute(
            select(article_copies.c.article_id, article_copies.c.original_id))}
        bands = {(int(k), int(a)) for k, a in conn.execute(
            select(copy_bands.c.band_key, copy_bands.c.article_id))}
    return links, bands


@pytest.mark.parametrize("size", [1, 7, 64])
def test_batches_link_like_one_article_at_a_time(db: Database, size: int) -> None:
    items = sorted(load(), key=lambda i: i.arrival)[:150]
    arrivals = _arrivals(_records(db, items), seed=size)
    for start in range(0, len(arrivals), size):
        batch = arrivals[start : start + size]
        with db.write() as conn:
            saved = store.save_articles(conn, batch)
            link_copies(conn, [StoredArticle(s.article_id, s.outcome, r)
                               for s, r in zip(saved, batch, strict=True)])
    batched = _state(db)
    with db.write() as conn:  # the reference: the same arrivals again, one by one
        for table in (article_copies, copy_bands, copy_signatures):
            conn.execute(table.delete())
    for start in range(0, len(arrivals), size):
        batch = arrivals[start : start + size]
        with db.write() as conn:
            for one in store.save_articles(conn, batch):
                link_article(conn, one.article_id)
    assert batched[0], "the set has copies to link"
    assert _state(db) == batched
