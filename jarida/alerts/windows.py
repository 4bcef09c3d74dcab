"""Local days and hours: the windows the rules count mentions in."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo


def day_start(day: date, zone: ZoneInfo) -> datetime:
    """The instant a local calendar day begins, in UTC."""
    return datetime(day.year, day.month, day.day, tzinfo=zone).astimezone(UTC)


def day_bounds(day: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    return day_start(day, zone), day_start(day + timedelta(days=1), zone)


def local_day(at: datetime, zone: ZoneInfo) -> date:
    return at.astimezone(zone).date()


def recent_days(now: datetime, zone: ZoneInfo, count: int) -> list[date]:
    """The last `count` local days, today included, oldest first."""
    today = local_day(now, zone)
    return [today - timedelta(days=count - 1 - i) for i in range(count)]


def hour_floor(at: datetime) -> datetime:
    return at.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
