"""sources.updated_at: when a source's registration last changed (edit or re-import).

The site's page cache keys on the data version; switching a source to excerpt-only must
change it at once for every stored article of that source, so the version reads
max(sources.updated_at) too. Existing sources start at their creation time.

Revision ID: 0012_ops
Revises: 0011_moderation
"""

import sqlalchemy as sa
from alembic import op

from jarida.storage.types import UTCDateTime

revision = "0012_ops"
down_revision = "0011_moderation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sources") as batch:
        batch.add_column(sa.Column("updated_at", UTCDateTime, nullable=True))
    op.execute("UPDATE sources SET updated_at = created_at")
    op.create_index("ix_sources_updated_at", "sources", ["updated_at"])


def downgrade() -> None:
    op.drop_index("ix_sources_updated_at", table_name="sources")
    with op.batch_alter_table("sources") as batch:
        batch.drop_column("updated_at")
