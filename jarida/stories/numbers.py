"""Numbers, dates and weekdays as keys every language writes the same way.

A number is reduced to its significant digits ("2,4 milliards", "2.4 billion" and
"2400 millions" are all 24), so scales written in words or digits agree; its weight grows
with the digits it carries (a lone 4 says little, 2.25 a lot).
"""

from __future__ import annotations

import re

from jarida.storage.searchtext import fold

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_NUMBER = re.compile(r"\d+(?:[.,\u066b\u066c]\d+)*(?:[ \u00a0\u202f]\d{3})*")

MONTHS: dict[str, int] = {}
for _n, _names in enumerate((
    "janvier enero january يناير جانفي كانون",
    "fevrier febrero february فبراير فيفري",
    "mars marzo march مارس",
    "avril abril april أبريل ابريل افريل",
    "mai mayo may ماي مايو",
    "juin junio june يونيو جوان",
    "juillet julio july يوليوز يوليو جويلية",
    "aout agosto august غشت أغسطس اوت",
    "septembre septiembre september شتنبر سبتمبر",
    "octobre octubre october أكتوبر اكتوبر",
    "novembre noviembre november نونبر نوفمبر",
    "decembre diciembre december دجنبر ديسمبر",
), start=1):
    for _name in _names.split():
        MONTHS[fold(_name)] = _n

WEEKDAYS: dict[str, int] = {}
for _n, _names in enumerate((
    "lundi lunes monday الاثنين الإثنين", "mardi martes tuesday الثلاثاء",
    "mercredi miercoles wednesday الأربعاء الاربعاء", "jeudi jueves thursday الخميس",
    "vendredi viernes friday الجمعة", "samedi sabado saturday السبت",
    "dimanche domingo sunday الأحد الاحد",
)):
    for _name in _names.split():
        WEEKDAYS[fold(_name)] = _n


def number_key(written: str) -> tuple[str, float] | None:
    """The significant digits of a written number and their weight, or None."""
    s = written.translate(_DIGITS).replace("\u00a0", " ").replace("\u202f", " ")
    s = s.replace("\u066b", ",").replace("\u066c", " ")
    parts = re.split(r"[.,]", s.replace(" ", ""))
    if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]):
        digits = "".join(parts)  # thousands separators
    else:
        digits = "".join(parts)
    digits = digits.lstrip("0").rstrip("0")
    if not digits:
        return None
    if len(written) == 4 and written.startswith(("19", "20")) and written.isdigit():
        return "y" + written, 0.6  # a year
    weight = 0.3 if len(digits) == 1 else 1.0 if len(digits) == 2 else 1.6
    return "#" + digits, weight


def numbers_in(text: str) -> list[tuple[str, float]]:
    """Every number key of `text`, with its weight."""
    found = []
    for m in _NUMBER.finditer(text.translate(_DIGITS)):
        key = number_key(m.group(0).strip())
        if key:
            found.append(key)
    return found


def calendar_keys(words: list[str]) -> list[tuple[str, float]]:
    """Dates (day and month next to each other) and weekdays among folded words."""
    found: list[tuple[str, float]] = []
    for i, w in enumerate(words):
        if w in WEEKDAYS:
            found.append((f"wd{WEEKDAYS[w]}", 0.5))
        month = MONTHS.get(w)
        if month is None:
            continue
        for j in (i - 1, i - 2, i + 1):
            if 0 <= j < len(words) and words[j].isdigit() and 1 <= int(words[j]) <= 31:
                found.append((f"@{month}-{int(words[j])}", 1.5))
                break
        else:
            found.append((f"m{month}", 0.4))
    return found
