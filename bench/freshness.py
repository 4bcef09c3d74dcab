"""Freshness on a simulated clock: Jarida's adaptive schedule against fixed-interval polling.

`python -m bench.freshness [--seed N] [--write]`

The outlets and their publications are modelled in `bench.freshness_world` (see its
docstring). Jarida's side is driven by the real `jarida.pipeline.schedule.plan_next_poll`:
every poll shows the schedule the publication dates of the entries it has not seen
(None for an undated feed) and polls again when it says. Day one warms the schedule up
(it starts knowing nothing but what the first poll's entries tell it); day two is
measured. Fixed polling gets the same number of requests on day two: every feed is
polled every 200 × 86,400 / requests seconds, each at its own random phase.

Delay is from publication to the poll that first lists the article (fetching and storing
take the same few seconds either way and are left out); an article that scrolled out of
the feed's window between two polls is never stored and counts as an infinite delay.
"""

from __future__ import annotations

import argparse
import heapq
import json
import math
import random
import statistics
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bench.freshness_world import Outlet, build_world
from jarida.pipeline.schedule import PollObservation, plan_next_poll
from jarida.settings import Settings

DAY = 86400.0
START = datetime(2026, 10, 5, tzinfo=UTC).timestamp()  # a Monday; the measured day follows
HISTORY_DAYS = 14  # publications before the first poll, so that feeds are full
TAIL = DAY / 2  # time after the measured day for its last articles to be polled


@dataclass
class Outcome:
    requests: int = 0  # during the measured day
    delays: list[float] = field(default_factory=list)  # articles of the measured day
    by_outlet: dict[str, list[float]] = field(default_factory=dict)

    def record(self, outlet: str, delay: float) -> None:
        self.delays.append(delay)
        self.by_outlet.setdefault(outlet, []).append(delay)


def _record_new(outcome: Outcome, outlet: Outlet, seen: int, k: int, now: float,
                day: tuple[float, float]) -> list[float]:
    """Articles [seen, k) became visible at `now` unless they already scrolled away."""
    first_listed = max(seen, k - outlet.window)
    for i in range(seen, k):
        if day[0] <= outlet.items[i] < day[1]:
            outcome.record(outlet.name, now - outlet.items[i] if i >= first_listed else math.inf)
    return outlet.items[first_listed:k]


def _dates(times: list[float], dated: bool) -> list[datetime | None]:
    return [datetime.fromtimestamp(t, UTC) if dated else None for t in times]


def simulate_adaptive(outlets: list[Outlet], settings: Settings, day: tuple[float, float],
                      rng: random.Random) -> Outcome:
    outcome = Outcome()
    states: list[str | None] = [None] * len(outlets)
    seen = [0] * len(outlets)  # the first poll finds the whole window new
    queue = [(day[0] - DAY + rng.uniform(0, 600), i) for i in range(len(outlets))]
    heapq.heapify(queue)
    while queue:
        now, i = heapq.heappop(queue)
        if now >= day[1] + TAIL:
            continue
        outlet = outlets[i]
        if day[0] <= now < day[1]:
            outcome.requests += 1
        k = bisect_right(outlet.items, now)
        new = _record_new(outcome, outlet, seen[i], k, now, day)
        listed = outlet.items[max(0, k - outlet.window):k]
        seen[i] = k
        obs = PollObservation(_dates(new, outlet.dated), timezone=outlet.zone,
                              listed=_dates(listed, outlet.dated))
        plan = plan_next_poll(states[i], obs, datetime.fromtimestamp(now, UTC), settings, rng)
        states[i] = plan.state
        heapq.heappush(queue, (plan.next_poll_at.timestamp(), i))
    return outcome


def simulate_fixed(outlets: list[Outlet], interval: float, day: tuple[float, float],
                   rng: random.Random) -> Outcome:
    outcome = Outcome(requests=round(len(outlets) * (day[1] - day[0]) / interval))
    for outlet in outlets:
        now = day[0] - DAY + rng.uniform(0, interval)
        seen = bisect_right(outlet.items, now)
        while now < day[1] + TAIL:
            k = bisect_right(outlet.items, now)
            _record_new(outcome, outlet, seen, k, now, day)
            seen = k
            now += interval
    return outcome


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else math.nan


