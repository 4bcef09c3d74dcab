"""Webhook delivery: signature a receiver can check, retries with backoff against a
receiver that fails twice, permanent refusals, and the SSRF guard."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx

from jarida.alerts.dispatch import dispatch
from jarida.alerts.enqueue import record_alerts
from jarida.alerts.signing import verify
from jarida.alerts.subscriptions import Created, subscribe
from jarida.alerts.webhook import retry_after_seconds
from jarida.settings import Settings
from jarida.storage import Database
from jarida.storage import alerts as store
from jarida.storage.alerts import NewAlert
from tests.alerts.receiver import Receiver
from tests.alerts.world import NOW, alert_settings


def _alert_for(db: Database, target: str, key: str = "test:1") -> Created:
    with db.write() as conn:
        created = subscribe(conn, target=target, now=NOW)
        record_alerts(conn, [NewAlert(dedup_key=key, rule="test",
                                      details={"note": "essai"})], NOW)
    return created


def _run(db: Database, settings: Settings, at: object) -> store.DeliveryRow:
    asyncio.run(dispatch(db, settings, now=at))  # type: ignore[arg-type]
    with db.read() as conn:
        return store.deliveries(conn)[0]


def test_receiver_verifies_the_signature_with_the_subscription_secret(
        db: Database, receiver: Receiver) -> None:
    created = _alert_for(db, receiver.url())
    row = _run(db, alert_settings(), NOW)
    assert row.state == "sent" and row.attempts == 1
    [got] = receiver.received
    assert verify(created.secret, got.body, got.headers["x-jarida-signature"])
    assert not verify("another secret", got.body, got.headers["x-jarida-signature"])
    assert not verify(created.secret, got.body + b" ", got.headers["x-jarida-signature"])
    body = json.loads(got.body)
    assert got.headers["idempotency-key"] == body["idempotency_key"] == row.idempotency_key
    assert got.headers["content-type"].startswith("application/json")
    assert body["type"] == "alert" and body["alerts"][0]["rule"] == "test"


def test_a_receiver_failing_twice_gets_the_same_delivery_three_times_with_backoff(
        db: Database, receiver: Receiver) -> None:
    receiver.statuses = [500, 503]
    _alert_for(db, receiver.url())
    settings = alert_settings(alerts_retry_seconds=10.0)
    first = _run(db, settings, NOW)
    assert (first.state, first.attempts, len(receiver.received)) == ("pending", 1, 1)
    assert first.last_error == "HTTP 500"
    early = _run(db, settings, NOW + timedelta(seconds=9))  # 10 s after the first failure
    assert len(receiver.received) == 1 and early.attempts == 1
    second = _run(db, settings, NOW + timedelta(seconds=10))
    assert (second.state, second.attempts, len(receiver.received)) == ("pending", 2, 2)
    still = _run(db, settings, NOW + timedelta(seconds=29))  # then 20 s: due at +30 s
    assert len(receiver.received) == 2 and still.state == "pending"
    third = _run(db, settings, NOW + timedelta(seconds=30))
    assert (third.state, third.attempts, len(receiver.received)) == ("sent", 3, 3)
    bodies = {r.body for r in receiver.received}
    keys = {r.headers["idempotency-key"] for r in receiver.received}
    signatures = {r.headers["x-jarida-signature"] for r in receiver.received}
    assert len(bodies) == len(keys) == len(signatures) == 1
    assert [r.headers["x-jarida-attempt"] for r in receiver.received] == ["1", "2", "3"]


def test_attempts_stop_at_the_maximum(db: Database, receiver: Receiver) -> None:
    receiver.statuses = [500] * 5
    _alert_for(db, receiver.url())
    settings = alert_settings(alerts_retry_seconds=1.0, alerts_max_attempts=3)
    for seconds in (0, 1, 3, 7, 15):
        row = _run(db, settings, NOW + timedelta(seconds=seconds))
    assert (row.state, row.attempts, len(receiver.received)) == ("failed", 3, 3)


def test_a_refusal_that_will_not_change_fails_at_once(db: Database, receiver: Receiver) -> None:
    receiver.statuses = [410]
    _alert_for(db, receiver.url())
    row = _run(db, alert_settings(), NOW)
    assert (row.state, row.attempts) == ("failed", 1) and "410" in (row.last_error or "")


def test_webhooks_to_private_addresses_are_refused_unless_allowed(
        db: Database, receiver: Receiver) -> None:
    _alert_for(db, receiver.url())
    row = _run(db, alert_settings(alerts_webhook_allowlist=[]), NOW)
    assert row.state == "failed" and "refused to connect" in (row.last_error or "")
    assert receiver.received == []


def test_a_429_retry_after_delays_the_next_attempt(db: Database, receiver: Receiver) -> None:
    """The receiver asks for 120 s; the schedule alone would come back after 10 s."""
    receiver.statuses = [(429, {"Retry-After": "120"}), (503, {"Retry-After": "1"})]
    _alert_for(db, receiver.url())
    settings = alert_settings(alerts_retry_seconds=10.0)
    first = _run(db, settings, NOW)
    assert (first.state, first.last_error) == ("pending", "HTTP 429")
    assert _run(db, settings, NOW + timedelta(seconds=119)).attempts == 1
    assert len(receiver.received) == 1  # not at +10 s, where the backoff alone would be
    second = _run(db, settings, NOW + timedelta(seconds=120))
    assert (second.attempts, len(receiver.received)) == (2, 2)
    # asking for less than the backoff (20 s after a second failure) changes nothing
    assert _run(db, settings, NOW + timedelta(seconds=139)).attempts == 2
    third = _run(db, settings, NOW + timedelta(seconds=140))
    assert (third.state, third.attempts, len(receiver.received)) == ("sent", 3, 3)


def test_a_retry_after_beyond_the_schedule_is_capped(db: Database, receiver: Receiver) -> None:
    """A day asked for; the schedule's longest wait is 10 s x 2^(4-2) = 40 s."""
    receiver.statuses = [(503, {"Retry-After": "86400"})]
    _alert_for(db, receiver.url())
    settings = alert_settings(alerts_retry_seconds=10.0, alerts_max_attempts=4)
    assert _run(db, settings, NOW).state == "pending"
    assert _run(db, settings, NOW + timedelta(seconds=39)).attempts == 1
    row = _run(db, settings, NOW + timedelta(seconds=40))
    assert (row.state, row.attempts, len(receiver.received)) == ("sent", 2, 2)


