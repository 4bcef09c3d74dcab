"""Feeds remember the address they were registered under.

Autodiscovery and permanent redirects move a feed to its real address; an operator
who imports the same source list again still names the old one. Keeping it lets the
import recognise the feed instead of registering it a second time.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("feeds") as batch:
        batch.add_column(sa.Column("registered_url", sa.Text))
        batch.create_index("ix_feeds_registered_url", ["registered_url"])


def downgrade() -> None:
    with op.batch_alter_table("feeds") as batch:
        batch.drop_index("ix_feeds_registered_url")
        batch.drop_column("registered_url")
