"""Adaptive polling: when to poll a feed next, from when its entries were published.

Each feed keeps a small rhythm (`FeedRhythm`, stored as JSON in `feeds.schedule_state`):
how many new entries it brought, by hour of publication in the source's time zone, and
how long it has been watched, both decaying with a half-life of `HALF_LIFE_DAYS`. From it
the publication rate expected over the next interval; the interval itself follows the
square-root rule: polling a feed publishing at rate λ every I seconds costs 1/I requests
per second and delays its articles by I/2 on average, so at a fixed request budget the
total delay is smallest with I ∝ 1/√λ (`interval = √(2·poll_cost_seconds / λ)`), clamped
to [poll_min_seconds, poll_max_seconds]. A feed with a WebSub subscription is polled
`PUSHED_SLOWDOWN` times less often, as a safety net.

`bench/freshness.py` drives these same functions on a simulated clock.
"""

from __future__ import annotations

import json
import math
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from jarida.settings import Settings

HOURS = 24
HALF_LIFE_DAYS = 7.0
TAU = HALF_LIFE_DAYS * 86400 / math.log(2)  # decay time constant, seconds
HISTORY_CAP = 14 * 86400  # entries older than this say nothing about today's rhythm
PRIOR_ITEMS = 0.25  # before any evidence a feed is assumed to publish one item a day...
PRIOR_SECONDS = 21600.0  # ...weighted like six hours of watching
HOUR_PRIOR_SECONDS = 3600.0  # an hour's own estimate is shrunk towards the daily mean
NIGHT_FLOOR = 0.25  # an hour never counts below this share of the feed's mean rate
PUSHED_SLOWDOWN = 6.0
PUSHED_MIN_SECONDS = 3600
FUTURE_SLACK = 300.0  # publication dates this far ahead of our clock are believed


@dataclass
class FeedRhythm:
    """Decayed new-entry counts by local hour of publication, and decayed seconds watched."""

    counts: list[float] = field(default_factory=lambda: [0.0] * HOURS)
    watched: float = 0.0
    updated: float = 0.0  # epoch seconds of the last update

    def to_json(self) -> str:
        return json.dumps({"v": 1, "counts": [round(c, 5) for c in self.counts],
                           "watched": round(self.watched, 1), "updated": self.updated})

    @classmethod
    def from_json(cls, text: str | None) -> FeedRhythm | None:
        """None (start afresh) for a missing or unreadable state, never an exception."""
        if not text:
            return None
        try:
            data = json.loads(text)
            counts = [max(0.0, float(c)) for c in data["counts"]]
            if len(counts) != HOURS or data.get("v") != 1:
                return None
            return cls(counts, max(0.0, float(data["watched"])), float(data["updated"]))
        except (ValueError, TypeError, KeyError):
            return None


@dataclass(frozen=True)
class PollObservation:
    """What the crawler knows after a successful poll (or a delivery of pushed content)."""

    published: list[datetime | None]  # publication time of each new entry (None: unknown)
    timezone: str = "UTC"  # the source's zone: hours of publication are local hours
    pushed: bool = False  # the feed has an active WebSub subscription
    # Every entry the feed lists, new or not: read only when the feed has no rhythm yet
    # (first poll, or a feed polled before the rhythm existed), as its recent history.
    listed: list[datetime | None] | None = None


@dataclass(frozen=True)
class PollPlan:
    next_poll_at: datetime
    interval: int
    state: str  # FeedRhythm.to_json(), to store in feeds.schedule_state


def _clamp(seconds: float, settings: Settings) -> int:
    return int(min(settings.poll_max_seconds, max(settings.poll_min_seconds, seconds)))


def _local_hour(epoch: float, zone: ZoneInfo) -> int:
    return datetime.fromtimestamp(epoch, zone).hour


def _first_look(obs: PollObservation, now: float, zone: ZoneInfo) -> FeedRhythm:
    """A feed seen for the first time: its entries' dates are its recent history.

    The oldest dated entry opens the window watched, the others are what it brought.
    """
    dates = obs.listed if obs.listed is not None else obs.published
    times = sorted(t.timestamp() for t in dates if t is not None)
    times = [min(t, now) for t in times if t >= now - HISTORY_CAP]
    rhythm = FeedRhythm(updated=now)
    if len(times) >= 2:
        rhythm.watched = now - times[0]
        for t in times[1:]:
            rhythm.counts[_local_hour(t, zone)] += 1.0
    return rhythm


