"""Reading `from`/`to` parameters and filling the periods a timeline has no mention in."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta


class BadPeriod(ValueError):
    """A from/to/interval parameter that cannot be read."""


def parse_bound(value: str | None, *, end: bool) -> datetime | None:
    """An ISO date or date-time; a plain date as `to` includes that whole day."""
    if not value:
        return None
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            start = datetime(day.year, day.month, day.day, tzinfo=UTC)
            return start + timedelta(days=1) if end else start
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise BadPeriod(f"{value!r} is not an ISO date (2026-12-01) or date-time") from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _start(period: str, interval: str) -> datetime:
    if interval == "hour":
        return datetime.fromisoformat(period).replace(tzinfo=UTC)
    return datetime.fromisoformat(period[:10]).replace(tzinfo=UTC)


def period_label(when: datetime, interval: str) -> str:
    if interval == "hour":
        return when.strftime("%Y-%m-%dT%H:00")
    if interval == "week":
        when = when - timedelta(days=when.weekday())
    return when.strftime("%Y-%m-%d")


def all_periods(first: str, last: str, interval: str, limit: int = 2000) -> list[str]:
    """Every period label from `first` to `last` included (at most `limit`)."""
    step = {"hour": timedelta(hours=1), "day": timedelta(days=1),
            "week": timedelta(days=7)}[interval]
    out: list[str] = []
    when, stop = _start(first, interval), _start(last, interval)
    while when <= stop and len(out) < limit:
        out.append(period_label(when, interval))
        when += step
    return out
