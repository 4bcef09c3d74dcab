"""`jarida scheduler`: claim the due feeds in the database and enqueue one poll each.

Claiming is `storage.feeds.claim_due_feeds`: on PostgreSQL the due rows are locked
FOR UPDATE SKIP LOCKED and moved to the end of a lease in one transaction, and the
messages are sent (with publisher confirms) before it commits. A second scheduler
running at the same moment skips the locked rows and, once they are committed, finds
them not due: a feed is never enqueued twice. If sending fails the transaction rolls
back and the feeds stay due; if the worker's poll never reports back (its message
dead-lettered), the feed is due again when the lease ends.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Callable
from datetime import UTC, datetime

from jarida.crawl.fetcher import Fetcher
from jarida.pipeline.crawler import CLAIM_LEASE_SECONDS
from jarida.settings import Settings
from jarida.storage import Database
from jarida.storage.failures import describe
from jarida.storage.feeds import claim_due_feeds, next_due_time

log = logging.getLogger("jarida.scheduler")

BATCH = 500            # feeds claimed per transaction
IDLE_SECONDS = 5.0     # longest sleep between two looks at the schedule
RETRY_SECONDS = 5.0    # after a failed look (database or broker unreachable)


def owner_name() -> str:
    return f"scheduler:{socket.gethostname()}:{os.getpid()}"


def enqueue_due(db: Database, send_poll: Callable[[int], None], *, owner: str,
                now: datetime | None = None, limit: int = BATCH) -> list[int]:
    """Claim up to `limit` due feeds and send a poll for each; the ids sent."""
    now = now or datetime.now(UTC)
    with db.write() as conn:
        feeds = claim_due_feeds(conn, now, lease_seconds=CLAIM_LEASE_SECONDS, limit=limit,
                                owner=owner)
        for feed in feeds:
            send_poll(feed.id)
    return [f.id for f in feeds]


def _seconds_to_next(db: Database) -> float:
    with db.read() as conn:
        due = next_due_time(conn)
    if due is None:
        return IDLE_SECONDS
    return max(0.0, min(IDLE_SECONDS, (due - datetime.now(UTC)).total_seconds()))


def fleet_fetcher(settings: Settings) -> Fetcher:
    """A Fetcher paced by the fleet (the scheduler's requests to WebSub hubs)."""
    from jarida.distributed.broker import politeness_client
    from jarida.distributed.pacing import FleetPacer
    from jarida.distributed.robots import SharedRobots

    client = politeness_client(settings)
    pacer = FleetPacer(client, prefix=settings.queue_prefix, delay=settings.host_delay_seconds,
                       slot_seconds=settings.host_slot_seconds)
    robots = SharedRobots(client, prefix=settings.queue_prefix,
                          ttl=settings.robots_cache_seconds)
    return Fetcher(settings, pacer=pacer, share_robots=robots)


def run_scheduler(db: Database, send_poll: Callable[[int], None],
                  stop: threading.Event, maintain: Callable[[], object] | None = None) -> int:
    """Enqueue due feeds until `stop` is set; the number of polls sent. `maintain` (WebSub
    subscriptions: `distributed.websub.Maintainer`) runs once per look."""
    owner, sent = owner_name(), 0
    while not stop.is_set():
        try:
            if maintain is not None:
                maintain()
            ids = enqueue_due(db, send_poll, owner=owner)
            sent += len(ids)
            if ids:
                log.info("enqueued %d feeds", len(ids))
            if len(ids) == BATCH:
                continue
            wait = _seconds_to_next(db)
        except Exception as exc:  # the database or the broker is away: try again soon
            log.error("scheduling failed: %s; retrying in %.0f s", describe(exc),
                      RETRY_SECONDS)
            wait = RETRY_SECONDS
        stop.wait(max(wait, 0.2))
    return sent
