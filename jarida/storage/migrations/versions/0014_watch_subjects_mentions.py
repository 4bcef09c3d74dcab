"""Media monitoring (issue 14): watched subjects, their aliases and exclusions,
comparison sets, and one mention row per (subject, article).

Revision ID: 0014_watch
Revises: 0013_extract
"""

import sqlalchemy as sa
from alembic import op

from jarida.storage.types import UTCDateTime

revision = "0014_watch"
down_revision = "0013_extract"
branch_labels = None
depends_on = None


def _fk(table: str, column: str, referred: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{referred}.id"], ondelete="CASCADE",
                                   name=f"fk_{table}_{column}_{referred}")


def upgrade() -> None:
    op.create_table(
        "watch_subjects",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("slug", sa.String(120), nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("query", sa.Text),
        sa.Column("languages", sa.String(100), nullable=False, server_default=""),
        sa.Column("sources", sa.Text, nullable=False, server_default=""),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("backfill_version", sa.Integer),
        sa.Column("backfill_through", sa.Integer),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_watch_subjects"),
        sa.UniqueConstraint("slug", name="uq_watch_subjects_slug"),
    )
    op.create_table(
        "watch_terms",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("subject_id", sa.Integer, nullable=False),
        sa.Column("role", sa.String(8), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("language", sa.String(8), nullable=False, server_default=""),
        sa.Column("case_sensitive", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.PrimaryKeyConstraint("id", name="pk_watch_terms"),
        _fk("watch_terms", "subject_id", "watch_subjects"),
    )
    op.create_index("ix_watch_terms_subject_id", "watch_terms", ["subject_id"])
    op.create_table(
        "watch_sets",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("slug", sa.String(120), nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_watch_sets"),
        sa.UniqueConstraint("slug", name="uq_watch_sets_slug"),
    )
    op.create_table(
        "watch_set_members",
        sa.Column("set_id", sa.Integer, nullable=False),
        sa.Column("subject_id", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("set_id", "subject_id", name="pk_watch_set_members"),
        _fk("watch_set_members", "set_id", "watch_sets"),
        _fk("watch_set_members", "subject_id", "watch_subjects"),
    )
    op.create_index("ix_watch_set_members_subject_id", "watch_set_members", ["subject_id"])
    op.create_table(
        "watch_mentions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("subject_id", sa.Integer, nullable=False),
        sa.Column("article_id", sa.Integer, nullable=False),
        sa.Column("where", sa.String(5), nullable=False),
        sa.Column("count", sa.Integer, nullable=False),
        sa.Column("snippet", sa.Text, nullable=False),
        sa.Column("target_start", sa.Integer, nullable=False),
        sa.Column("target_end", sa.Integer, nullable=False),
        sa.Column("published_at", UTCDateTime, nullable=False),
        sa.Column("tone", sa.String(8)),
        sa.Column("tone_score", sa.Float),
        sa.Column("tone_corrected", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_watch_mentions"),
        sa.UniqueConstraint("subject_id", "article_id",
                            name="uq_watch_mentions_subject_id_article_id"),
        _fk("watch_mentions", "subject_id", "watch_subjects"),
        _fk("watch_mentions", "article_id", "articles"),
    )
    op.create_index("ix_watch_mentions_subject_id_published_at_id", "watch_mentions",
                    ["subject_id", "published_at", "id"])
    op.create_index("ix_watch_mentions_article_id", "watch_mentions", ["article_id"])
    op.create_index("ix_watch_mentions_published_at", "watch_mentions", ["published_at"])


def downgrade() -> None:
    for name in ("watch_mentions", "watch_set_members", "watch_sets", "watch_terms",
                 "watch_subjects"):
        op.drop_table(name)
