"""Alert history, subscriptions, saved queries and the delivery outbox (room alerts).

The outbox: an alert row (unique `dedup_key`) and its delivery rows (unique idempotency
key, payload fixed) are written in one transaction BEFORE anything is sent. A sender
claims a due delivery for a while (`claimed_until`), sends it, then records `sent`, a
retry time or `failed`. A crash between sending and recording leaves the row pending:
it is sent again, same bytes, same key.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, delete, func, insert, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from jarida.storage.tables import (
    alert_deliveries,
    alert_queries,
    alert_subscriptions,
    alerts,
    watch_subjects,
)

PENDING, SENT, FAILED = "pending", "sent", "failed"


@dataclass(frozen=True)
class NewAlert:
    """An event a rule found; `dedup_key` names it so that it is recorded only once."""

    dedup_key: str
    rule: str
    details: dict[str, Any]
    subject_id: int | None = None
    query_id: int | None = None
    article_id: int | None = None
    source_id: int | None = None
    window_start: datetime | None = None
    window_end: datetime | None = None
    observed: int | None = None
    expected: float | None = None
    score: float | None = None


@dataclass(frozen=True)
class StoredAlert:
    id: int
    dedup_key: str
    rule: str
    subject_id: int | None
    query_id: int | None
    details: dict[str, Any]
    created_at: datetime


@dataclass(frozen=True)
class Subscription:
    id: int
    channel: str  # webhook, email
    target: str
    secret: str
    rules: tuple[str, ...]
    subject_id: int | None
    subject: str | None  # the subject's slug
    query_id: int | None
    mode: str  # immediate, digest
    language: str
    active: bool
    created_at: datetime

    def wants(self, alert: StoredAlert) -> bool:
        """Does this subscription receive that alert?"""
        if alert.rule != "test" and alert.rule not in self.rules:
            return False
        if self.subject_id is not None and alert.subject_id != self.subject_id:
            return False
        return self.query_id is None or alert.query_id == self.query_id


@dataclass(frozen=True)
class SavedQuery:
    id: int
    name: str
    query: str
    language: str | None
    created_at: datetime


@dataclass(frozen=True)
class Delivery:
    """A claimed outbox row with what sending it needs."""

    id: int
    idempotency_key: str
    payload: str
    attempts: int  # before this one
    subscription: Subscription


@dataclass(frozen=True)
class DeliveryRow:
    id: int
    subscription_id: int
    channel: str
    target: str
    alert_id: int | None
    digest_day: str | None
    idempotency_key: str
    state: str
    attempts: int
    last_error: str | None
    created_at: datetime
    sent_at: datetime | None


def _insert_ignoring(conn: Connection, table: Any, values: dict[str, Any]) -> bool:
    """INSERT unless a unique key already holds the row; True when a row was added."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    # RETURNING, not rowcount: psycopg reports 1 for a row the conflict skipped.
    added = conn.execute(dialect.insert(table).values(**values).on_conflict_do_nothing()
                         .returning(table.c.id)).first()
    return added is not None


def _alert(row: Any) -> StoredAlert:
    return StoredAlert(row.id, row.dedup_key, row.rule, row.subject_id, row.query_id,
                       json.loads(row.details), row.created_at)


def _with_measures(alert: NewAlert) -> dict[str, Any]:
    """The details a message shows, with the rule's window and figures."""
    measures = {
        "window_start": alert.window_start.isoformat() if alert.window_start else None,
        "window_end": alert.window_end.isoformat() if alert.window_end else None,
        "observed": alert.observed, "expected": alert.expected, "p_value": alert.score,
    }
    return {**{k: v for k, v in measures.items() if v is not None}, **alert.details}


def record_alert(conn: Connection, alert: NewAlert, now: datetime) -> StoredAlert | None:
    """Store an alert unless its event is already known; the new alert, else None."""
    values = {
        "dedup_key": alert.dedup_key, "rule": alert.rule, "subject_id": alert.subject_id,
        "query_id": alert.query_id, "article_id": alert.article_id,
        "source_id": alert.source_id, "window_start": alert.window_start,
        "window_end": alert.window_end, "observed": alert.observed,
        "expected": alert.expected, "score": alert.score,
        "details": json.dumps(_with_measures(alert), ensure_ascii=False, sort_keys=True),
        "created_at": now,
    }
    if not _insert_ignoring(conn, alerts, values):
        return None
    row = conn.execute(select(alerts).where(alerts.c.dedup_key == alert.dedup_key)).one()
    return _alert(row)


def known_dedup_keys(conn: Connection, keys: Sequence[str]) -> set[str]:
    if not keys:
        return set()
    rows = conn.execute(select(alerts.c.dedup_key).where(alerts.c.dedup_key.in_(list(keys))))
    return {r.dedup_key for r in rows}


def alerts_created_between(conn: Connection, start: datetime, end: datetime) -> list[StoredAlert]:
    rows = conn.execute(select(alerts).where(alerts.c.created_at >= start,
                                             alerts.c.created_at < end).order_by(alerts.c.id))
    return [_alert(r) for r in rows]


