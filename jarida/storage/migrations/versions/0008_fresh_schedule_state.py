"""Feeds keep their publication rhythm for the adaptive schedule.

`schedule_state` is the JSON of `jarida.pipeline.schedule.FeedRhythm`: decayed counts of
new entries by local hour of publication, and how long the feed has been watched. NULL
means "not learnt yet": the next poll learns it from the entries' dates.

Revision ID: 0008_fresh
Revises: 0007_crawl
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_fresh"
down_revision = "0007_crawl"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("feeds") as batch:
        batch.add_column(sa.Column("schedule_state", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("feeds") as batch:
        batch.drop_column("schedule_state")