def test_a_retry_after_date_is_read_against_the_answers_date(
        db: Database, receiver: Receiver) -> None:
    """An HTTP-date 5 minutes after the answer's own Date header: 300 s, whatever the
    clock of the test (dispatch runs at the fixed NOW)."""
    def in_five_minutes() -> dict[str, str]:  # written as the answer (and its Date) is
        later = datetime.now(UTC) + timedelta(seconds=300)
        return {"Retry-After": format_datetime(later, usegmt=True)}

    receiver.statuses = [(503, in_five_minutes)]
    _alert_for(db, receiver.url())
    settings = alert_settings(alerts_retry_seconds=10.0)
    assert _run(db, settings, NOW).state == "pending"
    # 300 s, or 299 when the Date header's second ticked over after the Retry-After's
    assert _run(db, settings, NOW + timedelta(seconds=298)).attempts == 1
    assert _run(db, settings, NOW + timedelta(seconds=301)).state == "sent"


def test_retry_after_is_read_only_on_429_and_503() -> None:
    def answer(status: int, **headers: str) -> float | None:
        return retry_after_seconds(httpx.Response(status, headers=headers))

    assert answer(429, **{"Retry-After": "7"}) == 7.0
    assert answer(500, **{"Retry-After": "7"}) is None  # a 500's header is not honoured
    assert answer(503, **{"Retry-After": "soon"}) is None
    assert answer(503) is None
    assert answer(503, **{"Retry-After": "Wed, 02 Dec 2026 18:00:00 GMT",
                          "Date": "Wed, 02 Dec 2026 18:01:00 GMT"}) == 0.0  # already past
