"""The crawler's three touch points with WebSub, in one object.

`pushed()` before polling a feed (pushed bodies replace the poll), `after_poll()` once a
poll succeeded (a hub it names is noted for subscription), `maintain()` once per crawl
pass (subscribe, renew, unsubscribe). Without `JARIDA_PUBLIC_URL` all three do nothing.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

from jarida.crawl.fetcher import Fetcher
from jarida.model import Feed
from jarida.pipeline.poll import PollResult
from jarida.settings import Settings
from jarida.storage import websub as store
from jarida.websub.inbox import pushed_poll
from jarida.websub.maintenance import DbCall, MaintenanceReport, maintain_subscriptions


class WebSubLink:
    def __init__(self, settings: Settings, db: DbCall, fetcher: Fetcher) -> None:
        self._settings = settings
        self._db = db
        self._fetcher = fetcher

    @property
    def enabled(self) -> bool:
        return bool(self._settings.public_url)

    async def pushed(self, feed: Feed, timezone: str) -> PollResult | None:
        """Pushed entries waiting for this feed (taken from the inbox), or None."""
        if not self.enabled:
            return None
        bodies: list[bytes] = await self._db(lambda c: store.take_inbox(c, feed.id))
        return pushed_poll(feed, bodies, timezone) if bodies else None

    async def after_poll(self, feed: Feed, poll: PollResult) -> None:
        """Note the hub a polled feed names; its topic is the feed's self URL if given."""
        hub = poll.hub.hub
        if not self.enabled or hub is None:
            return
        topic = poll.hub.self_url or poll.new_url or feed.url
        now = datetime.now(UTC)
        await self._db(lambda c: store.note_hub(
            c, feed.id, hub=hub, topic=topic, token=secrets.token_urlsafe(24),
            secret=secrets.token_hex(32), now=now))

    async def is_pushed(self, feed: Feed) -> bool:
        """For the schedule: a verified, unexpired subscription (polling slows down)."""
        if not self.enabled:
            return False
        now = datetime.now(UTC)
        pushed: bool = await self._db(lambda c: store.feed_is_pushed(c, feed.id, now))
        return pushed

    async def maintain(self) -> MaintenanceReport:
        return await maintain_subscriptions(self._db, self._fetcher, self._settings)
