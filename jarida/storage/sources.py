"""Queries on news sources and their feeds as registered (not their polling state)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import cast

from sqlalchemy import Connection, delete, func, insert, or_, select, update

from jarida.model import Feed, FeedSpec, Source, SourceSpec
from jarida.storage.articles import delete_articles_of_source
from jarida.storage.clean import clean_text
from jarida.storage.rows import feed_from_row, source_from_row
from jarida.storage.tables import entry_failures, feeds, sources

DEFAULT_POLL_INTERVAL = 3600


def insert_source(conn: Connection, spec: SourceSpec) -> int:
    """Insert a source (its feeds are added separately) and return its id."""
    result = conn.execute(
        insert(sources).values(
            slug=spec.slug,
            name=clean_text(spec.name),
            homepage=spec.homepage,
            languages=",".join(spec.languages),
            country=spec.country,
            section=clean_text(spec.section),
            mode=spec.mode,
            timezone=spec.timezone,
            verified=spec.verified,
            created_at=datetime.now(UTC),
            updated_at=datetime.now(UTC),
        )
    )
    assert result.inserted_primary_key is not None
    return int(result.inserted_primary_key[0])


def insert_feed(conn: Connection, source_id: int, spec: FeedSpec) -> int:
    result = conn.execute(
        insert(feeds).values(
            source_id=source_id,
            url=spec.url,
            kind=spec.kind,
            section=clean_text(spec.section),
            listing_pattern=spec.listing_pattern,
            title=clean_text(spec.title),
            poll_interval=DEFAULT_POLL_INTERVAL,
            next_poll_at=datetime.now(UTC),
            consecutive_failures=0,
            status="active",
        )
    )
    assert result.inserted_primary_key is not None
    return int(result.inserted_primary_key[0])


def source_by_slug(conn: Connection, slug: str) -> Source | None:
    if "\x00" in slug:  # no slug has one, and PostgreSQL refuses NUL in text
        return None
    row = conn.execute(select(sources).where(sources.c.slug == slug)).first()
    return source_from_row(row) if row else None


def source_by_id(conn: Connection, source_id: int) -> Source | None:
    row = conn.execute(select(sources).where(sources.c.id == source_id)).first()
    return source_from_row(row) if row else None


def all_sources(conn: Connection) -> list[Source]:
    return [source_from_row(r) for r in conn.execute(select(sources).order_by(sources.c.slug))]


def slugs_in_use(conn: Connection) -> set[str]:
    return set(conn.execute(select(sources.c.slug)).scalars())


def feed_url_exists(conn: Connection, url: str | Sequence[str]) -> bool:
    """True when a feed has this address (or one of these spellings) now, or was
    registered under it before moving."""
    return feed_registered_as(conn, url) is not None


def feed_registered_as(conn: Connection, url: str | Sequence[str]) -> Feed | None:
    """The feed that has this address (or one of these spellings) now or had it first."""
    urls = [url] if isinstance(url, str) else list(url)
    query = (
        select(feeds)
        .where(or_(feeds.c.url.in_(urls), feeds.c.registered_url.in_(urls)))
        .order_by(feeds.c.id)
    )
    row = conn.execute(query).first()
    return feed_from_row(row) if row else None


# What an edit may change: registration fields, never polling state.
SOURCE_FIELDS = ("name", "homepage", "languages", "country", "section", "mode", "timezone",
                 "verified")  # fmt: skip
FEED_FIELDS = ("kind", "section", "listing_pattern", "title")


def update_source(conn: Connection, source_id: int, values: Mapping[str, object]) -> None:
    """Change registration fields of a source and mark it changed for the site's caches."""
    unknown = set(values) - set(SOURCE_FIELDS)
    assert not unknown, f"not a source field: {unknown}"
    row = dict(values)
    if "languages" in row:
        row["languages"] = ",".join(cast(Sequence[str], row["languages"]))
    for key in ("name", "section"):
        if key in row:
            row[key] = clean_text(row[key])  # type: ignore[arg-type]
    row["updated_at"] = datetime.now(UTC)
    conn.execute(update(sources).where(sources.c.id == source_id).values(**row))


def update_feed_fields(conn: Connection, feed_id: int, values: Mapping[str, object]) -> None:
    """Change registration fields of a feed (its kind, section, title, listing pattern)."""
    unknown = set(values) - set(FEED_FIELDS)
    assert not unknown, f"not a feed field: {unknown}"
    row = dict(values)
    for key in ("section", "title"):
        if key in row:
            row[key] = clean_text(row[key])  # type: ignore[arg-type]
    conn.execute(update(feeds).where(feeds.c.id == feed_id).values(**row))


def feed_by_url(conn: Connection, url: str) -> Feed | None:
    row = conn.execute(select(feeds).where(feeds.c.url == url)).first()
    return feed_from_row(row) if row else None


def feed_by_id(conn: Connection, feed_id: int) -> Feed | None:
    row = conn.execute(select(feeds).where(feeds.c.id == feed_id)).first()
    return feed_from_row(row) if row else None


def feeds_of_source(conn: Connection, source_id: int) -> list[Feed]:
    rows = conn.execute(select(feeds).where(feeds.c.source_id == source_id).order_by(feeds.c.id))
    return [feed_from_row(r) for r in rows]


def all_feeds(conn: Connection) -> list[Feed]:
    return [feed_from_row(r) for r in conn.execute(select(feeds).order_by(feeds.c.id))]


def remove_source(conn: Connection, slug: str) -> bool:
    """Delete a source with its feeds and articles; False when no such source."""
    source = source_by_slug(conn, slug)
    if source is None:
        return False
    # Explicit order so it works whether or not the engine enforces ON DELETE CASCADE.
    delete_articles_of_source(conn, source.id)
    its_feeds = select(feeds.c.id).where(feeds.c.source_id == source.id)
    conn.execute(delete(entry_failures).where(entry_failures.c.feed_id.in_(its_feeds)))
    conn.execute(delete(feeds).where(feeds.c.source_id == source.id))
    conn.execute(delete(sources).where(sources.c.id == source.id))
    return True


def count_feeds_by_source(conn: Connection) -> dict[int, int]:
    rows = conn.execute(select(feeds.c.source_id, func.count()).group_by(feeds.c.source_id))
    return {int(sid): int(n) for sid, n in rows}
