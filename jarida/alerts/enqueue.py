"""Recording alerts once and queueing their deliveries, in the caller's transaction.

This is the outbox's write side: the alert row, and a pending delivery (idempotency key,
frozen body) for each immediate subscription that wants it, are committed together before
anything is sent. Digest subscriptions get one delivery per local day (`queue_digests`),
once that day is over and `alerts_digest_hour` has passed.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Connection

from jarida.alerts.payload import delivery_body
from jarida.alerts.windows import day_bounds, local_day
from jarida.settings import Settings
from jarida.storage import alerts as store
from jarida.storage.alerts import NewAlert, StoredAlert

DIGEST_DAYS_BACK = 7  # a digest older than this is not sent late


def new_key() -> str:
    return uuid.uuid4().hex


def record_alerts(conn: Connection, found: Sequence[NewAlert], now: datetime
                  ) -> list[StoredAlert]:
    """Store the events not seen before and queue their immediate deliveries."""
    subscriptions = store.list_subscriptions(conn, active_only=True)
    created: list[StoredAlert] = []
    for event in found:
        alert = store.record_alert(conn, event, now)
        if alert is None:
            continue  # known event: already alerted (and queued) once
        created.append(alert)
        for sub in subscriptions:
            if sub.mode == "immediate" and sub.wants(alert):
                key = new_key()
                store.enqueue_delivery(
                    conn, subscription_id=sub.id, alert_id=alert.id, key=key, now=now,
                    payload=delivery_body(key=key, kind="alert", created_at=now,
                                          alerts=[alert]))
    return created


def queue_digests(conn: Connection, settings: Settings, now: datetime) -> int:
    """Queue each digest subscription's finished days that have alerts; how many queued."""
    zone = ZoneInfo(settings.timezone)
    today = local_day(now, zone)
    queued = 0
    for sub in store.list_subscriptions(conn, active_only=True):
        if sub.mode != "digest":
            continue
        done = store.digest_days_of(conn, sub.id)
        first = max(local_day(sub.created_at, zone), today - timedelta(days=DIGEST_DAYS_BACK))
        day = first
        while day < today:
            start, end = day_bounds(day, zone)
            due = end + timedelta(hours=settings.alerts_digest_hour)
            if day.isoformat() not in done and now >= due:
                wanted = [a for a in store.alerts_created_between(conn, start, end)
                          if sub.wants(a)]
                if wanted:
                    key = new_key()
                    queued += store.enqueue_delivery(
                        conn, subscription_id=sub.id, digest_day=day.isoformat(), key=key,
                        now=now, payload=delivery_body(
                            key=key, kind="digest", created_at=now, alerts=wanted,
                            day=day.isoformat()))
            day += timedelta(days=1)
    return queued


def queue_test(conn: Connection, subscription_id: int, now: datetime) -> StoredAlert | None:
    """A test alert for one subscription only (the others never see it)."""
    sub = store.subscription_by_id(conn, subscription_id)
    if sub is None:
        return None
    alert = store.record_alert(conn, NewAlert(
        dedup_key=f"test:{sub.id}:{new_key()}", rule="test",
        details={"note": "test alert sent on request"}), now)
    assert alert is not None  # a fresh random key is never known
    key = new_key()
    store.enqueue_delivery(conn, subscription_id=sub.id, alert_id=alert.id, key=key, now=now,
                           payload=delivery_body(key=key, kind="alert", created_at=now,
                                                 alerts=[alert]))
    return alert
