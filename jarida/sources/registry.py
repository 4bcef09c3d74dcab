"""Checks that span a whole registry file: slug derivation, duplicate slugs and feed URLs."""

from __future__ import annotations

from dataclasses import dataclass, field

from jarida.model import FeedSpec, PublishingMode, SourceSpec
from jarida.sources.errors import RegistryFileError
from jarida.sources.slugs import slugify, unique_slug
from jarida.sources.urls import feed_url_key


@dataclass
class SourceDraft:
    """A source read from a file but not yet given its final slug; remembers its lines."""

    line: int | None
    name: str
    slug: str | None = None
    slug_line: int | None = None
    homepage: str | None = None
    languages: tuple[str, ...] = ()
    country: str | None = None
    section: str | None = None
    mode: PublishingMode = "full"
    timezone: str | None = None
    verified: bool = True
    feeds: list[tuple[FeedSpec, int | None]] = field(default_factory=list)


def _check_feed_urls(drafts: list[SourceDraft]) -> None:
    seen: dict[str, int | None] = {}
    for draft in drafts:
        for feed, line in draft.feeds:
            key = feed_url_key(feed.url)
            if key in seen:
                first = seen[key]
                where = f" (first on line {first})" if first is not None else ""
                raise RegistryFileError(f"duplicate feed URL {feed.url}{where}", line)
            seen[key] = line


def _assign_slugs(drafts: list[SourceDraft]) -> list[str]:
    """Explicit slugs must be unique; derived ones step around every slug already taken."""
    explicit: dict[str, int | None] = {}
    for draft in drafts:
        if draft.slug is None:
            continue
        if draft.slug in explicit:
            first = explicit[draft.slug]
            where = f" (first on line {first})" if first is not None else ""
            raise RegistryFileError(f"duplicate slug {draft.slug!r}{where}", draft.slug_line)
        explicit[draft.slug] = draft.slug_line
    taken = set(explicit)
    slugs: list[str] = []
    for draft in drafts:
        slug = draft.slug
        if slug is None:
            slug = unique_slug(slugify(draft.name, draft.homepage), taken)
            taken.add(slug)
        slugs.append(slug)
    return slugs


def finish_sources(drafts: list[SourceDraft]) -> list[SourceSpec]:
    """Turn drafts into specs once the whole file is known to be consistent."""
    _check_feed_urls(drafts)
    slugs = _assign_slugs(drafts)
    return [
        SourceSpec(
            slug=slug,
            name=draft.name,
            homepage=draft.homepage,
            languages=draft.languages,
            country=draft.country,
            section=draft.section,
            mode=draft.mode,
            timezone=draft.timezone,
            verified=draft.verified,
            feeds=tuple(feed for feed, _ in draft.feeds),
        )
        for draft, slug in zip(drafts, slugs, strict=True)
    ]
