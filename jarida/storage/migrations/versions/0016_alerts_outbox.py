"""Monitoring alerts: saved queries, subscriptions, alert history and the delivery outbox.

An alert is created once per event (unique `dedup_key`); each delivery row is committed
with its idempotency key and frozen payload before anything is sent (a transactional
outbox), so a crash between sending and recording re-sends the same bytes under the same
key instead of creating a new alert.

Revision ID: 0016_alerts
Revises: 0015_watch
"""

import sqlalchemy as sa
from alembic import op

from jarida.storage.types import UTCDateTime

revision = "0016_alerts"
down_revision = "0015_watch"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "alert_queries",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("query", sa.Text, nullable=False),
        sa.Column("language", sa.String(8)),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_alert_queries"),
        sa.UniqueConstraint("name", name="uq_alert_queries_name"),
    )
    op.create_table(
        "alert_subscriptions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("channel", sa.String(10), nullable=False),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("secret", sa.String(64), nullable=False),
        sa.Column("rules", sa.String(100), nullable=False),
        sa.Column("subject_id", sa.Integer),
        sa.Column("query_id", sa.Integer),
        sa.Column("mode", sa.String(10), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_alert_subscriptions"),
        sa.ForeignKeyConstraint(["query_id"], ["alert_queries.id"], ondelete="CASCADE",
                                name="fk_alert_subscriptions_query_id_alert_queries"),
        sa.ForeignKeyConstraint(["subject_id"], ["watch_subjects.id"], ondelete="CASCADE",
                                name="fk_alert_subscriptions_subject_id_watch_subjects"),
    )
    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("dedup_key", sa.String(200), nullable=False),
        sa.Column("rule", sa.String(20), nullable=False),
        sa.Column("subject_id", sa.Integer),
        sa.Column("query_id", sa.Integer),
        sa.Column("article_id", sa.Integer),
        sa.Column("source_id", sa.Integer),
        sa.Column("window_start", UTCDateTime),
        sa.Column("window_end", UTCDateTime),
        sa.Column("observed", sa.Integer),
        sa.Column("expected", sa.Float),
        sa.Column("score", sa.Float),
        sa.Column("details", sa.Text, nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_alerts"),
        sa.UniqueConstraint("dedup_key", name="uq_alerts_dedup_key"),
    )
    op.create_index("ix_alerts_created_at", "alerts", ["created_at"])
    op.create_table(
        "alert_deliveries",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("subscription_id", sa.Integer, nullable=False),
        sa.Column("alert_id", sa.Integer),
        sa.Column("digest_day", sa.String(10)),
        sa.Column("idempotency_key", sa.String(64), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("next_attempt_at", UTCDateTime, nullable=False),
        sa.Column("claimed_until", UTCDateTime),
        sa.Column("last_error", sa.Text),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("sent_at", UTCDateTime),
        sa.PrimaryKeyConstraint("id", name="pk_alert_deliveries"),
        sa.ForeignKeyConstraint(["subscription_id"], ["alert_subscriptions.id"],
                                ondelete="CASCADE",
                                name="fk_alert_deliveries_subscription_id_alert_subscriptions"),
        sa.ForeignKeyConstraint(["alert_id"], ["alerts.id"], ondelete="CASCADE",
                                name="fk_alert_deliveries_alert_id_alerts"),
        sa.UniqueConstraint("idempotency_key", name="uq_alert_deliveries_idempotency_key"),
        sa.UniqueConstraint("subscription_id", "alert_id",
                            name="uq_alert_deliveries_subscription_id_alert_id"),
        sa.UniqueConstraint("subscription_id", "digest_day",
                            name="uq_alert_deliveries_subscription_id_digest_day"),
    )
    op.create_index("ix_alert_deliveries_state_next_attempt_at", "alert_deliveries",
                    ["state", "next_attempt_at"])


def downgrade() -> None:
    op.drop_table("alert_deliveries")
    op.drop_table("alerts")
    op.drop_table("alert_subscriptions")
    op.drop_table("alert_queries")
