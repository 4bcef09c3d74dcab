"""Explicit zones written after a date ("CET", "GMT+1", "UTC-05:00"), which win over the
source's own zone.

`datetime.fromisoformat` and `email.utils` read numeric offsets ("+01:00", "+0100")
and the RFC 822 names; everything else they leave naive, and a naive time is read in
the source's zone, hours off. "GMT+1" is read the way publishers mean it (one hour
east of Greenwich), not the POSIX way dateutil reads it (one hour west).
"""

from __future__ import annotations

import re
from datetime import timedelta, timezone, tzinfo

# Abbreviations with one meaning in the press this project reads; ambiguous ones
# (IST, CST in Asia, BST outside Britain) are read as the commoner meaning or left out.
ZONE_HOURS: dict[str, float] = {
    "UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "WEST": 1, "BST": 1,
    "CET": 1, "CEST": 2, "MET": 1, "MEST": 2, "EET": 2, "EEST": 3, "MSK": 3,
    "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6,
    "PST": -8, "PDT": -7, "AST": -4, "ADT": -3,
}
_TRAILING_ZONE = re.compile(
    r"\s*\(?(?P<name>[A-Za-z]{1,5})(?:\s*(?P<sign>[+-])(?P<hh>\d{1,2})(?::?(?P<mm>\d{2}))?)?\)?\s*$"
)


def explicit_zone(text: str) -> tuple[str, tzinfo] | None:
    """Split a trailing zone name (with an optional offset) off `text`.

    Returns (the text before it, the fixed offset it names), or None when the text
    does not end in a zone this module knows.
    """
    match = _TRAILING_ZONE.search(text)
    if match is None or match.start() == 0:
        return None
    name = match.group("name").upper()
    if name not in ZONE_HOURS:
        return None
    offset = timedelta(hours=ZONE_HOURS[name])
    if match.group("sign"):
        if name not in ("UT", "UTC", "GMT"):
            return None  # "CET+1" means nothing we can trust
        hours, minutes = int(match.group("hh")), int(match.group("mm") or 0)
        if hours > 14 or minutes > 59:
            return None
        delta = timedelta(hours=hours, minutes=minutes)
        offset = delta if match.group("sign") == "+" else -delta
    before = text[:match.start()].rstrip()
    if not before or not before[-1].isdigit():
        return None  # a zone must follow a time or date ("Mar 4, 2020 CET"), not a word
    return before, timezone(offset)
