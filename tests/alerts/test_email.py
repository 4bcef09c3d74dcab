"""E-mail delivery through a local aiosmtpd server: one message per alert, localised
subject lines, a Message-ID built from the idempotency key; the daily digest."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from jarida.alerts.dispatch import dispatch
from jarida.alerts.enqueue import queue_digests, record_alerts
from jarida.alerts.subscriptions import subscribe
from jarida.storage import Database
from jarida.storage import alerts as store
from jarida.storage.alerts import NewAlert
from tests.alerts.mailbox import Mailbox
from tests.alerts.world import NOW, World, alert_settings


def _spike(subject_id: int, day: str) -> NewAlert:
    return NewAlert(dedup_key=f"spike:{subject_id}:{day}", rule="spike", subject_id=subject_id,
                    observed=12, expected=3.0, score=1e-5,
                    details={"subject": "atlas", "subject_name": "Atlas Énergie",
                             "window": "day", "day": day})


@pytest.mark.parametrize(("language", "expected"), [
    ("fr", "[Jarida] Pic de mentions : Atlas Énergie"),
    ("ar", "[Jarida] ذروة في الإشارات: Atlas Énergie"),
    ("es", "[Jarida] Pico de menciones: Atlas Énergie"),
    ("en", "[Jarida] Mention spike: Atlas Énergie"),
])
def test_one_email_per_alert_with_a_localised_subject(
        db: Database, world: World, mailbox: Mailbox, language: str, expected: str) -> None:
    subject_id = world.subject("atlas", "Atlas Énergie")
    settings = alert_settings(smtp_url=mailbox.url)
    with db.write() as conn:
        subscribe(conn, target="presse@atlas.test", language=language, now=NOW)
        record_alerts(conn, [_spike(subject_id, "2026-11-20"), _spike(subject_id, "2026-11-19")],
                      NOW)
        record_alerts(conn, [_spike(subject_id, "2026-11-20")], NOW)  # known: nothing new
    report = asyncio.run(dispatch(db, settings, now=NOW))
    asyncio.run(dispatch(db, settings, now=NOW + timedelta(hours=1)))
    assert report.sent == 2 and len(mailbox.messages) == 2
    with db.read() as conn:
        keys = {d.idempotency_key for d in store.deliveries(conn)}
    for message in mailbox.messages:
        assert message["Subject"] == expected
        assert message["To"] == "presse@atlas.test"
        assert message["From"] == "veille@jarida.test"
        key = message["X-Jarida-Idempotency-Key"]
        assert key in keys and message["Message-ID"] == f"<{key}@jarida.test>"
        assert "12" in message.get_payload(decode=True).decode()
    assert mailbox.recipients == [["presse@atlas.test"]] * 2


def test_without_an_smtp_server_the_email_waits(db: Database, world: World) -> None:
    subject_id = world.subject("atlas", "Atlas")
    with db.write() as conn:
        subscribe(conn, target="presse@atlas.test", now=NOW)
        record_alerts(conn, [_spike(subject_id, "2026-11-20")], NOW)
    report = asyncio.run(dispatch(db, alert_settings(smtp_url=None), now=NOW))
    assert report.retrying == 1
    with db.read() as conn:
        [row] = store.deliveries(conn)
    assert row.state == "pending" and "JARIDA_SMTP_URL" in (row.last_error or "")


def test_a_daily_digest_gathers_the_day_once_after_the_digest_hour(
        db: Database, world: World, mailbox: Mailbox) -> None:
    atlas = world.subject("atlas", "Atlas")
    other = world.subject("sahara", "Sahara Bank")
    settings = alert_settings(smtp_url=mailbox.url, alerts_digest_hour=7)
    day_before = NOW - timedelta(days=1)
    with db.write() as conn:
        subscribe(conn, target="chef@atlas.test", subject="atlas", mode="digest",
                  language="fr", now=day_before - timedelta(days=1))
        record_alerts(conn, [_spike(atlas, "2026-11-19")], day_before)
        record_alerts(conn, [NewAlert(dedup_key=f"negative:{atlas}:2026-11-19",
                                      rule="negative", subject_id=atlas,
                                      details={"subject_name": "Atlas"})],
                      day_before + timedelta(hours=2))
        record_alerts(conn, [_spike(other, "2026-11-19")], day_before)  # another subject
        record_alerts(conn, [_spike(atlas, "2026-11-20")], NOW)  # today: tomorrow's digest
    early = NOW.replace(hour=6, minute=59)
    with db.write() as conn:
        assert queue_digests(conn, settings, early) == 0
    asyncio.run(dispatch(db, settings, now=early))
    assert mailbox.messages == []  # digest subscriptions get nothing immediately
    with db.write() as conn:
        assert queue_digests(conn, settings, NOW) == 1
        assert queue_digests(conn, settings, NOW + timedelta(hours=1)) == 0
    asyncio.run(dispatch(db, settings, now=NOW))
    [message] = mailbox.messages
    assert message["Subject"] == "[Jarida] Résumé quotidien du 2026-11-19 : 2 alertes"
    text = message.get_payload(decode=True).decode()
    assert "Pic de mentions : Atlas" in text and "Montée du ton négatif : Atlas" in text
    assert "Sahara" not in text
