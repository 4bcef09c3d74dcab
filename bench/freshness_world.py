"""The simulated press of bench.freshness: 200 outlets and when each publishes.

Model (all draws from one seeded `random.Random`):

- **Classes of outlet** (daily volume drawn log-uniformly within the range):
  6 very active wires and portals (80–250 articles a day), 30 active dailies (10–60),
  110 regular outlets (1–10), 44 quiet ones (0.1–1), 10 dormant ones (nothing for weeks:
  one article a month at most).
- **Daily curve** (Morocco-like, local hours): almost nothing from 1 to 5 h, a morning
  rise from 6 h, the busiest hours 9–11 h, a dip at lunch, a second smaller peak at
  15–17 h, a slow evening decline. Each outlet shifts it by up to ±1 h and scales each
  hour by its own factor (lognormal, σ 0.3); each day's volume varies (lognormal, σ 0.2).
- **Zones**: 170 outlets in Africa/Casablanca, 20 in Europe/Paris, 10 in
  America/New_York; the curve is in the outlet's local time and Jarida knows the zone
  (a source's `timezone`).
- **Bursts**: on a given day an outlet of 10+ articles a day has a 20 % chance of a
  breaking story: 3–8 extra articles within 45 minutes at a random daytime hour.
- **Publication within an hour** is a Poisson process (uniform times), so arrivals are
  as irregular as they are in reality.
- **Feeds** list the newest 20 entries (50 for the very active outlets); 10 % of outlets
  give no publication dates, so the schedule sees only "how many new".
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

# Relative share of a day's articles in each local hour (0 h ... 23 h).
DAILY_CURVE = [0.3, 0.15, 0.1, 0.08, 0.08, 0.15, 0.5, 1.2, 2.0, 2.4, 2.4, 2.2,
               1.8, 1.5, 1.6, 1.8, 1.7, 1.5, 1.3, 1.2, 1.0, 0.9, 0.7, 0.5]

CLASSES = [  # name, count, lowest and highest articles per day, feed window
    ("very active", 6, 80.0, 250.0, 50),
    ("active", 30, 10.0, 60.0, 20),
    ("regular", 110, 1.0, 10.0, 20),
    ("quiet", 44, 0.1, 1.0, 20),
    ("dormant", 10, 0.0, 1 / 30, 20),
]
ZONES = ["Africa/Casablanca"] * 170 + ["Europe/Paris"] * 20 + ["America/New_York"] * 10


@dataclass
class Outlet:
    name: str
    kind: str
    daily: float
    zone: str
    window: int
    dated: bool
    items: list[float] = field(default_factory=list)  # publication times, epoch, sorted


def _poisson(rng: random.Random, mean: float) -> int:
    """Knuth's method; means here stay below ~40."""
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def _outlets(rng: random.Random) -> list[Outlet]:
    zones = ZONES[:]
    rng.shuffle(zones)
    outlets: list[Outlet] = []
    for kind, count, low, high, window in CLASSES:
        for _ in range(count):
            daily = (rng.uniform(low, high) if low == 0
                     else math.exp(rng.uniform(math.log(low), math.log(high))))
            outlets.append(Outlet(f"outlet-{len(outlets):03d}", kind, daily,
                                  zones[len(outlets)], window, rng.random() >= 0.1))
    return outlets


def _publish(outlet: Outlet, rng: random.Random, start: float, end: float) -> None:
    zone = ZoneInfo(outlet.zone)
    shift = rng.uniform(-1.0, 1.0)
    hour_factor = [rng.lognormvariate(0, 0.3) for _ in range(24)]
    total = sum(DAILY_CURVE)
    day_factor: dict[int, float] = {}
    t = start
    while t < end:
        local = datetime.fromtimestamp(t, zone)
        day = local.toordinal()
        if day not in day_factor:
            day_factor[day] = rng.lognormvariate(0, 0.2)
            if outlet.daily >= 10 and rng.random() < 0.2:
                burst_at = t + rng.uniform(8, 20) * 3600
                outlet.items += [burst_at + rng.uniform(0, 2700)
                                 for _ in range(rng.randint(3, 8))]
        hour = (local.hour - shift) % 24
        lower = int(hour)
        weight = DAILY_CURVE[lower] + (hour - lower) * (
            DAILY_CURVE[(lower + 1) % 24] - DAILY_CURVE[lower])
        mean = outlet.daily * day_factor[day] * hour_factor[local.hour] * weight / total
        outlet.items += [t + rng.uniform(0, 3600) for _ in range(_poisson(rng, mean))]
        t += 3600
    outlet.items = sorted(x for x in outlet.items if start <= x < end)


def build_world(seed: int, start: float, end: float) -> list[Outlet]:
    """Outlets and every article they publish between `start` and `end` (epoch seconds)."""
    rng = random.Random(seed)
    outlets = _outlets(rng)
    for outlet in outlets:
        _publish(outlet, rng, start, end)
    return outlets
