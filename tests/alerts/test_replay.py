"""Replaying the rules over a past period: the demo's way to show the alerts its fixed-date
articles raise, without an operator passing `--at`."""

from __future__ import annotations

from datetime import timedelta

from jarida.alerts.replay import replay_alerts
from jarida.alerts.service import evaluate_and_queue
from jarida.storage import Database
from jarida.storage import alerts as store
from tests.alerts.world import NOW, World, alert_settings


def test_a_past_spike_is_found_once_without_a_date(db: Database, world: World) -> None:
    settings = alert_settings()
    bank = world.subject("banque-sahel", "Banque du Sahel")
    past = NOW - timedelta(days=40)  # far older than the rules' 2-day lookback
    world.daily(bank, [1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 12, 1, 0, 1], end=past)
    spike_day = (past - timedelta(days=3)).date().isoformat()

    # what `jarida run` does at the real time: the old spike is out of its reach
    assert evaluate_and_queue(db, settings, NOW) == (0, 0, 0)

    report = replay_alerts(db, settings, until=NOW)
    assert report.days == 18 and report.created >= 1
    with db.read() as conn:
        spikes = store.alert_history(conn, rule="spike")
    assert [a.details["day"] for a in spikes] == [spike_day]
    assert spikes[0].created_at.date().isoformat() == spike_day  # dated as found live
    assert replay_alerts(db, settings, until=NOW).created == 0  # again: nothing new


def test_nothing_to_replay_without_mentions(db: Database) -> None:
    assert replay_alerts(db, alert_settings(), until=NOW).days == 0
