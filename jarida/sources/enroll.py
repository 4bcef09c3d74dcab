"""Registering sources in the database, and reading them back as specs for export."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection

from jarida.model import FeedSpec, Source, SourceSpec
from jarida.storage import sources as store


@dataclass
class EnrollReport:
    added_sources: list[str] = field(default_factory=list)
    added_feeds: list[str] = field(default_factory=list)
    skipped_feeds: list[str] = field(default_factory=list)  # already registered


def enroll_sources(conn: Connection, specs: Sequence[SourceSpec]) -> EnrollReport:
    """Add sources and feeds in the caller's transaction; known feed URLs are skipped."""
    report = EnrollReport()
    for spec in specs:
        existing = store.source_by_slug(conn, spec.slug)
        if existing is None:
            source_id = store.insert_source(conn, spec)
            report.added_sources.append(spec.slug)
        else:
            source_id = existing.id
        for feed in spec.feeds:
            if store.feed_url_exists(conn, feed.url):
                report.skipped_feeds.append(feed.url)
                continue
            store.insert_feed(conn, source_id, feed)
            report.added_feeds.append(feed.url)
    return report


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
