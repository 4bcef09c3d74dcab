"""Field checks shared by the YAML and OPML readers, so both accept the same values."""

from __future__ import annotations

import functools
import re
import unicodedata
import zoneinfo
from collections.abc import Iterable
from urllib.parse import urlsplit

from jarida.model import FeedKind, PublishingMode
from jarida.sources.errors import InvalidValue

FEED_KINDS: tuple[FeedKind, ...] = ("rss", "atom", "sitemap", "listing")
MODES: tuple[PublishingMode, ...] = ("full", "excerpt")
SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_LANGUAGE_RE = re.compile(r"[a-z]{2}")
_COUNTRY_RE = re.compile(r"[A-Z]{2}")
# CLDR region codes that are groupings or placeholders, not countries.
_NOT_COUNTRIES = frozenset({"ZZ", "EU", "EZ", "UN", "QO"})


@functools.cache
def _known_codes() -> tuple[frozenset[str], frozenset[str]]:
    """ISO 639-1 languages and ISO 3166-1 alpha-2 countries, as CLDR (Babel) knows them."""
    from babel import Locale

    english = Locale("en")
    languages = frozenset(str(c) for c in english.languages if _LANGUAGE_RE.fullmatch(str(c)))
    countries = frozenset(str(c) for c in english.territories if _COUNTRY_RE.fullmatch(str(c)))
    return languages, countries - _NOT_COUNTRIES


def check_url(value: str, what: str) -> str:
    """Only absolute http(s) addresses with a host can be fetched (and be safe to link)."""
    url = value.strip()
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise InvalidValue(f"{what} is not a valid URL: {value!r}") from exc
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidValue(f"{what} must be an http or https URL: {value!r}")
    if any(ch.isspace() for ch in url):
        raise InvalidValue(f"{what} must not contain spaces: {value!r}")
    return url


def check_kind(value: str) -> FeedKind:
    """Each kind is polled by a different discovery strategy."""
    if value not in FEED_KINDS:
        raise InvalidValue(f"feed kind must be one of {', '.join(FEED_KINDS)}: {value!r}")
    return value


def check_mode(value: str) -> PublishingMode:
    """The mode decides whether full text is republished, so a typo must not pass."""
    if value not in MODES:
        raise InvalidValue(f"mode must be one of {', '.join(MODES)}: {value!r}")
    return value


def check_slug(value: str) -> str:
    """Slugs appear in URLs: lowercase ASCII words joined by single hyphens."""
    if not SLUG_RE.fullmatch(value):
        raise InvalidValue(f"slug must be lowercase ASCII letters, digits and hyphens: {value!r}")
    return value


def check_languages(values: Iterable[str]) -> tuple[str, ...]:
    """Two-letter ISO 639-1 codes, lowercase, without repeats."""
    result: list[str] = []
    for value in values:
        code = value.strip().lower()
        if not _LANGUAGE_RE.fullmatch(code) or code not in _known_codes()[0]:
            raise InvalidValue(f"language must be a two-letter ISO 639-1 code: {value!r}")
        if code in result:
            raise InvalidValue(f"language listed twice: {value!r}")
        result.append(code)
    return tuple(result)


def check_country(value: str) -> str:
    """Two-letter ISO 3166-1 alpha-2 code, stored uppercase."""
    code = value.strip().upper()
    if not _COUNTRY_RE.fullmatch(code) or code not in _known_codes()[1]:
        raise InvalidValue(f"country must be a two-letter ISO 3166-1 code: {value!r}")
    return code


def check_timezone(value: str) -> str:
    """An unknown zone would silently shift every undated article, so reject it here."""
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise InvalidValue(f"unknown IANA time zone: {value!r}") from exc
    return value


def check_listing_pattern(value: str, kind: FeedKind) -> str:
    """A pattern is a regular expression over link URLs and only means something for listings."""
    if kind != "listing":
        raise InvalidValue(f"listing_pattern only applies to kind listing, not {kind!r}")
    try:
        re.compile(value)
    except re.error as exc:
        raise InvalidValue(f"listing_pattern is not a valid regular expression: {exc}") from exc
    return value


def check_text(value: str, what: str) -> str:
    """Names, titles and sections are single non-empty lines."""
    text = value.strip()
    if not text:
        raise InvalidValue(f"{what} must not be empty")
    if "\n" in text or "\r" in text:
        raise InvalidValue(f"{what} must be a single line: {value!r}")
    if any(unicodedata.category(ch) in ("Cc", "Cs") or ch in "\ufffe\uffff" for ch in text):
        raise InvalidValue(f"{what} contains control characters: {value!r}")
    return text