def summary(outcome: Outcome, busy: set[str]) -> dict[str, float]:
    busy_delays = [d for name in busy for d in outcome.by_outlet.get(name, [])]
    return {
        "requests_per_day": outcome.requests,
        "articles": len(outcome.delays),
        "missed": sum(1 for d in outcome.delays if math.isinf(d)),
        "median_minutes": statistics.median(outcome.delays) / 60,
        "p95_minutes": _quantile(outcome.delays, 0.95) / 60,
        "busy_p95_minutes": _quantile(busy_delays, 0.95) / 60,
        "busy_median_minutes": statistics.median(busy_delays) / 60 if busy_delays else math.nan,
    }


def run(seed: int = 7, every: int = 1, settings: Settings | None = None) -> dict[str, object]:
    """Both schedules over the same simulated press; figures of the measured day.

    `every=n` keeps one outlet in n (the same mix of classes, n times faster: for CI)."""
    settings = settings or Settings()
    day = (START + DAY, START + 2 * DAY)
    outlets = build_world(seed, START - HISTORY_DAYS * DAY, day[1] + TAIL)[::every]
    adaptive = simulate_adaptive(outlets, settings, day, random.Random(seed + 1))
    interval = len(outlets) * DAY / adaptive.requests
    fixed = simulate_fixed(outlets, interval, day, random.Random(seed + 2))
    busy = {o.name for o in outlets
            if sum(1 for t in o.items if day[0] <= t < day[1]) >= 10}
    jarida, peer = summary(adaptive, busy), summary(fixed, busy)
    return {
        "seed": seed, "outlets": len(outlets), "busy_outlets": len(busy),
        "fixed_interval_minutes": interval / 60,
        "jarida": jarida, "fixed": peer,
        "median_ratio": jarida["median_minutes"] / peer["median_minutes"],
    }


def markdown(result: dict[str, object]) -> str:
    rows = []
    for name, key in (("Jarida adaptive", "jarida"), ("fixed interval", "fixed")):
        r = result[key]
        assert isinstance(r, dict)
        rows.append(f"| {name} | {r['requests_per_day']} | {r['median_minutes']:.1f} | "
                    f"{r['p95_minutes']:.1f} | {r['busy_median_minutes']:.1f} | "
                    f"{r['busy_p95_minutes']:.1f} | {r['missed']} of {r['articles']} |")
    return "\n".join([
        "| schedule | feed requests / day | median delay (min) | p95 (min) | "
        "median, outlets ≥ 10/day (min) | p95, outlets ≥ 10/day (min) | articles missed |",
        "|---|---|---|---|---|---|---|", *rows,
        "",
        f"Fixed interval at the same budget: {result['fixed_interval_minutes']:.1f} min; "
        f"median ratio Jarida / fixed: {result['median_ratio']:.2f}; "
        f"{result['busy_outlets']} outlets published at least 10 articles on the measured day.",
    ])


NOTES = """\
A simulated clock, 200 outlets (`bench/freshness_world.py`: 6 very active, 30 active,
110 regular, 44 quiet, 10 dormant; a Moroccan daily curve in each outlet's zone, bursts,
feeds of 20–50 entries, 10 % undated); day one warms the schedule up, day two is
measured. Jarida's side is the real `jarida.pipeline.schedule.plan_next_poll` with the
default settings (poll_min_seconds 600, poll_max_seconds 86400, poll_cost_seconds 80);
fixed polling gets exactly as many requests, spread evenly over every feed. Delay is
from publication to the poll that first lists the article (fetch and storage time, the
same for both, left out); WebSub push is not simulated (it only helps Jarida)."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    args = parser.parse_args()
    result = run(args.seed)
    print(json.dumps(result, indent=2))
    print(markdown(result))
    if args.write:
        from bench.common import RESULTS, machine, replace_section, today

        (RESULTS / "freshness.json").write_text(json.dumps(result, indent=2) + "\n")
        replace_section("freshness", f"## Freshness ({today()})\n\nMachine: {machine()}; "
                        f"seed {args.seed}; `python -m bench.freshness --write`.\n\n"
                        + NOTES + "\n\n" + markdown(result))


if __name__ == "__main__":
    main()
