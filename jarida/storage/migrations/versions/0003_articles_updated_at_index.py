"""An index on articles.updated_at.

The site asks "what changed last?" (max(updated_at)) to invalidate its page cache;
without an index that is a scan of the whole table: 10 s over a million articles.

Revision ID: 0003
Revises: 0002
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_articles_updated_at", "articles", ["updated_at"])


def downgrade() -> None:
    op.drop_index("ix_articles_updated_at", table_name="articles")
