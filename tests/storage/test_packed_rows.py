"""Rows packed into one parameter store exactly what an executemany stores."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import insert, select, text

from jarida.model import ArticleRecord, SourceSpec
from jarida.storage import Database
from jarida.storage import copies as copy_store
from jarida.storage import stories as story_store
from jarida.storage.articles import save_articles
from jarida.storage.sources import insert_source
from jarida.storage.tables import copy_bands, copy_signatures, story_keys

T0 = datetime(2026, 11, 3, 4, 0, 0, 250000, tzinfo=UTC)


def _story(db: Database) -> int:
    state = story_store.StoryState(0, T0, T0, 1, 1, ["fr"], {"t:fr": {"a": 1.0}})
    with db.write() as conn:
        return story_store.create_stories(conn, [(state, 1.0)])[0]


def test_touch_keys_inserts_and_keeps_the_later_time(db: Database) -> None:
    sid = _story(db)
    with db.write() as conn:  # a row written the ordinary way, for comparison
        conn.execute(insert(story_keys), [{"key": "t:fr:ref", "story_id": sid,
                                           "last_seen": T0}])
        story_store.touch_keys(conn, {("t:fr:séisme", sid): T0, ("x:#52", sid): T0})
        story_store.touch_keys(conn, {("t:fr:séisme", sid): T0 - timedelta(hours=1),
                                      ("x:#52", sid): T0 + timedelta(hours=2)})
    with db.read() as conn:
        rows = dict(conn.execute(select(story_keys.c.key, story_keys.c.last_seen)).all())
        raw = dict(conn.execute(text("SELECT key, CAST(last_seen AS TEXT) FROM story_keys"))
                   .all())
    assert rows == {"t:fr:ref": T0, "t:fr:séisme": T0, "x:#52": T0 + timedelta(hours=2)}
    assert raw["t:fr:séisme"] == raw["t:fr:ref"]  # stored in the same form, byte for byte


def test_replace_signatures_writes_every_band_row_once(db: Database) -> None:
    with db.write() as conn:
        source = insert_source(conn, SourceSpec(slug="s", name="S"))
        ids = [s.article_id for s in save_articles(conn, [ArticleRecord(
            source_id=source, feed_id=None, url=f"https://b.example/{n}",
            canonical_url=f"https://b.example/{n}", title="t", text="x", html="", excerpt="",
            content_hash=f"b{n}", fetched_at=T0, published_at=T0) for n in range(2)])]
        big = -(2 ** 63) + 5
        copy_store.replace_signatures(conn, [(ids[0], b"\x01" * 8, [big, 7, 7, 2 ** 62]),
                                             (ids[1], b"\x02" * 8, [7])])
        copy_store.replace_signatures(conn, [(ids[1], b"\x03" * 8, [9, 7])])
    with db.read() as conn:
        bands = set(conn.execute(select(copy_bands.c.band_key, copy_bands.c.article_id)).all())
        sigs = dict(conn.execute(select(copy_signatures.c.article_id,
                                        copy_signatures.c.signature)).all())
    assert bands == {(big, ids[0]), (7, ids[0]), (2 ** 62, ids[0]), (9, ids[1]), (7, ids[1])}
    assert {k: bytes(v) for k, v in sigs.items()} == {ids[0]: b"\x01" * 8, ids[1]: b"\x03" * 8}
