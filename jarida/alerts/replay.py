"""Replaying the alert rules over a past period, one local day at a time.

The demo's articles carry fixed dates (October–November 2026) while `jarida run`
evaluates the rules over the last `alerts_lookback_days` days only: without a replay the
demo's spike would never raise its alert. `replay_alerts` evaluates the rules as they
would have run at the end of each local day of the stored mentions' period, and records
the alerts (once each: the same dedup keys as a live evaluation, so running it again, or
`jarida run` afterwards, adds nothing). Each alert is dated at the evaluation that found
it, so the history reads as if Jarida had watched the period live.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from jarida.alerts.enqueue import record_alerts
from jarida.alerts.rules import evaluate
from jarida.alerts.windows import day_bounds, local_day
from jarida.settings import Settings
from jarida.storage import Database
from jarida.storage.alert_signals import mention_span


@dataclass(frozen=True)
class ReplayReport:
    days: int  # evaluations made
    created: int  # alerts recorded


def replay_alerts(db: Database, settings: Settings, *, until: datetime | None = None
                  ) -> ReplayReport:
    """Evaluate the rules at the end of every local day from the first stored mention to
    the last (never past `until`, default now), in one transaction."""
    zone = ZoneInfo(settings.timezone)
    limit = (until or datetime.now(UTC)).astimezone(UTC)
    with db.write() as conn:
        span = mention_span(conn)
        if span is None:
            return ReplayReport(0, 0)
        day, last = local_day(span[0], zone), local_day(min(span[1], limit), zone)
        days = created = 0
        while day <= last:
            _, end = day_bounds(day, zone)
            moment = min(end - timedelta(microseconds=1), limit)
            created += len(record_alerts(conn, evaluate(conn, settings, moment), moment))
            days += 1
            day += timedelta(days=1)
    return ReplayReport(days, created)
