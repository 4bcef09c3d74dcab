"""Publication dates in UTC: machine-readable metadata first, then the feed, then the page text.

Naive times are read in the source's time zone (Moroccan outlets print local
time without an offset) and stored in UTC.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from dateparser.date import DateDataParser
from dateutil import parser as dateutil_parser

DEFAULT_LANGUAGES: tuple[str, ...] = ("fr", "ar", "es", "en")

# Moroccan (and Algerian/Tunisian) month names that dateparser does not know,
# mapped to the Modern Standard Arabic names it does.
MAGHREB_MONTHS = {
    "يناير": "يناير",
    "فبراير": "فبراير",
    "أبريل": "أبريل",
    "ابريل": "أبريل",
    "ماي": "مايو",
    "يوليوز": "يوليو",
    "غشت": "أغسطس",
    "شتنبر": "سبتمبر",
    "نونبر": "نوفمبر",
    "دجنبر": "ديسمبر",
    "جانفي": "يناير",
    "فيفري": "فبراير",
    "أفريل": "أبريل",
    "جوان": "يونيو",
    "جويلية": "يوليو",
    "أوت": "أغسطس",
}
_MONTH_RE = re.compile(
    r"(?<!\w)(" + "|".join(sorted(MAGHREB_MONTHS, key=len, reverse=True)) + r")(?!\w)"
)
_NOISE_RE = re.compile(
    r"(?i)\b(?:publi[ée](?:\s+le)?|mis\s+[àa]\s+jour(?:\s+le)?|mise\s+[àa]\s+jour|le|"
    r"publicado(?:\s+el)?|actualizado(?:\s+el)?|el|published(?:\s+on)?|updated(?:\s+on)?|on)\b"
    r"|(?<!\w)(?:نشر\s+في|نشر|بتاريخ|آخر\s+تحديث)(?!\w)"
)
_AT_RE = re.compile(r"(?i)(?<!\w)(?:à|a\s+las|a\s+la|at|على\s+الساعة|الساعة)(?!\w)")
_HOUR_RE = re.compile(r"(?i)\b(\d{1,2})\s*h\s*(\d{2})\b")
_SPACED_SEP_RE = re.compile(r"\b(\d{1,4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,4})\b")
# Arabic-Indic and Eastern Arabic-Indic digits, as some Arabic outlets print dates.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_SEGMENT_RE = re.compile(r"\s+[—–·|•]\s*|\s*,\s*(?:par|by|por|بقلم)\s+|\s+(?:par|by|por)\s+")
_RFC2822_RE = re.compile(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}")
_ISO_RE = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$"
)


def to_utc(value: datetime, timezone: str) -> datetime:
    """Read a naive datetime in `timezone`, return an aware UTC datetime."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=ZoneInfo(timezone))
    return value.astimezone(UTC)


def normalise_date_text(text: str) -> str:
    """Rewrite publisher wording into something dateparser reads reliably."""
    text = " ".join(text.split()).translate(_DIGITS)
    text = _MONTH_RE.sub(lambda m: MAGHREB_MONTHS[m.group(1)], text)
    text = _HOUR_RE.sub(r"\1:\2", text)
    text = _SPACED_SEP_RE.sub(r"\1\2\3\2\4", text)
    text = _NOISE_RE.sub(" ", text)
    text = _AT_RE.sub(" ", text)
    return " ".join(text.replace("|", " ").split()).strip(" ,-–:")


def _parse_iso(text: str, timezone: str) -> datetime | None:
    candidate = text.strip()
    if not _ISO_RE.match(candidate):
        return None
    try:
        return to_utc(datetime.fromisoformat(candidate.replace("Z", "+00:00")), timezone)
    except ValueError:
        return None


def parse_machine_date(text: str, timezone: str) -> datetime | None:
    """Dates written for machines (ISO 8601, RFC 2822, US English): no dateparser needed."""
    found = _parse_iso(text, timezone)
    if found is not None:
        return found
    candidate = " ".join(text.split())
    if not candidate or len(candidate) > 60:
        return None
    if _RFC2822_RE.match(candidate):
        try:
            return to_utc(parsedate_to_datetime(candidate), timezone)
        except (TypeError, ValueError, IndexError):
            pass
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # unknown zone names ("EST") read as local time
            return to_utc(dateutil_parser.parse(candidate), timezone)
    except (ValueError, OverflowError):
        return None


@lru_cache(maxsize=16)
def _date_parser(languages: tuple[str, ...]) -> DateDataParser:
    """One parser per language set: building one costs far more than using it.

    Time zones are left to zoneinfo (see `to_utc`): dateparser's own conversion
    relies on pytz data that gets Morocco's offset wrong in recent years.
    """
    settings = {"DATE_ORDER": "DMY", "PREFER_DATES_FROM": "past"}
    return DateDataParser(languages=list(languages), settings=settings)


def _segments(text: str) -> list[str]:
    """The whole dateline, then its parts: "06.10.2026 à 01:40 — Samira Boudra" has a
    date and a name, and dateparser only reads the date on its own."""
    parts = [p.strip() for p in _SEGMENT_RE.split(text)]
    return [text] + [p for p in parts if p and p != text and any(c.isdigit() for c in p)]


def parse_date(
    text: str,
    *,
    languages: Sequence[str] = DEFAULT_LANGUAGES,
    timezone: str = "Africa/Casablanca",
) -> datetime | None:
    """Parse one date as printed by a publisher (ISO, French, Arabic, Spanish...) into UTC."""
    if not text or not text.strip():
        return None
    iso = _parse_iso(text, timezone)
    if iso is not None:
        return iso
    cleaned = normalise_date_text(text)
    if not cleaned or len(cleaned) > 80 or not any(ch.isdigit() for ch in cleaned):
        return None
    parser = _date_parser(tuple(languages))
    for segment in _segments(cleaned):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            data = parser.get_date_data(segment)
        if data and data["date_obj"] is not None:
            return to_utc(data["date_obj"], timezone)
    return None


def first_date(
    candidates: Iterable[str],
    *,
    languages: Sequence[str] = DEFAULT_LANGUAGES,
    timezone: str = "Africa/Casablanca",
    machine: bool = False,
) -> datetime | None:
    """The first candidate that parses; `machine` candidates (metadata) try fast parsers first."""
    items = list(candidates)
    if machine:
        for candidate in items:
            found = parse_machine_date(candidate, timezone)
            if found is not None:
                return found
    for candidate in items:
        found = parse_date(candidate, languages=languages, timezone=timezone)
        if found is not None:
            return found
    return None
