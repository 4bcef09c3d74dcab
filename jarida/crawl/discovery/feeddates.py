"""Read the date formats feeds and sitemaps use and return timezone-aware UTC datetimes."""

from __future__ import annotations

import calendar
import time
from datetime import UTC, datetime, tzinfo
from email.utils import parsedate_to_datetime

from feedparser.datetimes import _parse_date as feedparser_parse_date

from jarida.datezones import explicit_zone


def to_utc(raw: str | None, default_tz: tzinfo = UTC) -> datetime | None:
    """Parse RFC 822 or ISO 8601 (W3C-DTF) text; naive values are taken in default_tz.

    An explicit zone the standard parsers leave out ("CET", "GMT+1") wins over
    default_tz. Falls back to feedparser's many-format date parser (which assumes UTC)
    for the odd formats real feeds use; returns None when nothing understands the text.
    """
    if not raw:
        return None
    text = raw.strip()
    if not text:
        return None
    parsed = _parse_known(text)
    if parsed is None or parsed.tzinfo is None:
        parsed = _with_explicit_zone(text) or parsed
    if parsed is None:
        return _feedparser_fallback(text)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=default_tz)
    return parsed.astimezone(UTC)


def from_struct(value: time.struct_time | None) -> datetime | None:
    """feedparser's *_parsed tuples are UTC; make them aware datetimes."""
    if value is None:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    except (OverflowError, ValueError, OSError):
        return None


def _parse_known(text: str) -> datetime | None:
    if text[:4].isdigit():
        iso = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
        iso = iso.replace("/", "-", 2)  # 2024/03/01 10:00 is common in CMS output
        try:
            return datetime.fromisoformat(iso)
        except ValueError:
            return None
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    # email.utils marks "-0000" (unknown zone) as naive: treat it as unknown, not UTC
    return parsed


def _with_explicit_zone(text: str) -> datetime | None:
    """`text` read without its trailing zone name, in the zone that name gives."""
    zoned = explicit_zone(text)
    if zoned is None:
        return None
    bare, zone = zoned
    parsed = _parse_known(bare)
    return parsed.replace(tzinfo=zone) if parsed is not None and parsed.tzinfo is None else None


def _feedparser_fallback(text: str) -> datetime | None:
    try:
        struct = feedparser_parse_date(text)
    except (ValueError, OverflowError, TypeError):
        return None
    return from_struct(struct)
