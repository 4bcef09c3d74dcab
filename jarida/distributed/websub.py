"""WebSub in distributed mode: pushed bodies stand in for a poll, hubs are noted.

The web process receives the hub's pushes (`websub/callback.py`): a signed body goes
to the feed's inbox and makes the feed due now, so the scheduler's next look claims
it and enqueues a poll as for any due feed. The worker's poll reads the inbox first;
pushed bodies replace the request (no fetch, no host turn), and they leave the inbox
in the transaction that records the poll, after the entries are with the broker:
a worker killed in between leaves them for the replayed message. Subscriptions are
made, renewed and ended by the scheduler (`maintain`). Without `JARIDA_PUBLIC_URL`
all of it does nothing, as in `jarida run`.
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from jarida.crawl.fetcher import Fetcher
from jarida.model import Feed
from jarida.pipeline.poll import PollResult
from jarida.settings import Settings
from jarida.storage import Database
from jarida.storage import websub as store
from jarida.websub.inbox import pushed_poll
from jarida.websub.maintenance import MaintenanceReport, maintain_subscriptions

Read = Callable[[Callable[[Connection], Any]], Any]


@dataclass
class Pushed:
    """A poll made of pushed bodies, and the inbox rows to drop once it is recorded."""

    poll: PollResult
    inbox_ids: list[int] = field(default_factory=list)


def pushed(settings: Settings, read: Read, write: Read, feed: Feed, timezone: str
           ) -> Pushed | None:
    """The feed's pushed entries as a poll (inbox left as it is), or None: poll it."""
    if not settings.public_url:
        return None
    rows: list[tuple[int, bytes]] = read(lambda c: store.inbox_of(c, feed.id))
    if not rows:
        return None
    poll = pushed_poll(feed, [body for _, body in rows], timezone)
    if poll is None:  # nothing usable was pushed: dropped, and the feed is polled
        write(lambda c: store.drop_inbox(c, [i for i, _ in rows]))
        return None
    return Pushed(poll, [i for i, _ in rows])


def is_pushed(settings: Settings, conn: Connection, feed_id: int, now: datetime) -> bool:
    """For the schedule: a verified, unexpired subscription (polling slows down)."""
    return bool(settings.public_url) and store.feed_is_pushed(conn, feed_id, now)


def after_poll(settings: Settings, conn: Connection, feed: Feed, poll: PollResult,
               now: datetime) -> None:
    """Note the hub a polled feed names (in the poll's own transaction)."""
    hub = poll.hub.hub
    if not settings.public_url or hub is None:
        return
    topic = poll.hub.self_url or poll.new_url or feed.url
    store.note_hub(conn, feed.id, hub=hub, topic=topic, token=secrets.token_urlsafe(24),
                   secret=secrets.token_hex(32), now=now)


class Maintainer:
    """Subscribes, renews and unsubscribes what is due; the scheduler calls it each look.

    Its requests to hubs go through a Fetcher paced by the fleet's `FleetPacer`, on an
    event loop of its own (kept: the Fetcher's connections belong to it)."""

    def __init__(self, db: Database, settings: Settings,
                 fetcher: Callable[[], Fetcher]) -> None:
        self._db = db
        self._settings = settings
        self._make_fetcher = fetcher
        self._fetcher: Fetcher | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def __call__(self) -> MaintenanceReport:
        if not self._settings.public_url:
            return MaintenanceReport()
        if self._loop is None:
            self._loop = asyncio.new_event_loop()
        if self._fetcher is None:
            self._fetcher = self._make_fetcher()

        async def call(fn: Callable[[Connection], Any]) -> Any:
            with self._db.write() as conn:
                return fn(conn)

        return self._loop.run_until_complete(
            maintain_subscriptions(call, self._fetcher, self._settings))

    def close(self) -> None:
        if self._loop is not None:
            if self._fetcher is not None:
                self._loop.run_until_complete(self._fetcher.aclose())
            self._loop.close()
