"""Registering sources in the database, and reading them back as specs for export.

Enrolling a source that is already registered (same slug) applies what changed in its
fields and in those of its feeds, and reports each change as `slug: field old → new`;
feeds are matched by address whatever its spelling (`sources.urls`), so the same feed is
never registered twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection

from jarida.model import Feed, FeedSpec, Source, SourceSpec
from jarida.sources.urls import feed_url_variants, normalise_feed_url
from jarida.storage import sources as store


@dataclass
class EnrollReport:
    added_sources: list[str] = field(default_factory=list)
    added_feeds: list[str] = field(default_factory=list)
    skipped_feeds: list[str] = field(default_factory=list)  # already registered
    updated_sources: list[str] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)  # "rif-express: mode full → excerpt"
    elsewhere: list[str] = field(default_factory=list)  # "URL (registered to other-slug)"


def enroll_sources(conn: Connection, specs: Sequence[SourceSpec]) -> EnrollReport:
    """Add new sources and feeds and update changed ones, in the caller's transaction."""
    report = EnrollReport()
    for spec in specs:
        existing = store.source_by_slug(conn, spec.slug)
        if existing is None:
            source_id = store.insert_source(conn, spec)
            report.added_sources.append(spec.slug)
        else:
            source_id = existing.id
            apply_source_changes(conn, existing, spec, report)
        _enroll_feeds(conn, spec, source_id, report)
    return report


def apply_source_changes(
    conn: Connection, existing: Source, spec: SourceSpec, report: EnrollReport
) -> None:
    """Write the fields of SPEC that differ from the registered source, and report them."""
    changed: dict[str, object] = {}
    for name in store.SOURCE_FIELDS:
        old, new = getattr(existing, name), getattr(spec, name)
        if old != new:
            changed[name] = new
            report.changes.append(f"{spec.slug}: {name} {_shown(old)} → {_shown(new)}")
    if changed:
        store.update_source(conn, existing.id, changed)
        report.updated_sources.append(spec.slug)


def _enroll_feeds(conn: Connection, spec: SourceSpec, source_id: int,
                  report: EnrollReport) -> None:
    for feed in spec.feeds:
        current = store.feed_registered_as(conn, feed_url_variants(feed.url))
        if current is None:
            store.insert_feed(conn, source_id, _normal(feed))
            report.added_feeds.append(normalise_feed_url(feed.url))
            continue
        report.skipped_feeds.append(feed.url)
        if current.source_id != source_id:
            owner = store.source_by_id(conn, current.source_id)
            report.elsewhere.append(f"{feed.url} (registered to {owner.slug if owner else '?'})")
            continue
        _apply_feed_changes(conn, spec.slug, current, feed, report)


def _apply_feed_changes(
    conn: Connection, slug: str, current: Feed, feed: FeedSpec, report: EnrollReport
) -> None:
    changed: dict[str, object] = {}
    # A feed the crawl moved (autodiscovery, a permanent redirect) keeps the kind it found.
    moved = current.url not in feed_url_variants(feed.url)
    for name in store.FEED_FIELDS:
        if moved and name == "kind":
            continue
        old, new = getattr(current, name), getattr(feed, name)
        if old != new:
            changed[name] = new
            report.changes.append(
                f"{slug}: feed {current.url} {name} {_shown(old)} → {_shown(new)}")
    if changed:
        store.update_feed_fields(conn, current.id, changed)
        if slug not in report.updated_sources:
            report.updated_sources.append(slug)


def _normal(feed: FeedSpec) -> FeedSpec:
    return FeedSpec(url=normalise_feed_url(feed.url), kind=feed.kind, section=feed.section,
                    listing_pattern=feed.listing_pattern, title=feed.title)


def _shown(value: object) -> str:
    if value is None or value == ():
        return "(none)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return ",".join(str(v) for v in value)
    return str(value)


def spec_of(conn: Connection, source: Source) -> SourceSpec:
    feeds = tuple(
        FeedSpec(
            url=f.url,
            kind=f.kind,
            section=f.section,
            listing_pattern=f.listing_pattern,
            title=f.title,
        )
        for f in store.feeds_of_source(conn, source.id)
    )
    return SourceSpec(
        slug=source.slug,
        name=source.name,
        homepage=source.homepage,
        languages=source.languages,
        country=source.country,
        section=source.section,
        mode=source.mode,
        timezone=source.timezone,
        verified=source.verified,
        feeds=feeds,
    )


def registered_specs(conn: Connection) -> list[SourceSpec]:
    return [spec_of(conn, s) for s in store.all_sources(conn)]
