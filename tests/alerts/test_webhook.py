"""Webhook delivery: signature a receiver can check, retries with backoff against a
receiver that fails twice, permanent refusals, and the SSRF guard."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta

from jarida.alerts.dispatch import dispatch
from jarida.alerts.enqueue import record_alerts
from jarida.alerts.signing import verify
from jarida.alerts.subscriptions import Created, subscribe
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
