"""Syndicated copies: MinHash signatures, their LSH band keys, and copy -> original links.

Revision ID: 0014_copies
Revises: 0013_extract
"""

import sqlalchemy as sa
from alembic import op

from jarida.storage.types import UTCDateTime

revision = "0014_copies"
down_revision = "0013_extract"
branch_labels = None
depends_on = None


def _to_articles(table: str, column: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], ["articles.id"], ondelete="CASCADE",
                                   name=f"fk_{table}_{column}_articles")


def upgrade() -> None:
    op.create_table(
        "copy_signatures",
        sa.Column("article_id", sa.Integer, nullable=False),
        sa.Column("signature", sa.LargeBinary, nullable=False),
        sa.PrimaryKeyConstraint("article_id", name="pk_copy_signatures"),
        _to_articles("copy_signatures", "article_id"),
    )
    op.create_table(
        "copy_bands",
        sa.Column("band_key", sa.BigInteger, nullable=False),
        sa.Column("article_id", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("band_key", "article_id", name="pk_copy_bands"),
        _to_articles("copy_bands", "article_id"),
    )
    op.create_index("ix_copy_bands_article_id", "copy_bands", ["article_id"])
    op.create_table(
        "article_copies",
        sa.Column("article_id", sa.Integer, nullable=False),
        sa.Column("original_id", sa.Integer, nullable=False),
        sa.Column("similarity", sa.Float, nullable=False),
        sa.Column("linked_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("article_id", name="pk_article_copies"),
        _to_articles("article_copies", "article_id"),
        _to_articles("article_copies", "original_id"),
    )
    op.create_index("ix_article_copies_original_id", "article_copies", ["original_id"])


def downgrade() -> None:
    op.drop_index("ix_article_copies_original_id", table_name="article_copies")
    op.drop_table("article_copies")
    op.drop_index("ix_copy_bands_article_id", table_name="copy_bands")
    op.drop_table("copy_bands")
    op.drop_table("copy_signatures")
