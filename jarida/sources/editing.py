"""Adding and editing one source, for the command line and the admin area alike.

Values are checked by `single.py` (the readers' checks); what clashes with the registry
is raised as its own exception, so that each front says it in its own words and language.
"""

from __future__ import annotations

from sqlalchemy import Connection

from jarida.model import FeedSpec, SourceSpec
from jarida.sources.enroll import EnrollReport, apply_source_changes, enroll_sources, spec_of
from jarida.sources.single import SourceFields, apply_fields, new_source
from jarida.sources.urls import feed_url_variants
from jarida.storage import sources as store


class SourceConflict(Exception):
    """The registry refuses the change (not a bad value: a clash)."""


class FeedTaken(SourceConflict):
    def __init__(self, url: str, owner: str) -> None:
        self.url, self.owner = url, owner
        super().__init__(f"feed already registered: {url} (source {owner})")


class SlugTaken(SourceConflict):
    def __init__(self, slug: str) -> None:
        self.slug = slug
        super().__init__(f"source {slug!r} already exists")


class UnknownSource(SourceConflict):
    def __init__(self, slug: str) -> None:
        self.slug = slug
        super().__init__(f"no source named {slug!r}")


def require_feed_free(conn: Connection, feed: FeedSpec) -> None:
    """Raise FeedTaken when this feed (in any spelling) is already registered."""
    clash = store.feed_registered_as(conn, feed_url_variants(feed.url))
    if clash is not None:
        owner = store.source_by_id(conn, clash.source_id)
        raise FeedTaken(clash.url, owner.slug if owner else "?")


def add_source(conn: Connection, url: str, kind: str, slug: str | None,
               given: SourceFields) -> SourceSpec:
    """Register a new source with one feed; bad values raise RegistryFileError."""
    taken = store.slugs_in_use(conn)
    spec = new_source(url, kind, slug, given, taken)
    require_feed_free(conn, spec.feeds[0])
    if spec.slug in taken:
        raise SlugTaken(spec.slug)
    enroll_sources(conn, [spec])
    return spec


def edit_source(conn: Connection, slug: str, given: SourceFields,
                report: EnrollReport | None = None) -> EnrollReport:
    """Apply the GIVEN fields to a registered source; the report lists what changed."""
    report = report if report is not None else EnrollReport()
    source = store.source_by_slug(conn, slug)
    if source is None:
        raise UnknownSource(slug)
    apply_source_changes(conn, source, apply_fields(spec_of(conn, source), given), report)
    return report
