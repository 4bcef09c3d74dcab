"""Where a paced crawl's seconds go, read from nginx's millisecond access log.

A paced crawl of N hosts is bound by its busiest host: robots.txt, the feed, then the
pages, one gap apart at best. Every millisecond a host's next request starts later
than the gap allows is *excess*; this module sums it per host and per kind of step
(robots.txt to feed, feed to first page, page to page), against two clocks:

- start to start: what politeness asks for (the next start at least one gap after the
  previous start), and what the server sees;
- end to start: from the end of the previous response as nginx logged it (what both
  pacers count the gap from, at best) to the next start.

Plus when each host's first request started (after the crawl's first request) and its
last ended: a late start is time lost before pacing even begins.

    python -m bench.gap_excess ACCESS_LOG [--gap 1.0]
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
from collections import defaultdict
from pathlib import Path
from typing import Any


def _kind(request: str) -> str:
    path = request.split(" ")[1] if " " in request else request
    if path.endswith("robots.txt"):
        return "robots"
    if path.endswith(".xml"):
        return "feed"
    return "page"


def _spans(log: Path) -> dict[str, list[tuple[float, float, str]]]:
    by_host: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    for line in log.read_text().splitlines():
        parts = line.split(" ", 4)
        if len(parts) < 5:
            continue
        end, took = float(parts[1]), float(parts[2])
        by_host[parts[0]].append((end - took, end, _kind(parts[4].strip('"'))))
    for spans in by_host.values():
        spans.sort()
    return by_host


def _summary(values: list[float]) -> dict[str, float]:
    if not values:
        return {"n": 0}
    ordered = sorted(values)
    return {"n": len(values), "mean_ms": round(statistics.fmean(values) * 1000, 1),
            "p50_ms": round(ordered[len(ordered) // 2] * 1000, 1),
            "p90_ms": round(ordered[int(len(ordered) * 0.9)] * 1000, 1),
            "max_ms": round(ordered[-1] * 1000, 1)}


def gap_excess(log: Path, gap: float) -> dict[str, Any]:
    """Excess over the gap, per step kind and per host, in milliseconds."""
    by_host = _spans(log)
    if not by_host:
        return {}
    first = min(spans[0][0] for spans in by_host.values())
    start_excess: list[float] = []
    end_excess: list[float] = []
    by_step: dict[str, list[float]] = defaultdict(list)
    per_host_total: list[float] = []
    for spans in by_host.values():
        total = 0.0
        for (s0, e0, k0), (s1, _, k1) in itertools.pairwise(spans):
            excess = s1 - s0 - gap
            start_excess.append(excess)
            end_excess.append(s1 - e0 - gap)
            step = "page>page" if k0 == k1 == "page" else f"{k0}>{k1}"
            by_step[step].append(excess)
            total += excess
        per_host_total.append(total)
    return {
        "start_to_start_excess": _summary(start_excess),
        "end_to_start_excess": _summary(end_excess),
        "by_step": {k: _summary(v) for k, v in sorted(by_step.items())},
        "per_host_total_excess_s": {
            "mean": round(statistics.fmean(per_host_total), 2),
            "max": round(max(per_host_total), 2)},
        "host_first_start_s": {
            "mean": round(statistics.fmean(s[0][0] - first for s in by_host.values()), 2),
            "max": round(max(s[0][0] - first for s in by_host.values()), 2)},
        "host_last_end_s": {
            "mean": round(statistics.fmean(s[-1][1] - first for s in by_host.values()), 2),
            "max": round(max(s[-1][1] - first for s in by_host.values()), 2)},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("log", type=Path)
    parser.add_argument("--gap", type=float, default=1.0)
    args = parser.parse_args()
    print(json.dumps(gap_excess(args.log, args.gap), indent=2))


if __name__ == "__main__":
    main()
