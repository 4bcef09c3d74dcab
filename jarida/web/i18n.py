"""Interface languages: choosing one per request, gettext catalogues and localised dates."""

from __future__ import annotations

import gettext
import io
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable

from babel import Locale
from babel.dates import format_date, format_time
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from markupsafe import Markup, escape

LANGUAGES: dict[str, str] = {"fr": "Français", "ar": "العربية", "es": "Español", "en": "English"}
DEFAULT_LANGUAGE = "fr"
COOKIE_NAME = "jarida_lang"
# The regional conventions each interface language follows (CLDR locales through Babel):
# Moroccan Arabic (month names such as "نونبر", 24-hour time), French and Spanish as used
# in France and Spain (24-hour), American English. OpenGraph's og:locale uses them too.
REGIONAL_LOCALES: dict[str, str] = {"fr": "fr_FR", "ar": "ar_MA", "es": "es_ES", "en": "en_US"}
_RTL = frozenset({"ar", "fa", "he", "ur", "ps", "ku"})


def text_direction(lang: str | None) -> str:
    """Writing direction of a language code, so each article keeps its own `dir`."""
    return "rtl" if lang and lang.split("-")[0].lower() in _RTL else "ltr"


@lru_cache(maxsize=len(LANGUAGES))
def translations(lang: str) -> gettext.NullTranslations:
    """Compile the shipped .po catalogues in memory (no build step, no stale .mo).

    Every `*.po` file of the language's LC_MESSAGES folder is read: `messages.po` holds
    the reader's site, and each area (admin, moderation, monitoring...) keeps its own
    catalogue beside it, merged here; a message defined twice keeps its first translation.
    """
    if lang not in LANGUAGES:
        return gettext.NullTranslations()
    folder = resources.files("jarida.web").joinpath(f"translations/{lang}/LC_MESSAGES")
    if not folder.is_dir():
        return gettext.NullTranslations()
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".po")),
                   key=lambda f: (f.name != "messages.po", f.name))
    return compile_catalogues(files, lang)


def compile_catalogues(files: Iterable[Traversable], lang: str) -> gettext.NullTranslations:
    """One gettext object from several .po files, the first definition of a message winning."""
    merged = None
    for po in files:
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=lang)
        if merged is None:
            merged = catalog
            continue
        for message in catalog:
            if message.id and message.id not in merged:
                merged[message.id] = message
    if merged is None:
        return gettext.NullTranslations()
    buffer = io.BytesIO()
    write_mo(buffer, merged)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def _accept_language(header: str) -> list[str]:
    """Language tags from an Accept-Language header, best first (RFC 9110 section 12.5.4)."""
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                quality = float(params[2:])
            except ValueError:
                quality = 0.0
        if tag and quality > 0:
            ranked.append((-quality, index, tag.strip().lower()))
    return [tag for _, _, tag in sorted(ranked)]


def negotiate_language(cookie: str | None, accept_language: str | None) -> str:
    """The reader's choice (cookie) wins, then the browser's preference, then French."""
    if cookie in LANGUAGES:
        return str(cookie)
    for tag in _accept_language(accept_language or ""):
        base = tag.split("-")[0]
        if base in LANGUAGES:
            return base
    return DEFAULT_LANGUAGE


@dataclass(frozen=True)
class Interface:
    """Everything a template needs to speak the reader's language."""

    lang: str
    timezone: str

    @property
    def dir(self) -> str:
        return text_direction(self.lang)

    @property
    def arrow_forward(self) -> str:
        """An arrow pointing the way the text reads (→, or ← in right-to-left text): Unicode
        does not mirror arrows, so each direction gets its own."""
        return "←" if self.dir == "rtl" else "→"

    @property
    def arrow_back(self) -> str:
        return "→" if self.dir == "rtl" else "←"

    @property
    def region(self) -> str:
        """The CLDR locale whose conventions dates follow, e.g. ar_MA."""
        return REGIONAL_LOCALES.get(self.lang, self.lang)

    @property
    def locale(self) -> Locale:
        return _locale(self.region)

    def gettext(self, message: str, **values: object) -> str:
        text = translations(self.lang).gettext(message)
        return text % values if values else text

    def ngettext(self, singular: str, plural: str, count: int, **values: object) -> str:
        """A message agreeing with `count` through the catalogue's plural forms (Arabic has
        six: 1 مقال واحد, 2 مقالان, 3-10 مقالات, 11-99 مقالا...); %(count)s is filled in."""
        text = translations(self.lang).ngettext(singular, plural, count)
        return text % {"count": count, **values}

    def _local(self, when: datetime) -> datetime:
        return when.astimezone(_zone(self.timezone))

    def long_date(self, when: datetime | None) -> str:
        return format_date(self._local(when), "long", locale=self.locale) if when else ""

    def timestamp(self, when: datetime | None) -> str:
        if when is None:
            return ""
        local = self._local(when)
        pattern = str(self.locale.datetime_formats["medium"])  # e.g. "{1}, {0}"
        day = format_date(local, "medium", locale=self.locale)
        hour = format_time(local, "short", locale=self.locale)
        return pattern.replace("{1}", day).replace("{0}", hour)

    def numeric_date(self, when: datetime) -> str:
        """The house attribution format, JJ - MM - AAAA, in the site's time zone."""
        local = self._local(when)
        # strftime("%d - %m - %Y"), built directly (a third of the time); %Y does not pad.
        return f"{local.day:02d} - {local.month:02d} - {local.year}"

    def attribution_text(self, source_name: str, when: datetime | None) -> str:
        """The attribution line as plain text (feeds), in the interface language."""
        if when is None:
            return self.gettext("Published in %(source)s", source=source_name)
        return self.gettext("Published in %(source)s on %(date)s", source=source_name,
                            date=self.numeric_date(when))

    def attribution(self, source_name: str, when: datetime | None) -> Markup:
        """'Publié dans <Source> le <date>' in the interface language, escaped.

        The two parts are escaped here and the translated sentence once per language
        (`_attribution_sentences`); placing the parts into it needs no escaping.
        """
        without_date, with_date = _attribution_sentences(self.lang)
        source = f'<cite class="source-name">{escape(source_name)}</cite>'
        if when is None:
            return Markup(without_date % {"source": source})  # noqa: S704 - escaped above
        # The date keeps the sentence's direction, isolated from its neighbours: in
        # right-to-left text its numbers then read from the right, "يوم 24 - 11 - 2026"
        # with the day next to يوم (laid out left-to-right, the year would stand there).
        date = (f'<time datetime="{escape(when.isoformat())}" dir="{self.dir}">'
                f"{escape(self.numeric_date(when))}</time>")
        return Markup(with_date % {"source": source, "date": date})  # noqa: S704


@lru_cache(maxsize=16)
def _locale(name: str) -> Locale:
    return Locale.parse(name)


@lru_cache(maxsize=64)
def _zone(name: str) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(name)


@lru_cache(maxsize=len(LANGUAGES) + 1)
def _attribution_sentences(lang: str) -> tuple[str, str]:
    """The attribution sentences of one language, translated and escaped (as plain str)."""
    ui_text = translations(lang).gettext
    return (str(escape(ui_text("Published in %(source)s"))),
            str(escape(ui_text("Published in %(source)s on %(date)s"))))
