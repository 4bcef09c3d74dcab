"""One source from command-line options (`sources add`, `sources edit`), checked exactly as
the YAML and OPML readers check a source, so whatever the commands register exports and
re-imports."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar
from urllib.parse import urlsplit

from jarida.model import FeedSpec, SourceSpec
from jarida.sources import checks
from jarida.sources.errors import InvalidValue, RegistryFileError
from jarida.sources.slugs import slugify, unique_slug
from jarida.sources.urls import normalise_feed_url

_T = TypeVar("_T")


@dataclass(frozen=True)
class SourceFields:
    """Options as given; None means "not given", and "" clears an optional field."""

    name: str | None = None
    homepage: str | None = None
    languages: Sequence[str] | None = None
    country: str | None = None
    section: str | None = None
    mode: str | None = None
    timezone: str | None = None
    verified: bool | None = None


def _opt(value: str | None, check: Callable[[str], _T], current: _T | None) -> _T | None:
    if value is None:
        return current
    return None if not value.strip() else check(value)


def apply_fields(base: SourceSpec, given: SourceFields) -> SourceSpec:
    """BASE with the GIVEN fields checked and applied; a bad value raises RegistryFileError."""
    try:
        return replace(
            base,
            name=checks.check_text(given.name, "name") if given.name is not None else base.name,
            homepage=_opt(given.homepage, lambda v: checks.check_url(v, "homepage"),
                          base.homepage),
            languages=(checks.check_languages(given.languages)
                       if given.languages is not None else base.languages),
            country=_opt(given.country, checks.check_country, base.country),
            section=_opt(given.section, lambda v: checks.check_text(v, "section"), base.section),
            mode=checks.check_mode(given.mode) if given.mode is not None else base.mode,
            timezone=_opt(given.timezone, checks.check_timezone, base.timezone),
            verified=base.verified if given.verified is None else given.verified,
        )
    except InvalidValue as exc:
        raise RegistryFileError(str(exc)) from exc


def new_source(url: str, kind: str, slug: str | None, given: SourceFields,
               taken: Collection[str]) -> SourceSpec:
    """A source with one feed; the slug is checked when given, else derived from the name
    (or host) and kept clear of TAKEN. Whether a given slug is free is the caller's check."""
    try:
        feed_url = normalise_feed_url(checks.check_url(url, "feed URL"))
        feed = FeedSpec(url=feed_url, kind=checks.check_kind(kind),
                        section=_opt(given.section, lambda v: checks.check_text(v, "section"),
                                     None))
        chosen = checks.check_slug(slug) if slug is not None else None
    except InvalidValue as exc:
        raise RegistryFileError(str(exc)) from exc
    parts = urlsplit(feed_url)
    homepage = f"{parts.scheme}://{parts.netloc}/"
    base = SourceSpec(slug="", name=parts.hostname or feed_url, homepage=homepage, feeds=(feed,))
    spec = apply_fields(base, given)
    if chosen is None:
        chosen = unique_slug(slugify(spec.name, spec.homepage), taken)
    return replace(spec, slug=chosen)
