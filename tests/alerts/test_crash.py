"""No alert twice: a crash between sending and recording re-sends the SAME delivery
(same idempotency key, body, signature, Message-ID), and evaluating again after a
restart creates no new alert."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from jarida.alerts.dispatch import CLAIM_SECONDS, dispatch
from jarida.alerts.service import run_alerts
from jarida.alerts.subscriptions import subscribe
from jarida.storage import Database
from jarida.storage import alerts as store
from tests.alerts.mailbox import Mailbox
from tests.alerts.receiver import Receiver
from tests.alerts.world import NOW, World, alert_settings


class SimulatedCrash(BaseException):
    """The process dies: not an Exception, so nothing on the way catches it."""


def _crash(*args: object, **kwargs: object) -> None:
    raise SimulatedCrash


def test_crash_between_sending_and_recording(
        db: Database, world: World, receiver: Receiver, mailbox: Mailbox,
        monkeypatch: pytest.MonkeyPatch) -> None:
    atlas = world.subject("atlas", "Atlas")
    world.daily(atlas, [2] * 14 + [14])
    settings = alert_settings(smtp_url=mailbox.url)
    with db.write() as conn:
        subscribe(conn, target=receiver.url(), rules=["spike"], now=NOW)
        subscribe(conn, target="presse@atlas.test", rules=["spike"], now=NOW)

    with monkeypatch.context() as patch:
        patch.setattr(store, "mark_sent", _crash)
        with pytest.raises(SimulatedCrash):
            asyncio.run(run_alerts(db, settings, now=NOW))
    # The first delivery went out; the process died before recording it.
    sent_before = len(receiver.received) + len(mailbox.messages)
    assert sent_before == 1
    with db.read() as conn:
        assert [a.rule for a in store.alert_history(conn)] == ["spike"]
        assert {d.state for d in store.deliveries(conn)} == {"pending"}

    # Restart: evaluating again finds the same event and creates nothing; the claim of
    # the dead sender still holds, so nothing is sent until it lapses.
    again = asyncio.run(run_alerts(db, settings, now=NOW + timedelta(seconds=60)))
    assert again.found >= 1 and again.created == 0
    assert len(receiver.received) + len(mailbox.messages) == 1 + again.delivery.sent
    later = NOW + timedelta(seconds=CLAIM_SECONDS + 1)
    asyncio.run(dispatch(db, settings, now=later))
    asyncio.run(dispatch(db, settings, now=later + timedelta(hours=1)))
    assert len(receiver.received) + len(mailbox.messages) == 3  # one of them twice
    with db.read() as conn:
        rows = store.deliveries(conn)
        assert len(store.alert_history(conn)) == 1
    assert {r.state for r in rows} == {"sent"}
    keys = {r.idempotency_key for r in rows}
    if len(receiver.received) == 2:  # the webhook was the one re-sent: identical request
        first, second = receiver.received
        assert first.body == second.body
        assert first.headers["idempotency-key"] == second.headers["idempotency-key"]
        assert first.headers["x-jarida-signature"] == second.headers["x-jarida-signature"]
        assert {r.headers["idempotency-key"] for r in receiver.received} <= keys
    else:  # the e-mail was: the same Message-ID, so the repeat is recognisable
        first_mail, second_mail = mailbox.messages
        assert first_mail["Message-ID"] == second_mail["Message-ID"]
        assert first_mail.get_payload() == second_mail.get_payload()
    # What a receiver keeps after dropping repeats by key: one per channel.
    unique = {r.headers["idempotency-key"] for r in receiver.received} | {
        m["X-Jarida-Idempotency-Key"] for m in mailbox.messages}
    assert unique == keys and len(keys) == 2


def test_a_crash_before_sending_loses_nothing(
        db: Database, world: World, receiver: Receiver, monkeypatch: pytest.MonkeyPatch) -> None:
    atlas = world.subject("atlas", "Atlas")
    world.daily(atlas, [1] * 14 + [9])
    settings = alert_settings()
    with db.write() as conn:
        subscribe(conn, target=receiver.url(), now=NOW)
    from jarida.alerts import dispatch as dispatch_module
    with monkeypatch.context() as patch:
        patch.setattr(dispatch_module, "send_one", _crash)
        with pytest.raises(SimulatedCrash):
            asyncio.run(run_alerts(db, settings, now=NOW))
    assert receiver.received == []
    asyncio.run(dispatch(db, settings, now=NOW + timedelta(seconds=CLAIM_SECONDS + 1)))
    assert len(receiver.received) == 1
