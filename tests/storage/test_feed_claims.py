"""Claims: two crawlers on one database never poll the same feed at once (issue 18, 4)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from jarida.model import FeedSpec, SourceSpec
from jarida.storage import Database
from jarida.storage import feeds as feed_store
from jarida.storage import sources as registry
from jarida.storage.tables import feeds

NOW = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
LEASE = 600


def add_feeds(db: Database, n: int, slug: str = "s") -> list[int]:
    with db.write() as conn:
        sid = registry.insert_source(conn, SourceSpec(slug=slug, name=slug))
        ids = [registry.insert_feed(conn, sid, FeedSpec(url=f"https://{slug}.example/{i}"))
               for i in range(n)]
        conn.execute(update(feeds).values(next_poll_at=NOW - timedelta(minutes=1)))
    return ids


def claim(db: Database, now: datetime = NOW, **kw: object) -> list[int]:
    with db.write() as conn:
        return [f.id for f in feed_store.claim_due_feeds(
            conn, now, lease_seconds=LEASE, **kw)]  # type: ignore[arg-type]


def test_a_claimed_feed_is_not_claimed_again_until_its_lease_ends(db: Database) -> None:
    ids = add_feeds(db, 5)
    first = claim(db, limit=2)
    rest = claim(db)
    assert len(first) == 2 and sorted(first + rest) == ids
    assert claim(db) == [] and claim(db, NOW + timedelta(seconds=LEASE - 1)) == []
    with db.read() as conn:
        assert feed_store.due_feeds(conn, NOW) == []  # due_feeds sees the claims too
    # The crawler holding feed ids[0] dies; the others finish their polls.
    with db.write() as conn:
        for fid in ids[1:]:
            feed_store.record_feed_success(
                conn, fid, polled_at=NOW, next_poll_at=NOW + timedelta(hours=2),
                poll_interval=7200, etag=None, last_modified=None, body_hash=None)
    assert claim(db, NOW + timedelta(seconds=LEASE)) == [ids[0]]  # the lease expired
    # Two hours on, the others are due as set, and ids[0]'s second lease is over too.
    assert claim(db, NOW + timedelta(hours=2) - timedelta(seconds=1)) == [ids[0]]
    assert sorted(claim(db, NOW + timedelta(hours=2))) == ids[1:]


def test_claims_return_feeds_with_the_lease_and_honour_the_source(db: Database) -> None:
    add_feeds(db, 2, "a")
    b = add_feeds(db, 2, "b")
    with db.write() as conn:
        got = feed_store.claim_due_feeds(conn, NOW, lease_seconds=LEASE, source_slug="b")
    assert [f.id for f in got] == b
    assert all(f.next_poll_at == NOW + timedelta(seconds=LEASE) for f in got)
    with pytest.raises(ValueError), db.write() as conn:
        feed_store.claim_due_feeds(conn, NOW, lease_seconds=0)


def test_two_crawlers_claiming_at_once_never_share_a_feed(db: Database) -> None:
    ids = add_feeds(db, 60)
    # Each crawler its own engine, as two processes would have.
    url = db.engine.url.render_as_string(hide_password=False)
    others = [Database.open(url) for _ in range(2)]
    start = threading.Barrier(2)
    got: list[list[int]] = [[], []]
    errors: list[BaseException] = []

    def crawl(n: int) -> None:
        try:
            start.wait()
            while batch := claim(others[n], limit=3):
                got[n] += batch
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=crawl, args=(n,)) for n in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for other in others:
        other.close()
    assert not errors
    assert not set(got[0]) & set(got[1])
    assert sorted(got[0] + got[1]) == ids


def test_postgresql_skips_feeds_another_claim_holds(db: Database) -> None:
    """A claim in progress (not committed) is skipped without waiting for it."""
    if db.dialect != "postgresql":
        pytest.skip("row locks are PostgreSQL's; SQLite has one writer at a time")
    ids = add_feeds(db, 4)
    with db.write() as holding:
        held = [f.id for f in feed_store.claim_due_feeds(
            holding, NOW, lease_seconds=LEASE, limit=2)]
        meanwhile = claim(db)  # another connection, while `holding` is open
    assert held == ids[:2] and meanwhile == ids[2:]
