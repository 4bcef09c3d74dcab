"""Reading list and search parameters from the query string into storage filters."""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated

from fastapi import HTTPException, Path
from pydantic import BeforeValidator

from jarida.storage import ArticleFilter

_FIRST = datetime.min.replace(tzinfo=UTC)  # clamps for instants Python cannot represent
_LAST = datetime.max.replace(tzinfo=UTC)


def day_bounds(day: date, timezone: str) -> tuple[datetime, datetime]:
    """The UTC instants where a calendar day starts and ends in the site's time zone."""
    zone = zoneinfo.ZoneInfo(timezone)
    end = _midnight_utc(day + timedelta(days=1), zone) if day < date.max else _LAST
    return _midnight_utc(day, zone), end


def _midnight_utc(day: date, zone: zoneinfo.ZoneInfo) -> datetime:
    """Local midnight in UTC, clamped where it would fall before year 1 or after 9999."""
    try:
        return datetime.combine(day, time.min, tzinfo=zone).astimezone(UTC)
    except OverflowError:
        return _FIRST if day.year == 1 else _LAST


FIRST_ARCHIVE_YEAR = 1970
# A language tag as articles carry them (fr, ar, pt-BR, zh-Hant...); anything else in
# ?lang= is refused, never echoed into a page or a feed.
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}")
# C0 controls (NUL included) and DEL: no filter value holds one, and XML cannot carry them.
_CONTROL = re.compile("[\x00-\x1f\x7f]")


def language_param(value: str | None) -> str | None:
    """?lang= as a language tag, None when empty; anything else is a 422."""
    if not value:
        return None
    if not _LANGUAGE_TAG.fullmatch(value):
        raise HTTPException(422, "Unknown language code.")
    return value


def check_params(params: Mapping[str, str]) -> None:
    """Refuse (422) any query parameter holding a control character."""
    for name, value in params.items():
        if _CONTROL.search(name) or _CONTROL.search(value):
            raise HTTPException(422, "Parameters may not contain control characters.")


def archive_date(year: str, month: str, day: str) -> date:
    """The calendar day of an /archive/YYYY/MM/DD address; anything else is a 404.

    The last day is 9999-12-30 (an archive page links to the next day)."""
    parts = (year, month, day)
    if not all(p.isascii() and p.isdigit() and len(p) <= 4 for p in parts):
        raise HTTPException(404, "There is no such day.")
    try:
        when = date(int(year), int(month), int(day))
    except ValueError:
        raise HTTPException(404, "There is no such day.") from None
    if when.year < FIRST_ARCHIVE_YEAR or when >= date.max:
        raise HTTPException(404, "There is no such day.")
    return when


def parse_day(value: str | None, name: str) -> date | None:
    """A YYYY-MM-DD form field; empty means unset, anything else is a 422."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise HTTPException(422, f"{name}: expected a date as YYYY-MM-DD") from None


@dataclass(frozen=True)
class SearchForm:
    """The search form as the reader filled it (strings, so it can be shown back)."""

    q: str = ""
    source: str = ""
    section: str = ""
    lang: str = ""
    since: str = ""
    until: str = ""
    sort: str = "relevance"

    def article_filter(self, timezone: str) -> ArticleFilter:
        since_day = parse_day(self.since, "since")
        until_day = parse_day(self.until, "until")
        return ArticleFilter(
            source=self.source or None,
            section=self.section or None,
            language=self.lang or None,
            since=day_bounds(since_day, timezone)[0] if since_day else None,
            until=day_bounds(until_day, timezone)[1] if until_day else None,
        )

    @classmethod
    def from_params(cls, params: dict[str, str]) -> SearchForm:
        sort = params.get("sort", "relevance")
        return cls(
            q=params.get("q", "").strip(),
            source=params.get("source", ""),
            section=params.get("section", ""),
            lang=params.get("lang", ""),
            since=params.get("since", ""),
            until=params.get("until", ""),
            sort=sort if sort in ("relevance", "date") else "relevance",
        )


# PostgreSQL text cannot hold NUL, so a filter or query containing one could never match
# (and the driver refuses to send it): such values are refused as invalid parameters.
NO_NUL = r"^[^\x00]*$"

# Article ids are INTEGER columns: 32-bit on PostgreSQL, so larger numbers cannot exist.
MAX_ID = 2**31 - 1
ArticleId = Annotated[int, Path(ge=1, le=MAX_ID, description="Article id.")]


def _utc_instant(value: object) -> object:
    """An ISO 8601 date-time as an aware UTC datetime; naive values are taken as UTC.

    Pydantic alone would also read "0.5" as a Unix timestamp. An offset that puts the instant
    before year 1 or after 9999 in UTC is clamped to the first or last representable instant,
    which filters the same way, instead of failing later as a server error.
    """
    if value is None or isinstance(value, datetime):
        parsed = value
    elif isinstance(value, str):
        parsed = datetime.fromisoformat(value)  # ValueError becomes a 422
    else:
        raise ValueError("expected an ISO 8601 date-time")
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    try:
        return parsed.astimezone(UTC)
    except OverflowError:
        offset = parsed.utcoffset() or timedelta(0)
        return _FIRST if offset > timedelta(0) else _LAST


UtcInstant = Annotated[datetime, BeforeValidator(_utc_instant)]
