"""articles.extraction: "full", or "fallback" when the page gave no article text.

A fallback article is stored from what is known (the feed entry's title and summary,
the page's title and meta description) so nothing fetched is dropped; a later
successful extraction of the same URL replaces it. Articles already stored from their
feed entry alone (status "feed_only") are fallbacks too.

Revision ID: 0013_extract
Revises: 0012_ops
"""

import sqlalchemy as sa
from alembic import op

revision = "0013_extract"
down_revision = "0012_ops"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN on both databases: the articles table is never rebuilt.
    op.add_column("articles", sa.Column("extraction", sa.String(10), nullable=False,
                                        server_default="full"))
    op.execute("UPDATE articles SET extraction = 'fallback' WHERE status = 'feed_only'")


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("extraction")
