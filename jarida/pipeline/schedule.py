"""Adaptive polling: when to poll a feed next, from what its last polls brought."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from jarida.settings import Settings


def _clamp(seconds: float, settings: Settings) -> int:
    return int(min(settings.poll_max_seconds, max(settings.poll_min_seconds, seconds)))


def next_interval(current: int, new_entries: int, seen_entries: int, settings: Settings) -> int:
    """Sooner when a feed brings new entries often, later when polls bring mostly known ones.

    The factor depends on the share of new entries in this poll: none new stretches
    the interval by half, a mostly-new feed halves it (we may be missing entries).
    """
    share = new_entries / seen_entries if seen_entries else 0.0
    if new_entries == 0:
        factor = 1.5
    elif share < 0.1:
        factor = 1.0
    elif share < 0.5:
        factor = 0.75
    else:
        factor = 0.5
    return _clamp(current * factor, settings)


def failure_delay(consecutive_failures: int, settings: Settings) -> int:
    """Failing feeds are retried slowly (exponential, capped), never dropped."""
    return _clamp(settings.poll_min_seconds * 2 ** min(consecutive_failures, 12), settings)


def next_poll_time(now: datetime, interval: int, rng: random.Random) -> datetime:
    """Up to 10 % jitter so feeds of one host do not fall due together forever."""
    return now + timedelta(seconds=interval * (1 + rng.uniform(-0.1, 0.1)))
