"""Stages the inline crawler and the distributed workers share, as plain functions.

Each takes what it needs and returns data (or writes through `jarida.storage` on the
connection it is given), so that `pipeline/crawler.py` (one process, an event loop)
and `jarida/distributed/tasks.py` (Dramatiq actors on many machines) store the same
records, log the same fetches and settle feeds and entries the same way.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime
from urllib.parse import urlsplit

from sqlalchemy import Connection

from jarida.crawl.result import FetchResult
from jarida.model import Entry, Feed, Source
from jarida.pipeline.extraction import ExtractJob, RecordJob
from jarida.pipeline.poll import PollResult
from jarida.pipeline.schedule import PollPlan, failure_delay, next_poll_time
from jarida.settings import Settings
from jarida.storage import entry_failures
from jarida.storage import feeds as feed_store
from jarida.storage.fetchlog import FetchLogEntry, log_fetches
from jarida.storage.schedule_state import save_schedule_state


def host_of(url: str) -> str:
    """The lower-case host name of `url` ("" when it has none or is malformed)."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def one_line(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}".splitlines()[0][:300]


def fetch_log_entry(result: FetchResult, feed_id: int | None,
                    outcome: str | None = None) -> FetchLogEntry:
    """The fetch log line of one request."""
    if outcome is None:
        outcome = "not_modified" if result.not_modified else "ok" if result.ok else "error"
        if result.gone:
            outcome = "gone"
    return FetchLogEntry(
        url=result.url, outcome=outcome, fetched_at=datetime.now(UTC), feed_id=feed_id,
        status=result.status, error=result.error, bytes=len(result.body),
        elapsed_ms=int(result.elapsed * 1000),
    )


def record_job(settings: Settings, feed: Feed, source: Source, entry: Entry, page: FetchResult,
               *, index_forms: bool) -> RecordJob:
    """What the extractor gets for one fetched page (an unanswered page: the feed entry)."""
    job = ExtractJob(
        body=page.body if page.ok else b"",
        encoding=page.encoding,
        url=page.final_url if page.ok else entry.url,
        timezone=source.timezone or settings.timezone,
        fallback=entry,
        source_name=source.name,
        languages=source.languages,
    )
    return RecordJob(job, entry, feed, source, fetched_at=datetime.now(UTC),
                     index_forms=index_forms)


def settle_entries(conn: Connection, feed_id: int, failed: dict[str, str],
                   stored: list[str]) -> None:
    """Remember failed entries for a later retry; forget those now stored."""
    now = datetime.now(UTC)
    for url, error in failed.items():
        entry_failures.record_entry_failure(conn, feed_id, url, error, now)
    entry_failures.clear_entry_failures(conn, feed_id, stored)


def write_poll_success(conn: Connection, feed: Feed, poll: PollResult, plan: PollPlan,
                       now: datetime) -> None:
    """A feed polled and its entries dealt with: follow its move, save its validators and
    its next poll time (sooner when a failed entry waits for a retry)."""
    moved = poll.new_url is not None and poll.new_url != feed.url
    relocated = moved and feed_store.update_feed_url(conn, feed.id, str(poll.new_url))
    if relocated and poll.new_kind:
        feed_store.set_feed_kind(conn, feed.id, poll.new_kind)
    next_at = plan.next_poll_at
    retry = entry_failures.next_entry_retry(conn, feed.id)
    if retry is not None and retry < next_at:
        next_at = max(retry, now)
    save_schedule_state(conn, feed.id, plan.state)
    fetch = poll.fetch
    feed_store.record_feed_success(
        conn, feed.id, polled_at=now, next_poll_at=next_at, poll_interval=plan.interval,
        etag=fetch.etag or feed.etag, last_modified=fetch.last_modified or feed.last_modified,
        body_hash=fetch.body_hash or feed.body_hash,
    )


def write_poll_failure(conn: Connection, feed: Feed, poll: PollResult,
                       logs: list[FetchLogEntry], settings: Settings, rng: random.Random,
                       now: datetime) -> None:
    """A feed that answered 410 is gone; any other failure backs off (Retry-After kept)."""
    log_fetches(conn, logs)
    if poll.gone:
        feed_store.mark_feed_gone(conn, feed.id, error="HTTP 410 Gone", polled_at=now)
        return
    delay = failure_delay(feed.consecutive_failures + 1, settings)
    if poll.fetch.retry_after:
        delay = max(delay, int(poll.fetch.retry_after))
    feed_store.mark_feed_failed(
        conn, feed.id, error=poll.error or "unknown error", polled_at=now,
        next_poll_at=next_poll_time(now, delay, rng),
    )


def write_feed_broken(conn: Connection, feed: Feed, message: str, settings: Settings,
                      rng: random.Random, now: datetime) -> None:
    """Anything raised while handling a feed: it fails alone and backs off."""
    feed_store.mark_feed_failed(
        conn, feed.id, error=message, polled_at=now,
        next_poll_at=next_poll_time(now, failure_delay(feed.consecutive_failures + 1, settings),
                                    rng),
    )