def observe(state: FeedRhythm | None, obs: PollObservation, now: datetime) -> FeedRhythm:
    """The rhythm after a poll that brought `obs.published` as new entries."""
    zone = ZoneInfo(obs.timezone)
    at = now.timestamp()
    dated = sum(1 for t in (obs.listed or obs.published) if t is not None)
    # No rhythm yet, or none learnt so far (a first poll answered 304): the dates listed.
    if state is None or (state.watched == 0 and dated >= 2):
        return _first_look(obs, at, zone)
    elapsed = max(0.0, at - state.updated)
    decay = math.exp(-elapsed / TAU)
    rhythm = FeedRhythm([c * decay for c in state.counts],
                        state.watched * decay + TAU * (1 - decay), at)
    undated = at - elapsed / 2  # no date: somewhere since the last poll
    for when in obs.published:
        t = when.timestamp() if when is not None else undated
        if t > at + FUTURE_SLACK:  # a date in the future is wrong; it is new now
            t = at
        if t < at - HISTORY_CAP:  # an old entry surfacing now: not today's rhythm
            continue
        rhythm.counts[_local_hour(min(t, at), zone)] += math.exp(-max(0.0, at - t) / TAU)
    return rhythm


def hourly_rates(rhythm: FeedRhythm) -> list[float]:
    """Expected new entries per second in each local hour, shrunk towards the mean."""
    mean = (sum(rhythm.counts) + PRIOR_ITEMS) / (rhythm.watched + PRIOR_SECONDS)
    per_hour = rhythm.watched / HOURS
    return [max(NIGHT_FLOOR * mean,
                (c + mean * HOUR_PRIOR_SECONDS) / (per_hour + HOUR_PRIOR_SECONDS))
            for c in rhythm.counts]


def _mean_rate(rates: list[float], start: float, seconds: float, zone: ZoneInfo) -> float:
    """The average of the hourly rates over [start, start + seconds]."""
    total, t, end = 0.0, start, start + seconds
    while t < end:
        local = datetime.fromtimestamp(t, zone)
        hour_end = t + 3600 - (local.minute * 60 + local.second + local.microsecond / 1e6)
        step = min(end, hour_end) - t
        total += rates[local.hour] * step
        t += max(step, 1.0)
    return total / seconds


def interval_for(rhythm: FeedRhythm, now: datetime, timezone: str, settings: Settings) -> int:
    """√(2·cost/λ) where λ is the rate expected over the interval itself (a fixed point)."""
    zone = ZoneInfo(timezone)
    rates = hourly_rates(rhythm)
    at = now.timestamp()
    rate = rates[datetime.fromtimestamp(at, zone).hour]
    interval = float(_clamp(math.sqrt(2 * settings.poll_cost_seconds / rate), settings))
    for _ in range(3):
        rate = _mean_rate(rates, at, interval, zone)
        interval = float(_clamp(math.sqrt(2 * settings.poll_cost_seconds / rate), settings))
    return int(interval)


def plan_next_poll(
    state: str | None, obs: PollObservation, now: datetime, settings: Settings,
    rng: random.Random,
) -> PollPlan:
    """After a successful poll: the new rhythm, the interval and the next poll time.

    `state` is the feed's stored `schedule_state` (None the first time); `obs` gives the
    publication times of the entries this poll found new (stored or updated) and of all
    the entries the feed lists.
    """
    rhythm = observe(FeedRhythm.from_json(state), obs, now)
    interval = interval_for(rhythm, now, obs.timezone, settings)
    if obs.pushed:
        interval = _clamp(max(interval * PUSHED_SLOWDOWN, PUSHED_MIN_SECONDS), settings)
    return PollPlan(next_poll_time(now, interval, rng), interval, rhythm.to_json())


def failure_delay(consecutive_failures: int, settings: Settings) -> int:
    """Failing feeds are retried slowly (exponential, capped), never dropped."""
    return _clamp(settings.poll_min_seconds * 2 ** min(consecutive_failures, 12), settings)


def next_poll_time(now: datetime, interval: int, rng: random.Random) -> datetime:
    """Up to 10 % jitter so feeds of one host do not fall due together forever."""
    return now + timedelta(seconds=interval * (1 + rng.uniform(-0.1, 0.1)))
