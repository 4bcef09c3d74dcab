"""The printed dates most pages use, read without dateparser.

"24 novembre 2020", "martes, 24 de noviembre de 2020, 10:30", "الثلاثاء 24 نوفمبر 2020 - 18:45",
"November 24, 2020", "24.11.2020 10:30": a regular expression and a table of month
names read them in microseconds, where dateparser's language detection costs
milliseconds per call. Anything else (relative dates, two-digit years, words between
the parts, a zone) is left to dateparser: this module answers None rather than guess.
Month and weekday names count only in the page's languages, as dateparser's do.
Input is text already normalised by `dates.normalise_date_text` (Western digits,
Maghreb month names mapped to Modern Standard Arabic, "h" hours written "10:30",
"publié le" and "à" removed).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from functools import lru_cache
from typing import Literal

DateOrder = Literal["DMY", "MDY"]

_MONTHS: dict[str, tuple[tuple[str, ...], ...]] = {
    "fr": (("janvier",), ("février", "fevrier"), ("mars",), ("avril",), ("mai",), ("juin",),
           ("juillet",), ("août", "aout"), ("septembre",), ("octobre",), ("novembre",),
           ("décembre", "decembre")),
    "es": (("enero",), ("febrero",), ("marzo",), ("abril",), ("mayo",), ("junio",), ("julio",),
           ("agosto",), ("septiembre", "setiembre"), ("octubre",), ("noviembre",),
           ("diciembre",)),
    "en": (("january",), ("february",), ("march",), ("april",), ("may",), ("june",), ("july",),
           ("august",), ("september",), ("october",), ("november",), ("december",)),
    "ar": (("يناير",), ("فبراير",), ("مارس",), ("أبريل", "ابريل"), ("مايو",), ("يونيو",),
           ("يوليو",), ("أغسطس",), ("سبتمبر",), ("أكتوبر",), ("نوفمبر",), ("ديسمبر",)),
}
_WEEKDAYS: dict[str, tuple[str, ...]] = {
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "es": ("lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado",
           "sabado", "domingo"),
    "en": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    "ar": ("الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"),
}
_TIME = r"(?:\s*[,-]?\s*(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?)?"
_NUMERIC = re.compile(
    r"^(?P<first>\d{1,2})(?P<sep>[./-])(?P<second_part>\d{1,2})(?P=sep)(?P<year>\d{4})"
    + _TIME + "$"
)


_Patterns = tuple[re.Pattern[str], re.Pattern[str], dict[str, int]]


@lru_cache(maxsize=16)
def _patterns(languages: tuple[str, ...]) -> _Patterns | None:
    """(day-month-year pattern, month-day-year pattern, month number by name) for the
    languages this module knows; None when one of them is unknown (dateparser reads it)."""
    if not languages or any(code not in _MONTHS for code in languages):
        return None
    months = {name: number + 1 for code in languages
              for number, names in enumerate(_MONTHS[code]) for name in names}
    weekdays = [day for code in languages for day in _WEEKDAYS[code]]
    month = "|".join(sorted(map(re.escape, months), key=len, reverse=True))
    weekday = "|".join(sorted(map(re.escape, weekdays), key=len, reverse=True))
    lead = rf"^(?:(?:{weekday}),?\s+)?"
    day_first = re.compile(
        lead + rf"(?P<day>\d{{1,2}})(?:er)?\s+(?:de\s+)?(?P<month>{month})\.?,?\s+(?:de\s+)?"
        rf"(?P<year>\d{{4}}){_TIME}$", re.IGNORECASE)
    month_first = re.compile(
        lead + rf"(?P<month>{month})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
        rf"(?P<year>\d{{4}}){_TIME}$", re.IGNORECASE)
    return day_first, month_first, months


def _build(year: int, month: int, day: int, match: re.Match[str]) -> datetime | None:
    hour, minute, second = match.group("hour"), match.group("minute"), match.group("second")
    try:
        return datetime(year, month, day, int(hour or 0), int(minute or 0), int(second or 0))
    except ValueError:  # 31 February, 25:00: not a date this module can vouch for
        return None


def quick_printed_date(text: str, languages: Iterable[str], order: DateOrder) -> datetime | None:
    """The naive local date and time `text` spells out in one of the common layouts,
    or None (then dateparser has the last word)."""
    text = text.strip()
    numeric = _NUMERIC.match(text)
    if numeric:
        first, second = int(numeric.group("first")), int(numeric.group("second_part"))
        day, month = (first, second) if order == "DMY" else (second, first)
        return _build(int(numeric.group("year")), month, day, numeric)
    patterns = _patterns(tuple(languages))
    if patterns is None or not text[:1].isalnum():
        return None
    day_first, month_first, months = patterns
    found = day_first.match(text) or month_first.match(text)
    if not found:
        return None
    return _build(int(found.group("year")), months[found.group("month").lower()],
                  int(found.group("day")), found)
