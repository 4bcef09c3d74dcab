"""False-alarm and detection rates of the spike rule (jarida/alerts/spike.py), on
synthetic daily series and, given a database, on its stored mentions.

Synthetic: for each baseline rate, N days drawn from a Poisson law (the ideal case) and
from gamma-Poisson laws (news is burstier: shape 4 gives variance λ + λ²/4, shape 1
variance λ + λ²), each day's mentions spread over its hours with a diurnal profile (none
at night, most around midday), then judged exactly as the rule runs: the day's count, or
any one hour, against the 14 days before. A false alarm is an alerting day of a series
with no spike; detection injects ×3 and ×5 days.

Database: every subject and local day of the stored mentions between --since and
--until, judged at the end of that day; prints the alerting subject-days.

    python -m bench.alerts_spike [--days 20000] [--database URL --since D --until D]
"""

from __future__ import annotations

import argparse
import json
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np

from bench.common import RESULTS, machine, today
from jarida.alerts import spike as stats
from jarida.alerts.rules import spike_alerts
from jarida.alerts.windows import day_bounds
from jarida.settings import load_settings
from jarida.storage import Database
from jarida.storage.alert_signals import mention_points, subject_names

RATES = (0.2, 1.0, 3.0, 10.0, 30.0, 100.0)
LAWS = {"poisson": None, "gamma-poisson k=4": 4.0, "gamma-poisson k=1": 1.0}
# Share of a day's mentions per hour (UTC): nothing 0-5 h, a morning rise, an evening tail.
DIURNAL = np.array([0, 0, 0, 0, 0, 0, 2, 5, 8, 9, 9, 9, 8, 7, 7, 7, 6, 6, 5, 4, 3, 2, 2, 1],
                   dtype=float)
DIURNAL /= DIURNAL.sum()


def _days(rng: np.random.Generator, lam: float, days: int, shape: float | None) -> Any:
    """A days × 24 matrix of hourly counts."""
    rates = np.full(days, lam) if shape is None else rng.gamma(shape, lam / shape, days)
    totals = rng.poisson(rates)
    return np.array([rng.multinomial(int(n), DIURNAL) for n in totals])


def _alert_on_last(hours: Any) -> bool:
    """The rule as it runs on the last day of a 15 × 24 matrix: the day, or any hour."""
    history = [int(c) for c in hours[:-1].sum(axis=1)]
    usual = hours[:-1].mean(axis=0)
    today = hours[-1]
    if stats.spike(int(today.sum()), history).alert:
        return True
    return any(stats.hour_spike(int(n), history, float(usual[h])).alert
               for h, n in enumerate(today) if n)


def synthetic(days: int, seed: int = 14) -> list[dict[str, Any]]:
    rng = np.random.default_rng(seed)
    rows: list[dict[str, Any]] = []
    for law, shape in LAWS.items():
        for lam in RATES:
            matrix = _days(rng, lam, days + 14, shape)
            false_rate = float(np.mean([_alert_on_last(matrix[i - 14:i + 1])
                                        for i in range(14, days + 14)]))
            found = {}
            trials = 400
            for factor in (3, 5):
                hits = 0
                for t in range(trials):
                    i = 14 + (t * 37) % days
                    window = matrix[i - 14:i + 1].copy()
                    window[-1] = rng.multinomial(int(rng.poisson(lam * factor)), DIURNAL)
                    hits += _alert_on_last(window)
                found[f"detected_x{factor}"] = hits / trials
            rows.append({"law": law, "rate_per_day": lam, "days": days,
                         "false_alarm_per_day": false_rate, **found})
    return rows


def replay(url: str, since: date, until: date, timezone: str) -> dict[str, Any]:
    settings = load_settings(database_url=url, timezone=timezone, alerts_lookback_days=1)
    zone = ZoneInfo(timezone)
    db = Database.open(settings.database_url)
    alerting: list[str] = []
    subject_days = 0
    with db.read() as conn:
        names = subject_names(conn)
        start = datetime(since.year, since.month, since.day, tzinfo=UTC) - timedelta(days=15)
        points = mention_points(conn, start, datetime(until.year, until.month, until.day,
                                                      tzinfo=UTC) + timedelta(days=1))
    day = since
    while day <= until:
        end = day_bounds(day, zone)[1] - timedelta(seconds=1)  # the local day's end
        subject_days += len(names)
        for alert in spike_alerts(settings, points, names, end):
            alerting.append(f"{alert.details['subject']} {day} ({alert.observed} mentions, "
                            f"baseline {alert.expected}, {alert.details['window']})")
        day += timedelta(days=1)
    db.close()
    return {"subjects": len(names), "subject_days": subject_days, "alerts": alerting,
            "alert_rate": len(alerting) / subject_days if subject_days else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=20000)
    parser.add_argument("--database")
    parser.add_argument("--since", type=date.fromisoformat)
    parser.add_argument("--until", type=date.fromisoformat)
    parser.add_argument("--timezone", default="UTC")
    args = parser.parse_args()
    result: dict[str, Any] = {"date": today(), "machine": machine()}
    if args.database:
        result["replay"] = replay(args.database, args.since, args.until, args.timezone)
    else:
        result["synthetic"] = synthetic(args.days)
        (RESULTS / "alerts_spike.json").write_text(json.dumps(result, indent=1) + "\n")
    print(json.dumps(result, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
