"""The adaptive schedule: rates from publication dates, the square-root interval, push."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from jarida.pipeline.schedule import (
    FeedRhythm,
    PollObservation,
    hourly_rates,
    interval_for,
    observe,
    plan_next_poll,
)
from jarida.settings import Settings

SETTINGS = Settings(poll_min_seconds=300, poll_max_seconds=86400)
NOON = datetime(2026, 10, 6, 11, 0, tzinfo=UTC)  # 12 h in Casablanca


def _every(minutes: float, count: int, end: datetime = NOON) -> list[datetime | None]:
    return [end - timedelta(minutes=minutes * i) for i in range(count)]


def test_first_poll_reads_the_rate_from_the_entries_dates() -> None:
    busy = observe(None, PollObservation(_every(10, 20), "Africa/Casablanca"), NOON)
    quiet = observe(None, PollObservation(_every(600, 20), "Africa/Casablanca"), NOON)
    assert busy.watched == 19 * 600 and sum(busy.counts) == 19
    assert interval_for(busy, NOON, "Africa/Casablanca", SETTINGS) < interval_for(
        quiet, NOON, "Africa/Casablanca", SETTINGS) / 3


def test_interval_follows_the_square_root_rule() -> None:
    rhythm = FeedRhythm(counts=[10.0] * 24, watched=10 * 86400, updated=NOON.timestamp())
    rate = hourly_rates(rhythm)[12]
    expected = (2 * SETTINGS.poll_cost_seconds / rate) ** 0.5
    assert abs(interval_for(rhythm, NOON, "UTC", SETTINGS) - expected) < 2


def test_quiet_nights_are_polled_less_and_mornings_anticipated() -> None:
    counts = [0.0] * 24
    for hour in range(8, 20):
        counts[hour] = 7.0
    rhythm = FeedRhythm(counts=counts, watched=7 * 86400, updated=0.0)
    day = datetime(2026, 10, 6, 13, 0, tzinfo=UTC)
    night = datetime(2026, 10, 6, 1, 0, tzinfo=UTC)
    dawn = datetime(2026, 10, 6, 7, 30, tzinfo=UTC)
    day_i, night_i, dawn_i = (interval_for(rhythm, t, "UTC", SETTINGS) for t in (day, night, dawn))
    assert night_i > 2 * day_i
    assert dawn_i < night_i  # the morning's articles are expected before it starts


def test_hours_are_counted_in_the_source_zone() -> None:
    # Entries published at 09:00 UTC are 10 h in Casablanca (UTC+1) and 5 h in New York.
    dated = [datetime(2026, 10, d, 9, 0, tzinfo=UTC) for d in range(1, 6)]
    casablanca = observe(None, PollObservation(list(dated), "Africa/Casablanca"), NOON)
    new_york = observe(None, PollObservation(list(dated), "America/New_York"), NOON)
    assert casablanca.counts[10] == 4 and new_york.counts[5] == 4


def test_new_entries_raise_the_rate_and_time_decays_it() -> None:
    start = observe(None, PollObservation(_every(60, 20), "UTC"), NOON)
    later = NOON + timedelta(hours=1)
    busy = observe(start, PollObservation(_every(5, 12, later), "UTC"), later)
    idle = observe(start, PollObservation([], "UTC"), later)
    assert sum(busy.counts) > sum(start.counts) > sum(idle.counts)
    assert idle.watched > start.watched


def test_undated_future_and_ancient_entries() -> None:
    start = observe(None, PollObservation(_every(60, 5), "UTC"), NOON)
    later = NOON + timedelta(hours=2)
    rhythm = observe(start, PollObservation(
        [None, later + timedelta(days=3), datetime(2020, 1, 1, tzinfo=UTC)], "UTC"), later)
    # undated: the middle of the time since the last poll (12 h); future: now (13 h); the
    # entry from 2020 says nothing about today's rhythm and is not counted
    assert rhythm.counts[12] > start.counts[12] and rhythm.counts[13] > start.counts[13]
    assert sum(rhythm.counts) < sum(start.counts) + 2.01


def test_plan_round_trips_state_and_slows_down_pushed_feeds() -> None:
    obs = PollObservation(_every(15, 20), "Africa/Casablanca")
    plan = plan_next_poll(None, obs, NOON, SETTINGS, random.Random(1))
    assert FeedRhythm.from_json(plan.state) is not None
    again = plan_next_poll(plan.state, PollObservation([], "Africa/Casablanca"),
                           NOON + timedelta(minutes=10), SETTINGS, random.Random(1))
    pushed = plan_next_poll(plan.state, PollObservation([], "Africa/Casablanca", pushed=True),
                            NOON + timedelta(minutes=10), SETTINGS, random.Random(1))
    assert pushed.interval >= max(3600, 5 * again.interval) or pushed.interval == 86400
    assert abs((again.next_poll_at - NOON - timedelta(minutes=10)).total_seconds()
               - again.interval) <= again.interval * 0.1 + 1


def test_unreadable_state_starts_afresh() -> None:
    for bad in ("", "{", "[]", '{"v": 1, "counts": [1], "watched": 0, "updated": 0}',
                '{"v": 2, "counts": [0], "watched": "x"}'):
        assert FeedRhythm.from_json(bad) is None
    plan = plan_next_poll("{broken", PollObservation([], "UTC"), NOON, SETTINGS, random.Random(1))
    assert SETTINGS.poll_min_seconds <= plan.interval <= SETTINGS.poll_max_seconds


def test_a_feed_without_rhythm_learns_from_all_it_lists() -> None:
    """A feed polled before the rhythm existed: nothing new, but its entries' dates tell."""
    listed = _every(10, 20)
    learnt = observe(None, PollObservation([], "UTC", listed=listed), NOON)
    blind = observe(None, PollObservation([], "UTC"), NOON)
    assert sum(learnt.counts) == 19 and sum(blind.counts) == 0
    assert interval_for(learnt, NOON, "UTC", SETTINGS) < interval_for(blind, NOON, "UTC",
                                                                      SETTINGS)


def test_a_first_poll_answered_not_modified_learns_at_the_next() -> None:
    empty = observe(None, PollObservation([], "UTC", listed=[]), NOON)
    later = NOON + timedelta(hours=1)
    learnt = observe(empty, PollObservation([], "UTC", listed=_every(10, 20, later)), later)
    assert sum(learnt.counts) == 19
    # an undated feed learns from how many entries are new, not from a first look
    undated = observe(empty, PollObservation([None] * 3, "UTC", listed=[None] * 20), later)
    assert abs(sum(undated.counts) - 3) < 0.01
