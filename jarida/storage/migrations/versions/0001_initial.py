"""Initial schema: sources, feeds, articles, images, fetch log and full-text index.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

from jarida.storage.types import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("slug", sa.String(120), nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("homepage", sa.Text),
        sa.Column("languages", sa.String(100), nullable=False),
        sa.Column("country", sa.String(2)),
        sa.Column("section", sa.String(120)),
        sa.Column("mode", sa.String(10), nullable=False),
        sa.Column("timezone", sa.String(64)),
        sa.Column("verified", sa.Boolean, nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sources"),
        sa.UniqueConstraint("slug", name="uq_sources_slug"),
    )
    op.create_table(
        "feeds",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source_id", sa.Integer, nullable=False),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("section", sa.String(120)),
        sa.Column("listing_pattern", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("body_hash", sa.String(64)),
        sa.Column("poll_interval", sa.Integer, nullable=False),
        sa.Column("next_poll_at", UTCDateTime),
        sa.Column("last_polled_at", UTCDateTime),
        sa.Column("consecutive_failures", sa.Integer, nullable=False),
        sa.Column("last_error", sa.Text),
        sa.Column("status", sa.String(10), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_feeds"),
        sa.UniqueConstraint("url", name="uq_feeds_url"),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name="fk_feeds_source_id_sources", ondelete="CASCADE"
        ),
    )
    op.create_index("ix_feeds_next_poll_at", "feeds", ["next_poll_at"])
    op.create_index("ix_feeds_source_id", "feeds", ["source_id"])
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source_id", sa.Integer, nullable=False),
        sa.Column("feed_id", sa.Integer),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("canonical_url", sa.Text, nullable=False),
        sa.Column("guid", sa.Text),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("html", sa.Text, nullable=False),
        sa.Column("excerpt", sa.Text, nullable=False),
        sa.Column("author", sa.Text),
        sa.Column("published_at", UTCDateTime),
        sa.Column("fetched_at", UTCDateTime, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.Column("sort_at", UTCDateTime, nullable=False),
        sa.Column("language", sa.String(8)),
        sa.Column("section", sa.String(120)),
        sa.Column("image_url", sa.Text),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
        sa.UniqueConstraint("canonical_url", name="uq_articles_canonical_url"),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name="fk_articles_source_id_sources", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["feed_id"], ["feeds.id"], name="fk_articles_feed_id_feeds", ondelete="SET NULL"
        ),
    )
    op.create_index("ix_articles_sort_at_id", "articles", ["sort_at", "id"])
    op.create_index("ix_articles_source_id_sort_at_id", "articles", ["source_id", "sort_at", "id"])
    op.create_index("ix_articles_feed_id_guid", "articles", ["feed_id", "guid"])
    op.create_index("ix_articles_content_hash", "articles", ["content_hash"])
    op.create_index("ix_articles_language_sort_at_id", "articles", ["language", "sort_at", "id"])
    op.create_index("ix_articles_section_sort_at_id", "articles", ["section", "sort_at", "id"])
    op.create_table(
        "images",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, nullable=False),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_images"),
        sa.UniqueConstraint("article_id", "url", name="uq_images_article_id_url"),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name="fk_images_article_id_articles",
            ondelete="CASCADE",
        ),
    )
    op.create_table(
        "fetch_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("feed_id", sa.Integer),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("status", sa.Integer),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("error", sa.Text),
        sa.Column("bytes", sa.Integer, nullable=False),
        sa.Column("elapsed_ms", sa.Integer, nullable=False),
        sa.Column("fetched_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_fetch_log"),
        sa.ForeignKeyConstraint(
            ["feed_id"], ["feeds.id"], name="fk_fetch_log_feed_id_feeds", ondelete="SET NULL"
        ),
    )
    op.create_index("ix_fetch_log_fetched_at", "fetch_log", ["fetched_at"])
    op.create_index("ix_fetch_log_feed_id", "fetch_log", ["feed_id"])

    if op.get_bind().dialect.name == "postgresql":
        # Filled by storage/search_postgres.py with the article language's configuration.
        op.add_column("articles", sa.Column("search_vector", sa.dialects.postgresql.TSVECTOR))
        op.create_index(
            "ix_articles_search_vector", "articles", ["search_vector"], postgresql_using="gin"
        )
    else:
        # External-content FTS5 index over search-normalised text (storage/search_sqlite.py).
        op.execute(
            "CREATE VIRTUAL TABLE article_fts USING fts5("
            "title, text, content='articles', content_rowid='id', "
            "tokenize='unicode61 remove_diacritics 2')"
        )
