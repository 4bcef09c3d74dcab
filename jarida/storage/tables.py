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
    # published_at when known, else fetched_at: the one key lists sort and paginate on.
    Column("sort_at", UTCDateTime, nullable=False),
    Column("language", String(8)),
    Column("section", String(120)),
    Column("image_url", Text),
    Column("content_hash", String(64), nullable=False),
    Column("status", String(10), nullable=False, default="ok"),
    # "full" or "fallback" (no article text on the page: feed entry / page metadata) (0005)
    Column("extraction", String(10), nullable=False, default="full", server_default="full"),
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
