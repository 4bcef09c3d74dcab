"""The rules over stored mentions and articles: spikes (day and hour), tone surges, an
outlet's first mention, a saved query; each event recorded once."""

from __future__ import annotations

from datetime import timedelta

from jarida.alerts.enqueue import record_alerts
from jarida.alerts.rules import evaluate
from jarida.storage import Database
from jarida.storage import alerts as store
from jarida.storage.blocking import set_article_hidden
from tests.alerts.world import NOW, World, alert_settings


def _rules(db: Database, **settings: object) -> list[tuple[str, str]]:
    with db.read() as conn:
        return sorted((a.rule, a.dedup_key) for a in evaluate(
            conn, alert_settings(**settings), NOW))


def test_a_day_far_above_its_baseline_is_one_spike(db: Database, world: World) -> None:
    atlas = world.subject("atlas", "Atlas")
    calm = world.subject("calm", "Calm")
    world.daily(atlas, [2, 3, 1, 2, 2, 3, 2, 1, 2, 3, 2, 2, 1, 2, 15])
    world.daily(calm, [2, 3, 1, 2, 2, 3, 2, 1, 2, 3, 2, 2, 1, 2, 4])
    assert _rules(db) == [("spike", f"spike:{atlas}:2026-11-20")]
    with db.write() as conn:
        found = evaluate(conn, alert_settings(), NOW)
        assert len(record_alerts(conn, found, NOW)) == 1
        assert record_alerts(conn, evaluate(conn, alert_settings(), NOW), NOW) == []
        [alert] = store.alert_history(conn)
    assert alert.details["observed"] == 15 and alert.details["subject"] == "atlas"
    assert alert.details["link"] == "https://jarida.test/veille/atlas"


def test_an_hour_burst_raises_the_days_spike_early(db: Database, world: World) -> None:
    atlas = world.subject("atlas", "Atlas")
    world.daily(atlas, [24] * 14, end=NOW - timedelta(days=1))
    for minute in range(0, 40, 5):  # 8 mentions between 14:00 and 14:40
        world.mention(atlas, NOW.replace(hour=14, minute=minute))
    with db.read() as conn:
        [alert] = evaluate(conn, alert_settings(), NOW)
    assert alert.details["window"] == "hour" and alert.observed == 8
    assert alert.window_start == NOW.replace(hour=14, minute=0)


def test_mentions_in_hidden_articles_do_not_count(db: Database, world: World) -> None:
    atlas = world.subject("atlas", "Atlas")
    world.daily(atlas, [1] * 14)
    ids = [world.mention(atlas, NOW - timedelta(hours=h)) for h in range(1, 9)]
    assert [r for r, _ in _rules(db)] == ["spike"]
    with db.write() as conn:
        for article_id in ids[:5]:
            set_article_hidden(conn, article_id, True, "test")
    assert _rules(db) == []


def test_a_surge_of_negative_mentions(db: Database, world: World) -> None:
    atlas = world.subject("atlas", "Atlas")
    world.daily(atlas, [4] * 14 + [0], tone="neutral")
    world.daily(atlas, [1] * 14 + [6], tone="negative")
    world.daily(atlas, [0] * 14 + [1], tone="positive")
    rules = _rules(db)
    assert ("negative", f"negative:{atlas}:2026-11-20") in rules
    assert [r for r, _ in rules if r == "spike"] == []  # 7 mentions over a 5-a-day baseline


def test_an_outlets_first_mention_of_a_known_subject(db: Database, world: World) -> None:
    atlas = world.subject("atlas", "Atlas")
    world.daily(atlas, [1] * 10, end=NOW - timedelta(days=3), source="lematin")
    world.mention(atlas, NOW - timedelta(days=5), source="hespress")  # not recent
    article = world.mention(atlas, NOW - timedelta(hours=2), source="alyaoum24")
    world.mention(atlas, NOW - timedelta(hours=1), source="alyaoum24")
    world.mention(atlas, NOW + timedelta(hours=1), source="hespress-plus")  # after `now`
    with db.read() as conn:
        [alert] = evaluate(conn, alert_settings(), NOW)
    assert alert.rule == "new_outlet" and alert.article_id == article
    assert alert.details["source"] == "Alyaoum24"
    fresh = world.subject("fresh", "Fresh")
    world.mention(fresh, NOW - timedelta(hours=3), source="lematin")  # a subject's very first
    assert [r for r, _ in _rules(db)] == ["new_outlet"]


def test_a_saved_query_matches_new_articles_only(db: Database, world: World) -> None:
    world.article(NOW - timedelta(hours=30), title="Barrage de Oued Sebou : les travaux")
    with db.write() as conn:
        query_id = store.add_query(conn, "barrages", "barrage sebou", None,
                                   NOW - timedelta(hours=20))
    new = world.article(NOW - timedelta(hours=2), title="Le barrage de Sebou inauguré",
                        text="Le nouveau barrage sur le Sebou alimente la région.")
    world.article(NOW - timedelta(hours=1), title="Autre sujet", text="Rien à voir.")
    world.article(NOW + timedelta(hours=1), title="Barrage de Sebou : après `now`")
    assert _rules(db) == [("query", f"query:{query_id}:{new}")]