def alert_history(conn: Connection, *, limit: int = 50, rule: str | None = None,
                  subject_id: int | None = None, before: int | None = None
                  ) -> list[StoredAlert]:
    """The latest alerts, newest first; `before` an alert id, for the next page."""
    query = select(alerts).order_by(alerts.c.id.desc()).limit(limit)
    if rule:
        query = query.where(alerts.c.rule == rule)
    if subject_id is not None:
        query = query.where(alerts.c.subject_id == subject_id)
    if before is not None:
        query = query.where(alerts.c.id < before)
    return [_alert(r) for r in conn.execute(query)]


def _subscription(row: Any) -> Subscription:
    return Subscription(
        id=row.id, channel=row.channel, target=row.target, secret=row.secret,
        rules=tuple(r for r in row.rules.split(",") if r), subject_id=row.subject_id,
        subject=row.subject_slug, query_id=row.query_id, mode=row.mode,
        language=row.language, active=row.active, created_at=row.created_at,
    )


def _subscriptions_query() -> Any:
    return (select(alert_subscriptions, watch_subjects.c.slug.label("subject_slug"))
            .outerjoin(watch_subjects, watch_subjects.c.id == alert_subscriptions.c.subject_id)
            .order_by(alert_subscriptions.c.id))


def list_subscriptions(conn: Connection, *, active_only: bool = False) -> list[Subscription]:
    query = _subscriptions_query()
    if active_only:
        query = query.where(alert_subscriptions.c.active.is_(True))
    return [_subscription(r) for r in conn.execute(query)]


def subscription_by_id(conn: Connection, subscription_id: int) -> Subscription | None:
    row = conn.execute(_subscriptions_query()
                       .where(alert_subscriptions.c.id == subscription_id)).first()
    return _subscription(row) if row is not None else None


def add_subscription(conn: Connection, *, channel: str, target: str, secret: str,
                     rules: Sequence[str], subject_id: int | None, query_id: int | None,
                     mode: str, language: str, now: datetime) -> int:
    result = conn.execute(insert(alert_subscriptions).values(
        channel=channel, target=target, secret=secret, rules=",".join(rules),
        subject_id=subject_id, query_id=query_id, mode=mode, language=language,
        active=True, created_at=now))
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def update_subscription(conn: Connection, subscription_id: int, *, channel: str, target: str,
                        rules: Sequence[str], subject_id: int | None, query_id: int | None,
                        mode: str, language: str, active: bool) -> bool:
    """Change a subscription (its secret and its deliveries stay); False when unknown."""
    result = conn.execute(update(alert_subscriptions)
                          .where(alert_subscriptions.c.id == subscription_id).values(
        channel=channel, target=target, rules=",".join(rules), subject_id=subject_id,
        query_id=query_id, mode=mode, language=language, active=active))
    return bool(result.rowcount)


def remove_subscription(conn: Connection, subscription_id: int) -> bool:
    """Delete a subscription and its deliveries (its alerts stay in the history)."""
    conn.execute(delete(alert_deliveries)
                 .where(alert_deliveries.c.subscription_id == subscription_id))
    result = conn.execute(delete(alert_subscriptions)
                          .where(alert_subscriptions.c.id == subscription_id))
    return bool(result.rowcount)


def subject_id_by_slug(conn: Connection, slug: str) -> int | None:
    return conn.execute(select(watch_subjects.c.id)
                        .where(watch_subjects.c.slug == slug)).scalar_one_or_none()


def add_query(conn: Connection, name: str, query: str, language: str | None,
              now: datetime) -> int:
    result = conn.execute(insert(alert_queries).values(
        name=name, query=query, language=language, created_at=now))
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def list_queries(conn: Connection) -> list[SavedQuery]:
    rows = conn.execute(select(alert_queries).order_by(alert_queries.c.id))
    return [SavedQuery(r.id, r.name, r.query, r.language, r.created_at) for r in rows]


def query_by_name(conn: Connection, name: str) -> SavedQuery | None:
    row = conn.execute(select(alert_queries).where(alert_queries.c.name == name)).first()
    return SavedQuery(row.id, row.name, row.query, row.language, row.created_at) if row else None


def query_by_id(conn: Connection, query_id: int) -> SavedQuery | None:
    row = conn.execute(select(alert_queries).where(alert_queries.c.id == query_id)).first()
    return SavedQuery(row.id, row.name, row.query, row.language, row.created_at) if row else None


def update_query(conn: Connection, query_id: int, *, name: str, query: str,
                 language: str | None) -> bool:
    """Change a saved query in place: its id, its creation time and the rules limited to
    it stay. False when it is gone."""
    result = conn.execute(update(alert_queries).where(alert_queries.c.id == query_id)
                          .values(name=name, query=query, language=language))
    return bool(result.rowcount)


def remove_query(conn: Connection, name: str) -> bool:
    query = query_by_name(conn, name)
    if query is None:
        return False
    conn.execute(delete(alert_deliveries).where(alert_deliveries.c.subscription_id.in_(
        select(alert_subscriptions.c.id).where(alert_subscriptions.c.query_id == query.id))))
    conn.execute(delete(alert_subscriptions).where(alert_subscriptions.c.query_id == query.id))
    conn.execute(delete(alert_queries).where(alert_queries.c.id == query.id))
    return True


