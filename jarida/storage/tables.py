"""SQLAlchemy Core tables: the one description of the schema the queries use.

Migrations under `migrations/versions/` create these; a test checks that the
migrated database matches this metadata.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from jarida.storage.types import UTCDateTime

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("slug", String(120), nullable=False, unique=True),
    Column("name", String(300), nullable=False),
    Column("homepage", Text),
    Column("languages", String(100), nullable=False, default=""),  # comma-separated ISO 639-1
    Column("country", String(2)),
    Column("section", String(120)),
    Column("mode", String(10), nullable=False, default="full"),
    Column("timezone", String(64)),
    Column("verified", Boolean, nullable=False, default=True),
    Column("created_at", UTCDateTime, nullable=False),
    # Last change of the registration (0005): the site's data version reads its maximum.
    Column("updated_at", UTCDateTime),
    Index("ix_sources_updated_at", "updated_at"),
)

feeds = Table(
    "feeds",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source_id", Integer, ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
    Column("url", Text, nullable=False, unique=True),
    Column("kind", String(10), nullable=False),
    Column("section", String(120)),
    Column("listing_pattern", Text),
    Column("title", Text),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("body_hash", String(64)),
    Column("poll_interval", Integer, nullable=False),
    Column("next_poll_at", UTCDateTime),
    Column("last_polled_at", UTCDateTime),
    Column("consecutive_failures", Integer, nullable=False, default=0),
    Column("last_error", Text),
    Column("status", String(10), nullable=False, default="active"),
    # The address first registered, once autodiscovery or a 301/308 moved `url` (0002).
    Column("registered_url", Text),
    Index(None, "next_poll_at"),
    Index(None, "source_id"),
    Index("ix_feeds_registered_url", "registered_url"),
)

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source_id", Integer, ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
    Column("feed_id", Integer, ForeignKey("feeds.id", ondelete="SET NULL")),
    Column("url", Text, nullable=False),
    Column("canonical_url", Text, nullable=False, unique=True),
    Column("guid", Text),
    Column("title", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("html", Text, nullable=False),
    Column("excerpt", Text, nullable=False),
    Column("author", Text),
    Column("published_at", UTCDateTime),
    Column("fetched_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    # The one key lists sort and paginate on: published_at when the article was first
    # stored, else its first fetch time. Set on insert, never moved by an update (so a
    # cursor never skips or repeats an article; storage.articles.list_articles).
    Column("sort_at", UTCDateTime, nullable=False),
    Column("language", String(8)),
    Column("section", String(120)),
    Column("image_url", Text),
    Column("content_hash", String(64), nullable=False),
    Column("status", String(10), nullable=False, default="ok"),
    Index(None, "sort_at", "id"),
    Index(None, "source_id", "sort_at", "id"),
    Index(None, "feed_id", "guid"),
    Index(None, "content_hash"),
    Index(None, "language", "sort_at", "id"),
    Index(None, "section", "sort_at", "id"),
    Index("ix_articles_updated_at", "updated_at"),  # the site's data version (0003)
)

images = Table(
    "images",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("url", Text, nullable=False),
    Column("status", String(10), nullable=False, default="ok"),
    Column("created_at", UTCDateTime, nullable=False),
    UniqueConstraint("article_id", "url"),
)

fetch_log = Table(
    "fetch_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("feed_id", Integer, ForeignKey("feeds.id", ondelete="SET NULL")),
    Column("url", Text, nullable=False),
    Column("status", Integer),
    Column("outcome", String(20), nullable=False),
    Column("error", Text),
    Column("bytes", Integer, nullable=False, default=0),
    Column("elapsed_ms", Integer, nullable=False, default=0),
    Column("fetched_at", UTCDateTime, nullable=False),
    Index(None, "fetched_at"),
    Index(None, "feed_id"),
)

# One row per crawl pass (0005): health of `jarida run`, `jarida stats`, the admin's status.
crawl_passes = Table(
    "crawl_passes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("runner", String(120), nullable=False),
    Column("started_at", UTCDateTime, nullable=False),
    Column("finished_at", UTCDateTime, nullable=False),
    Column("ok", Boolean, nullable=False),
    Column("error", Text),
    Column("feeds", Integer, nullable=False, server_default="0"),
    Column("pages", Integer, nullable=False, server_default="0"),
    Column("stored", Integer, nullable=False, server_default="0"),
    Column("failed", Integer, nullable=False, server_default="0"),
    Index("ix_crawl_passes_finished_at", "finished_at"),
)

# A feed entry whose page failed (not live yet, no article text...): retried on later
# crawls with back-off even when the feed is unchanged (0005; storage/entry_failures.py).
entry_failures = Table(
    "entry_failures",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("feed_id", Integer, ForeignKey("feeds.id", ondelete="CASCADE"), nullable=False),
    Column("url", Text, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("last_error", Text),
    Column("first_failed_at", UTCDateTime, nullable=False),
    Column("last_failed_at", UTCDateTime, nullable=False),
    Column("next_retry_at", UTCDateTime),  # None: given up after MAX_ENTRY_ATTEMPTS
    UniqueConstraint("feed_id", "url"),
    Index(None, "feed_id", "next_retry_at"),
)
