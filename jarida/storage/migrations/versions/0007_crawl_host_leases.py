"""Host leases: one crawler process at a time per host, whatever the number of crawlers;
and which crawler holds each feed's claim, so that a restart can hand back a dead one's.

Revision ID: 0007_crawl
Revises: 0006_storage
"""

import sqlalchemy as sa
from alembic import op

from jarida.storage.types import UTCDateTime

revision = "0007_crawl"
down_revision = "0006_storage"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "host_leases",
        sa.Column("host", sa.String(255), primary_key=True),
        sa.Column("owner", sa.String(120), nullable=False),
        sa.Column("expires_at", UTCDateTime, nullable=False),
    )
    with op.batch_alter_table("feeds") as batch:
        batch.add_column(sa.Column("claimed_by", sa.String(120)))


def downgrade() -> None:
    with op.batch_alter_table("feeds") as batch:
        batch.drop_column("claimed_by")
    op.drop_table("host_leases")
