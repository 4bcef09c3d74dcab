"""Feed entries whose page failed, retried on later crawls with exponential back-off.

A feed may list a page before it is live (404, "no article text"); once the feed's
validators are saved, later crawls see an unchanged feed and would never fetch that
page again. The crawler records each entry failure here, asks every crawl which entries
are due (`entries_due_for_retry`), and clears an entry once its article is stored.
Retries are bounded: after MAX_ENTRY_ATTEMPTS failures an entry is not retried again
(its row stays, so the crawl report can name it, until it succeeds or its feed goes).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite

from jarida.storage.clean import clean_required, clean_text
from jarida.storage.tables import entry_failures

MAX_ENTRY_ATTEMPTS = 8
FIRST_RETRY = timedelta(minutes=15)  # then 30 min, 1 h, 2 h... (doubling)
LONGEST_RETRY = timedelta(hours=24)
MAX_ERROR_CHARS = 500


@dataclass(frozen=True)
class EntryFailure:
    feed_id: int
    url: str
    attempts: int
    last_error: str | None
    next_retry_at: datetime | None  # None: given up


def retry_delay(attempts: int) -> timedelta | None:
    """How long after its `attempts`-th failure an entry is tried again (None: never)."""
    if attempts >= MAX_ENTRY_ATTEMPTS:
        return None
    return min(FIRST_RETRY * (1 << max(attempts - 1, 0)), LONGEST_RETRY)


def record_entry_failure(
    conn: Connection, feed_id: int, url: str, error: str, now: datetime
) -> EntryFailure:
    """Count one more failure of this feed's entry and schedule its next retry."""
    url = clean_required(url)
    message = clean_text(error[:MAX_ERROR_CHARS])
    key = (entry_failures.c.feed_id == feed_id, entry_failures.c.url == url)
    previous = conn.execute(select(entry_failures.c.attempts).where(*key)).scalar()
    attempts = int(previous or 0) + 1
    delay = retry_delay(attempts)
    retry_at = now + delay if delay is not None else None
    values = {"attempts": attempts, "last_error": message, "last_failed_at": now,
              "next_retry_at": retry_at}
    inserted = 0
    if previous is None:
        insert_into = (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)
        inserted = conn.execute(
            insert_into(entry_failures)
            .values(feed_id=feed_id, url=url, first_failed_at=now, **values)
            .on_conflict_do_nothing(index_elements=["feed_id", "url"])
        ).rowcount or 0
    if not inserted:
        conn.execute(update(entry_failures).where(*key).values(**values))
    return EntryFailure(feed_id, url, attempts, message, retry_at)


def entries_due_for_retry(
    conn: Connection, feed_id: int, now: datetime, limit: int
) -> list[EntryFailure]:
    """This feed's failed entries whose retry time has come, longest waiting first."""
    rows = conn.execute(
        select(entry_failures.c.url, entry_failures.c.attempts, entry_failures.c.last_error,
               entry_failures.c.next_retry_at)
        .where(entry_failures.c.feed_id == feed_id,
               entry_failures.c.next_retry_at.is_not(None),
               entry_failures.c.next_retry_at <= now)
        .order_by(entry_failures.c.next_retry_at, entry_failures.c.id)
        .limit(limit)
    )
    return [EntryFailure(feed_id, r.url, r.attempts, r.last_error, r.next_retry_at)
            for r in rows]


def clear_entry_failure(conn: Connection, feed_id: int, url: str) -> None:
    """The entry's article is stored: forget its failures."""
    conn.execute(delete(entry_failures).where(
        entry_failures.c.feed_id == feed_id, entry_failures.c.url == clean_required(url)))
