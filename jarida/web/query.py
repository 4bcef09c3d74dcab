"""Reading list and search parameters from the query string into storage filters."""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Annotated

from fastapi import HTTPException, Path

from jarida.storage import ArticleFilter


def day_bounds(day: date, timezone: str) -> tuple[datetime, datetime]:
    """The UTC instants where a calendar day starts and ends in the site's time zone."""
    zone = zoneinfo.ZoneInfo(timezone)
    start = datetime.combine(day, time.min, tzinfo=zone)
    end = datetime.combine(day + timedelta(days=1), time.min, tzinfo=zone)
    return start.astimezone(UTC), end.astimezone(UTC)


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

# Article ids are INTEGER columns: 32-bit on PostgreSQL, so larger numbers cannot exist.
MAX_ID = 2**31 - 1
ArticleId = Annotated[int, Path(ge=1, le=MAX_ID, description="Article id.")]
