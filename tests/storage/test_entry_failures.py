"""Failed entries are retried on later crawls, with back-off, a bounded number of times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import pairwise

from jarida.model import FeedSpec, SourceSpec
from jarida.storage import Database
from jarida.storage import sources as registry
from jarida.storage.entry_failures import (
    MAX_ENTRY_ATTEMPTS,
    clear_entry_failure,
    entries_due_for_retry,
    record_entry_failure,
)

NOW = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
URL = "https://journal.example/2026/12/02/pas-encore-en-ligne"


def two_feeds(db: Database) -> tuple[int, int]:
    with db.write() as conn:
        sid = registry.insert_source(conn, SourceSpec(slug="journal", name="Journal"))
        return (registry.insert_feed(conn, sid, FeedSpec(url="https://journal.example/a")),
                registry.insert_feed(conn, sid, FeedSpec(url="https://journal.example/b")))


def due(db: Database, feed_id: int, at: datetime, limit: int = 10) -> list[str]:
    with db.read() as conn:
        return [e.url for e in entries_due_for_retry(conn, feed_id, at, limit)]


def test_a_failed_entry_is_due_again_later_then_cleared(db: Database) -> None:
    fa, fb = two_feeds(db)
    with db.write() as conn:
        first = record_entry_failure(conn, fa, URL, "HTTP 404", NOW)
    assert first.attempts == 1 and first.next_retry_at is not None
    assert first.next_retry_at > NOW
    assert due(db, fa, NOW) == []
    assert due(db, fa, first.next_retry_at) == [URL]
    assert due(db, fb, first.next_retry_at) == []  # scoped to its feed
    with db.write() as conn:
        clear_entry_failure(conn, fa, URL)
    assert due(db, fa, NOW + timedelta(days=30)) == []


def test_back_off_doubles_and_retries_are_bounded(db: Database) -> None:
    fa, _ = two_feeds(db)
    at, waits = NOW, []
    for n in range(1, MAX_ENTRY_ATTEMPTS + 1):
        with db.write() as conn:
            got = record_entry_failure(conn, fa, URL, f"no article text ({n})", at)
        assert got.attempts == n
        if got.next_retry_at is None:
            break
        waits.append(got.next_retry_at - at)
        at = got.next_retry_at
    assert got.attempts == MAX_ENTRY_ATTEMPTS and got.next_retry_at is None
    assert len(waits) == MAX_ENTRY_ATTEMPTS - 1
    assert all(b >= a for a, b in pairwise(waits))
    assert waits[1] == 2 * waits[0] and waits[-1] <= timedelta(hours=24)
    assert due(db, fa, at + timedelta(days=365)) == []  # given up


def test_due_entries_come_longest_waiting_first_within_the_limit(db: Database) -> None:
    fa, _ = two_feeds(db)
    with db.write() as conn:
        for i in range(5):
            record_entry_failure(conn, fa, f"{URL}-{i}", "HTTP 404", NOW + timedelta(minutes=i))
    assert due(db, fa, NOW + timedelta(days=1), limit=3) == [f"{URL}-{i}" for i in range(3)]


def test_hostile_error_and_url_text_is_stored_cleanly(db: Database) -> None:
    fa, _ = two_feeds(db)
    with db.write() as conn:
        got = record_entry_failure(conn, fa, URL + "\x00x", "bad\x00\ud800" + "e" * 10_000, NOW)
    assert got.url == URL + "x" and got.last_error is not None
    assert "\x00" not in got.last_error and len(got.last_error) <= 500
    assert due(db, fa, NOW + timedelta(days=1)) == [URL + "x"]


def test_removing_the_feed_removes_its_failures(db: Database) -> None:
    fa, _ = two_feeds(db)
    with db.write() as conn:
        record_entry_failure(conn, fa, URL, "HTTP 404", NOW)
        registry.remove_source(conn, "journal")
    with db.read() as conn:
        assert entries_due_for_retry(conn, fa, NOW + timedelta(days=1), 10) == []
