"""Keeping subscriptions alive: subscribe new ones, renew leases, unsubscribe removed feeds.

A request is recorded as pending *before* it is sent, so that a hub verifying at once
(while our POST is still open) finds it. Without an answer within the retry delay, the
request is sent again, backing off up to a day; a removed feed's subscription is
forgotten after a few unanswered unsubscribes (its lease then simply runs out).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

from sqlalchemy import Connection

from jarida.crawl.fetcher import Fetcher
from jarida.settings import Settings
from jarida.storage import websub as store
from jarida.websub.hub_client import ask_hub

log = logging.getLogger(__name__)

DbCall = Callable[[Callable[[Connection], Any]], Awaitable[Any]]
MAX_UNSUBSCRIBE_ATTEMPTS = 3
PER_PASS = 20  # a crawl pass waits for these; the rest wait for the next pass


@dataclass
class MaintenanceReport:
    subscribe_sent: int = 0
    unsubscribe_sent: int = 0
    failed: int = 0
    forgotten: int = 0


def retry_delay(attempts: int) -> timedelta:
    return timedelta(seconds=min(600 * 2 ** min(attempts, 10), 86400))


async def maintain_subscriptions(db: DbCall, fetcher: Fetcher, settings: Settings,
                                 now: datetime | None = None) -> MaintenanceReport:
    """Act on the subscriptions that are due (at most `PER_PASS`, hubs asked concurrently,
    each hub host paced like any host); nothing at all without `public_url`."""
    report = MaintenanceReport()
    public_url = settings.public_url
    if not public_url:
        return report
    at = now or datetime.now(UTC)
    due: list[store.Subscription] = await db(
        partial(store.subscriptions_due, now=at, limit=PER_PASS))

    async def act(sub: store.Subscription) -> None:
        removed = sub.feed_id is None or sub.feed_gone
        never_subscribed = sub.state == "inactive" and sub.pending is None
        if removed and (never_subscribed or sub.attempts >= MAX_UNSUBSCRIBE_ATTEMPTS):
            await db(partial(store.forget_subscription, sub_id=sub.id))
            report.forgotten += 1
            return
        mode = "unsubscribe" if removed else "subscribe"
        # Pending first: a hub may verify while our request is still open.
        await db(partial(store.mark_requested, sub_id=sub.id, pending=mode,
                         retry_at=at + retry_delay(sub.attempts), attempts=sub.attempts + 1))
        error = await ask_hub(fetcher, sub, mode, public_url=public_url,
                              lease_seconds=settings.websub_lease_seconds)
        if error is None:
            setattr(report, f"{mode}_sent", getattr(report, f"{mode}_sent") + 1)
            return
        log.warning("websub: %s", error)
        report.failed += 1
        await db(partial(store.mark_request_failed, sub_id=sub.id, error=error,
                         retry_at=at + retry_delay(sub.attempts)))

    await asyncio.gather(*(act(sub) for sub in due))
    return report
