"""Crawl passes: one row per pass of `jarida run` / `crawl`, for health and status pages.

Revision ID: 0005_crawl
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

from jarida.storage.types import UTCDateTime

revision = "0005_crawl"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "crawl_passes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("runner", sa.String(120), nullable=False),
        sa.Column("started_at", UTCDateTime, nullable=False),
        sa.Column("finished_at", UTCDateTime, nullable=False),
        sa.Column("ok", sa.Boolean, nullable=False),
        sa.Column("error", sa.Text),
        sa.Column("feeds", sa.Integer, nullable=False, server_default="0"),
        sa.Column("pages", sa.Integer, nullable=False, server_default="0"),
        sa.Column("stored", sa.Integer, nullable=False, server_default="0"),
        sa.Column("failed", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_crawl_passes_finished_at", "crawl_passes", ["finished_at"])


def downgrade() -> None:
    op.drop_table("crawl_passes")
