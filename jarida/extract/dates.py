"""Publication dates in UTC: machine-readable metadata first, then the feed, then the page text.

Naive times are read in the source's time zone (Moroccan outlets print local
time without an offset) and stored in UTC; an explicit zone ("+01:00", "CET",
"GMT+1") wins. Relative dates ("il y a 3 heures") count back from `now` on the
source's wall clock. Numeric dates are read day first, except in American English
(month first), in metadata and printed text alike.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import TypeGuard
from zoneinfo import ZoneInfo

from dateparser.date import DateDataParser
from dateutil import parser as dateutil_parser

from jarida.datezones import explicit_zone
from jarida.extract.datelines import dateline_date_text
from jarida.extract.printed_dates import DateOrder, quick_printed_date

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


# English as written in the United States puts the month first; the languages this
# project reads (fr, ar, es) and British English put the day first.
_MONTH_FIRST = frozenset({"en", "en-us"})


def date_order(languages: Sequence[str]) -> DateOrder:
    """How `03/04/2020` reads for a page in `languages` (the first one decides)."""
    first = languages[0].lower().replace("_", "-") if languages else "fr"
    return "MDY" if first in _MONTH_FIRST else "DMY"


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


def parse_machine_date(text: str, timezone: str, order: DateOrder = "DMY") -> datetime | None:
    """Dates written for machines (ISO 8601, RFC 2822, numeric): no dateparser needed."""
    found = _parse_iso(text, timezone)
    if found is not None:
        return found
    candidate = " ".join(text.split())
    if not candidate or len(candidate) > 60:
        return None
    zoned = explicit_zone(candidate)
    bare, zone = zoned if zoned else (candidate, None)
    if _RFC2822_RE.match(candidate):
        try:
            parsed = parsedate_to_datetime(bare if zone else candidate)
            return to_utc(parsed.replace(tzinfo=zone) if zone and not parsed.tzinfo else parsed,
                          timezone)
        except (TypeError, ValueError, IndexError):
            pass
    # dayfirst would turn 2020/03/04 into 3 April: only numeric dates that open with
    # the day or the month follow the page's order.
    day_first = order == "DMY" and not bare[:4].isdigit()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # unknown zone names are read as local time
            parsed = dateutil_parser.parse(bare, dayfirst=day_first)
    except (ValueError, OverflowError):
        return None
    if zone is not None and parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=zone)
    return to_utc(parsed, timezone)


@lru_cache(maxsize=32)
def _date_parser(languages: tuple[str, ...], order: DateOrder,
                 base: datetime) -> DateDataParser:
    """One parser per language set, order and minute: a parser's first use costs far
    more than the next ones.

    `base` is "now" on the source's wall clock (naive), so "il y a 3 heures" comes out
    as local time like every other date, and `to_utc` reads both the same way. Time
    zones are left to zoneinfo: dateparser's own conversion relies on pytz data that
    gets Morocco's offset wrong in recent years.
    """
    settings = {"DATE_ORDER": order, "PREFER_DATES_FROM": "past", "RELATIVE_BASE": base}
    return DateDataParser(languages=list(languages), settings=settings)


def _wall_clock(now: datetime | None, timezone: str) -> datetime:
    """`now` (default: the present) on the source's clock, naive, to the minute."""
    moment = (now or datetime.now(UTC)).astimezone(ZoneInfo(timezone))
    return moment.replace(tzinfo=None, second=0, microsecond=0)


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
    now: datetime | None = None,
) -> datetime | None:
    """Parse one date as printed by a publisher (ISO, French, Arabic, Spanish...) into UTC.

    `now` (aware; default the present) is what relative dates count back from.
    """
    if not text or not text.strip():
        return None
    iso = _parse_iso(text, timezone)
    if iso is not None:
        return iso
    text = dateline_date_text(text) or text  # "Publié dans Hespress le 24 - 11 - 2020"
    cleaned = normalise_date_text(text)
    if not cleaned or len(cleaned) > 80 or not any(ch.isdigit() for ch in cleaned):
        return None
    codes = tuple(dict.fromkeys(code.split("-")[0].split("_")[0].lower() for code in languages))
    order = date_order(languages)
    segments = _segments(cleaned)
    for segment in segments:  # the common layouts first: dateparser costs milliseconds
        quick = quick_printed_date(segment, codes, order)
        if quick is not None:
            return to_utc(quick, timezone)
    parser = _date_parser(codes, order, _wall_clock(now, timezone))
    for segment in segments:
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
    now: datetime | None = None,
) -> datetime | None:
    """The first candidate that parses; `machine` candidates (metadata) try fast parsers first."""
    items = list(candidates)
    if machine:
        for candidate in items:
            found = parse_machine_date(candidate, timezone, date_order(languages))
            if plausible(found):
                return found
    for candidate in items:
        found = parse_date(candidate, languages=languages, timezone=timezone, now=now)
        if plausible(found):
            return found
    return None


# Content systems write "0001-01-01T00:00:00" for "no date": 5 of the 311 shared corpus
# pages carry such a placeholder in their metadata. No news item is dated before this.
EARLIEST_PLAUSIBLE = datetime(1800, 1, 1, tzinfo=UTC)


def plausible(found: datetime | None) -> TypeGuard[datetime]:
    """A date that can be an article's: not a placeholder from before EARLIEST_PLAUSIBLE."""
    if found is None:
        return False
    aware = found if found.tzinfo else found.replace(tzinfo=UTC)
    return aware >= EARLIEST_PLAUSIBLE
