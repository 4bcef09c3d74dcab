"""Stories: stories, their articles and the window's key index (issue 13).

Revision ID: 0017_stories
Revises: 0016_alerts
"""

import sqlalchemy as sa
from alembic import op

from jarida.storage.types import UTCDateTime

revision = "0017_stories"
down_revision = "0016_alerts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stories",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("first_seen", UTCDateTime, nullable=False),
        sa.Column("last_seen", UTCDateTime, nullable=False),
        sa.Column("article_count", sa.Integer, nullable=False),
        sa.Column("source_count", sa.Integer, nullable=False),
        sa.Column("languages", sa.String(100), nullable=False),
        sa.Column("profile", sa.Text, nullable=False),
        sa.Column("heat", sa.Float, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_stories"),
    )
    op.create_index("ix_stories_last_seen", "stories", ["last_seen"])
    op.create_index("ix_stories_article_count_heat_id", "stories", ["article_count", "heat", "id"])
    op.create_table(
        "story_articles",
        sa.Column("article_id", sa.Integer, nullable=False),
        sa.Column("story_id", sa.Integer, nullable=False),
        sa.Column("source_id", sa.Integer, nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("seen_at", UTCDateTime, nullable=False),
        sa.Column("fit", sa.Float, nullable=False),
        sa.PrimaryKeyConstraint("article_id", name="pk_story_articles"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE",
                                name="fk_story_articles_article_id_articles"),
        sa.ForeignKeyConstraint(["story_id"], ["stories.id"], ondelete="CASCADE",
                                name="fk_story_articles_story_id_stories"),
    )
    op.create_index("ix_story_articles_story_id_seen_at", "story_articles",
                    ["story_id", "seen_at"])
    op.create_table(
        "story_keys",
        sa.Column("key", sa.String(80), nullable=False),
        sa.Column("story_id", sa.Integer, nullable=False),
        sa.Column("last_seen", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("key", "story_id", name="pk_story_keys"),
        sa.ForeignKeyConstraint(["story_id"], ["stories.id"], ondelete="CASCADE",
                                name="fk_story_keys_story_id_stories"),
    )
    op.create_index("ix_story_keys_last_seen", "story_keys", ["last_seen"])
    op.create_index("ix_story_keys_key_last_seen", "story_keys", ["key", "last_seen"])


def downgrade() -> None:
    op.drop_table("story_keys")
    op.drop_table("story_articles")
    op.drop_table("stories")
