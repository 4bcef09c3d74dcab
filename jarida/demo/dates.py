"""Visible dates in each outlet's house style, the way real Moroccan sites print them."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime

FR_DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
FR_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre")
# Month names as used in Morocco (not the Middle-East forms).
AR_MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت",
             "شتنبر", "أكتوبر", "نونبر", "دجنبر")
AR_DAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
ES_MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
             "septiembre", "octubre", "noviembre", "diciembre")
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def visible_date(when: datetime, style: str, lang: str) -> str:
    """Render `when` as printed under the headline by an outlet using `style`."""
    m, wd = when.month - 1, when.weekday()
    if lang == "ar":
        text = f"{AR_DAYS[wd]} {when.day} {AR_MONTHS[m]} {when.year} - {when:%H:%M}"
        return text.translate(ARABIC_INDIC) if style == "dotted" else text
    if lang == "es":
        return f"{when.day} de {ES_MONTHS[m]} de {when.year}, {when:%H:%M}"
    if style == "fr_long":
        return f"{FR_DAYS[wd]} {when.day} {FR_MONTHS[m]} {when.year} à {when.hour}h{when:%M}"
    if style == "fr_dashes":
        return f"{when:%d - %m - %Y}"
    if style == "fr_slash":
        return f"{when:%d/%m/%Y %H:%M}"
    if style == "dotted":
        return f"Publié le {when:%d.%m.%Y} à {when:%H:%M}"
    if style == "fr_le":
        return f"Le {when.day} {FR_MONTHS[m]} {when.year}"
    if style == "iso":
        return f"{when:%Y-%m-%d %H:%M} GMT+1"
    if lang == "en":
        return f"{EN_MONTHS[m]} {when.day}, {when.year}"
    return f"{when.day} {FR_MONTHS[m]} {when.year}"


def http_date(when: datetime) -> str:
    """RFC 9110 IMF-fixdate in GMT, for Last-Modified headers."""
    return format_datetime(when.astimezone(UTC), usegmt=True)


def rfc822(when: datetime) -> str:
    """RSS 2.0 pubDate with the outlet's local offset."""
    return format_datetime(when)
