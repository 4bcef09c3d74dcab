"""The outbox's send side: claim due deliveries, send each, record what happened.

State machine of a delivery: pending → sent, or pending → pending (retry at
now + alerts_retry_seconds × 2^(attempts−1), or later when a 429 or 503 answer's
Retry-After asks for more, never past the schedule's longest wait) → ... → failed after
alerts_max_attempts or
on an answer that will not change (HTTP 4xx other than 408/425/429, SMTP 5xx, an address
the SSRF guard refuses).

Guarantee: at-least-once delivery. The outcome is recorded only after the send; if the
process dies in between, the claim lapses (`CLAIM_SECONDS`) and the delivery is sent
again with the same idempotency key, body and signature (webhook) or Message-ID (e-mail),
so the receiver can drop the repeat. Alerts themselves are created exactly once.
"""

from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from jarida.alerts import texts
from jarida.alerts.email import build_message, send_email
from jarida.alerts.outcome import Outcome
from jarida.alerts.webhook import post_webhook, webhook_client, webhook_headers
from jarida.settings import Settings
from jarida.storage import Database
from jarida.storage import alerts as store
from jarida.storage.alerts import Delivery

log = logging.getLogger("jarida.alerts")

CLAIM_SECONDS = 300.0  # a sender that died frees its deliveries after this


@dataclass
class DispatchReport:
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def backoff(settings: Settings, attempts: int) -> timedelta:
    """Wait after the `attempts`-th failed attempt: retry_seconds, doubled each time."""
    return timedelta(seconds=settings.alerts_retry_seconds * 2 ** max(0, attempts - 1))


def longest_backoff(settings: Settings) -> timedelta:
    """The cap of any wait: the schedule's wait before its last attempt."""
    return backoff(settings, max(1, settings.alerts_max_attempts - 1))


def retry_wait(settings: Settings, attempts: int, retry_after: float | None) -> timedelta:
    """Wait after the `attempts`-th failed attempt: the backoff, or the receiver's
    Retry-After when it asks for longer, capped at `longest_backoff` (a receiver asking
    for a day still gets its attempts within the schedule's reach)."""
    wait = backoff(settings, attempts)
    if retry_after is None:
        return wait
    cap = max(wait, longest_backoff(settings))
    return min(cap, max(wait, timedelta(seconds=retry_after)))


async def send_one(settings: Settings, client: httpx.AsyncClient, delivery: Delivery
                   ) -> Outcome:
    sub = delivery.subscription
    payload: dict[str, Any] = json.loads(delivery.payload)
    if sub.channel == "webhook":
        body = delivery.payload.encode()
        headers = webhook_headers(settings, secret=sub.secret, key=delivery.idempotency_key,
                                  kind=payload["type"], body=body,
                                  attempt=delivery.attempts + 1)
        return await post_webhook(client, sub.target, headers, body)
    message = build_message(
        sender=settings.alerts_email_from, to=sub.target,
        subject=texts.subject_line(settings.site_name, payload, sub.language),
        text=texts.body_text(settings.site_name, payload, sub.language),
        key=delivery.idempotency_key, created_at=datetime.fromisoformat(payload["created_at"]),
    )
    return await send_email(settings, message)


def _record(db: Database, settings: Settings, delivery: Delivery, outcome: Outcome,
            now: datetime) -> str:
    with db.write() as conn:
        if outcome.ok:
            store.mark_sent(conn, delivery.id, now)
            return store.SENT
        attempts = delivery.attempts + 1
        if outcome.retry and attempts < settings.alerts_max_attempts:
            store.mark_retry(conn, delivery.id, outcome.error,
                             now + retry_wait(settings, attempts, outcome.retry_after))
            return store.PENDING
        store.mark_failed(conn, delivery.id, outcome.error)
        return store.FAILED


async def dispatch(db: Database, settings: Settings, *, now: datetime | None = None,
                   client: httpx.AsyncClient | None = None) -> DispatchReport:
    """Send every delivery due at `now` (default: the clock) once; the tally."""
    moment = now or datetime.now(UTC)

    def claim() -> list[Delivery]:
        with db.write() as conn:
            return store.claim_due(conn, moment, timedelta(seconds=CLAIM_SECONDS))

    report = DispatchReport()
    claimed = await asyncio.to_thread(claim)
    if not claimed:
        return report
    own = client is None
    http = client or webhook_client(settings)
    try:
        for delivery in claimed:
            outcome = await send_one(settings, http, delivery)
            finished = now or datetime.now(UTC)
            state = await asyncio.to_thread(_record, db, settings, delivery, outcome, finished)
            if state == store.SENT:
                report.sent += 1
                continue
            report.errors.append(f"delivery {delivery.id}: {outcome.error}")
            if state == store.PENDING:
                report.retrying += 1
            else:
                report.failed += 1
            log.warning("alert delivery %d to %s: %s (%s)", delivery.id,
                        delivery.subscription.target, outcome.error, state)
    finally:
        if own:
            await http.aclose()
    return report