def enqueue_delivery(conn: Connection, *, subscription_id: int, key: str, payload: str,
                     now: datetime, alert_id: int | None = None,
                     digest_day: str | None = None) -> bool:
    """Add a pending delivery unless that alert or digest day already has one."""
    return _insert_ignoring(conn, alert_deliveries, {
        "subscription_id": subscription_id, "alert_id": alert_id, "digest_day": digest_day,
        "idempotency_key": key, "payload": payload, "state": PENDING, "attempts": 0,
        "next_attempt_at": now, "created_at": now,
    })


def digest_days_of(conn: Connection, subscription_id: int) -> set[str]:
    rows = conn.execute(select(alert_deliveries.c.digest_day).where(
        alert_deliveries.c.subscription_id == subscription_id,
        alert_deliveries.c.digest_day.is_not(None)))
    return {r.digest_day for r in rows}


def claim_due(conn: Connection, now: datetime, hold: timedelta, limit: int = 50
              ) -> list[Delivery]:
    """Pending deliveries due now, each claimed for `hold` so no other sender takes it."""
    d = alert_deliveries
    ids = conn.execute(
        select(d.c.id).where(d.c.state == PENDING, d.c.next_attempt_at <= now,
                             or_(d.c.claimed_until.is_(None), d.c.claimed_until <= now))
        .order_by(d.c.next_attempt_at, d.c.id).limit(limit)
    ).scalars().all()
    claimed: list[Delivery] = []
    for delivery_id in ids:
        taken = conn.execute(
            update(d).where(d.c.id == delivery_id, d.c.state == PENDING,
                            or_(d.c.claimed_until.is_(None), d.c.claimed_until <= now))
            .values(claimed_until=now + hold))
        if not taken.rowcount:
            continue  # another sender was faster
        row = conn.execute(select(d).where(d.c.id == delivery_id)).one()
        subscription = subscription_by_id(conn, row.subscription_id)
        if subscription is not None:
            claimed.append(Delivery(row.id, row.idempotency_key, row.payload, row.attempts,
                                    subscription))
    return claimed


def mark_sent(conn: Connection, delivery_id: int, now: datetime) -> None:
    conn.execute(update(alert_deliveries).where(alert_deliveries.c.id == delivery_id).values(
        state=SENT, attempts=alert_deliveries.c.attempts + 1, sent_at=now,
        claimed_until=None, last_error=None))


def mark_retry(conn: Connection, delivery_id: int, error: str, at: datetime) -> None:
    conn.execute(update(alert_deliveries).where(alert_deliveries.c.id == delivery_id).values(
        attempts=alert_deliveries.c.attempts + 1, next_attempt_at=at, claimed_until=None,
        last_error=error[:500]))


def mark_failed(conn: Connection, delivery_id: int, error: str) -> None:
    conn.execute(update(alert_deliveries).where(alert_deliveries.c.id == delivery_id).values(
        state=FAILED, attempts=alert_deliveries.c.attempts + 1, claimed_until=None,
        last_error=error[:500]))


def deliveries(conn: Connection, *, alert_id: int | None = None, limit: int = 100
               ) -> list[DeliveryRow]:
    """Outbox rows, newest first (optionally those of one alert)."""
    d, s = alert_deliveries, alert_subscriptions
    query = (select(d, s.c.channel, s.c.target).join(s, s.c.id == d.c.subscription_id)
             .order_by(d.c.id.desc()).limit(limit))
    if alert_id is not None:
        query = query.where(d.c.alert_id == alert_id)
    return [DeliveryRow(r.id, r.subscription_id, r.channel, r.target, r.alert_id,
                        r.digest_day, r.idempotency_key, r.state, r.attempts, r.last_error,
                        r.created_at, r.sent_at) for r in conn.execute(query)]


def deliveries_of(conn: Connection, alert_ids: Sequence[int]) -> dict[int, list[DeliveryRow]]:
    """The deliveries of each of `alert_ids`, oldest first."""
    out: dict[int, list[DeliveryRow]] = {a: [] for a in alert_ids}
    if not alert_ids:
        return out
    d, s = alert_deliveries, alert_subscriptions
    rows = conn.execute(select(d, s.c.channel, s.c.target).join(s, s.c.id == d.c.subscription_id)
                        .where(d.c.alert_id.in_(list(alert_ids))).order_by(d.c.id))
    for r in rows:
        out[r.alert_id].append(DeliveryRow(
            r.id, r.subscription_id, r.channel, r.target, r.alert_id, r.digest_day,
            r.idempotency_key, r.state, r.attempts, r.last_error, r.created_at, r.sent_at))
    return out


def outbox_counts(conn: Connection) -> dict[str, int]:
    rows = conn.execute(select(alert_deliveries.c.state, func.count())
                        .group_by(alert_deliveries.c.state))
    return {state: int(n) for state, n in rows}


