"""Failed feed entries, retried on later crawls even when their feed is unchanged.

A page a feed lists before it is live (404, no article text yet) failed once and was
never fetched again: the feed's validators were saved, so the next crawls saw an
unchanged feed. Each failure is now kept with its attempt count and the time of its
next retry (storage/entry_failures.py).

Revision ID: 0006_storage
Revises: 0005_crawl
"""

import sqlalchemy as sa
from alembic import op

from jarida.storage.types import UTCDateTime

revision = "0006_storage"
down_revision = "0005_crawl"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entry_failures",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("feed_id", sa.Integer, nullable=False),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("last_error", sa.Text),
        sa.Column("first_failed_at", UTCDateTime, nullable=False),
        sa.Column("last_failed_at", UTCDateTime, nullable=False),
        sa.Column("next_retry_at", UTCDateTime),
        sa.PrimaryKeyConstraint("id", name="pk_entry_failures"),
        sa.ForeignKeyConstraint(
            ["feed_id"], ["feeds.id"], name="fk_entry_failures_feed_id_feeds", ondelete="CASCADE"
        ),
        sa.UniqueConstraint("feed_id", "url", name="uq_entry_failures_feed_id_url"),
    )
    op.create_index(
        "ix_entry_failures_feed_id_next_retry_at", "entry_failures", ["feed_id", "next_retry_at"]
    )


def downgrade() -> None:
    op.drop_index("ix_entry_failures_feed_id_next_retry_at", table_name="entry_failures")
    op.drop_table("entry_failures")
