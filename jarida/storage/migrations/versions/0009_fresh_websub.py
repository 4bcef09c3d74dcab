"""WebSub subscriptions and the inbox of pushed feed bodies.

A subscription outlives its feed (feed_id becomes NULL when the feed is removed) until
the hub has been asked to unsubscribe. Pushed bodies wait in `websub_inbox` for the
crawler, which parses them like a polled feed.

Revision ID: 0009_fresh
Revises: 0008_fresh
"""

import sqlalchemy as sa
from alembic import op

from jarida.storage.types import UTCDateTime

revision = "0009_fresh"
down_revision = "0008_fresh"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "websub_subscriptions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("feed_id", sa.Integer),
        sa.Column("hub", sa.Text, nullable=False),
        sa.Column("topic", sa.Text, nullable=False),
        sa.Column("token", sa.String(64), nullable=False),
        sa.Column("secret", sa.String(64), nullable=False),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("pending", sa.String(12)),
        sa.Column("lease_seconds", sa.Integer),
        sa.Column("expires_at", UTCDateTime),
        sa.Column("due_at", UTCDateTime),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("last_error", sa.Text),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_websub_subscriptions"),
        sa.ForeignKeyConstraint(["feed_id"], ["feeds.id"],
                                name="fk_websub_subscriptions_feed_id_feeds",
                                ondelete="SET NULL"),
        sa.UniqueConstraint("token", name="uq_websub_subscriptions_token"),
    )
    op.create_index("ix_websub_subscriptions_feed_id", "websub_subscriptions", ["feed_id"])
    op.create_index("ix_websub_subscriptions_due_at", "websub_subscriptions", ["due_at"])
    op.create_table(
        "websub_inbox",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("feed_id", sa.Integer, nullable=False),
        sa.Column("body", sa.LargeBinary, nullable=False),
        sa.Column("content_type", sa.Text),
        sa.Column("received_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_websub_inbox"),
        sa.ForeignKeyConstraint(["feed_id"], ["feeds.id"], name="fk_websub_inbox_feed_id_feeds",
                                ondelete="CASCADE"),
    )
    op.create_index("ix_websub_inbox_feed_id", "websub_inbox", ["feed_id"])


def downgrade() -> None:
    op.drop_table("websub_inbox")
    op.drop_table("websub_subscriptions")
