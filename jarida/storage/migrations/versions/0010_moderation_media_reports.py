"""Image media store, readers' reports, blocking, hidden articles and the audit log.

Images get a processing state ('pending' until the crawler has fetched and re-encoded
them), the content hash of their stored renditions and their blocking state; `media`
describes each stored picture once (widths, perceptual hash split in four indexed bands
for near-copy lookups); `reports` keeps only keyed hashes of who reported; `change_marks`
is a counter the site's data version reads, bumped by every moderation change.

Revision ID: 0010_moderation
Revises: 0009_fresh
"""

import sqlalchemy as sa
from alembic import op

from jarida.storage.types import UTCDateTime

revision = "0010_moderation"
down_revision = "0009_fresh"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("images") as batch:
        batch.add_column(sa.Column("sha256", sa.String(64)))
        batch.add_column(sa.Column("error", sa.Text))
        batch.add_column(sa.Column("attempts", sa.Integer, nullable=False, server_default="0"))
        batch.add_column(sa.Column("checked_at", UTCDateTime))
        batch.add_column(sa.Column("blocked_reason", sa.String(20)))
        batch.add_column(sa.Column("blocked_at", UTCDateTime))
        batch.add_column(sa.Column("review", sa.String(10)))
        batch.create_index("ix_images_status", ["status"])
        batch.create_index("ix_images_sha256", ["sha256"])
        batch.create_index("ix_images_review", ["review"])
    # Images registered before the media store were never fetched: they wait for the crawler.
    op.execute("UPDATE images SET status = 'pending'")
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("hidden_at", UTCDateTime))
        batch.add_column(sa.Column("hidden_reason", sa.Text))
    op.create_table(
        "media",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("width", sa.Integer, nullable=False),
        sa.Column("height", sa.Integer, nullable=False),
        sa.Column("widths", sa.String(100), nullable=False),
        sa.Column("formats", sa.String(20), nullable=False),
        sa.Column("phash", sa.String(16), nullable=False),
        sa.Column("ph0", sa.Integer, nullable=False),
        sa.Column("ph1", sa.Integer, nullable=False),
        sa.Column("ph2", sa.Integer, nullable=False),
        sa.Column("ph3", sa.Integer, nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("sha256", name="pk_media"),
    )
    for band in ("ph0", "ph1", "ph2", "ph3"):
        op.create_index(f"ix_media_{band}", "media", [band])
    op.create_table(
        "banned_hashes",
        sa.Column("phash", sa.String(16), nullable=False),
        sa.Column("sha256", sa.String(64)),
        sa.Column("image_id", sa.Integer),
        sa.Column("banned_at", UTCDateTime, nullable=False),
        sa.Column("banned_by", sa.String(100)),
        sa.PrimaryKeyConstraint("phash", name="pk_banned_hashes"),
    )
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("image_id", sa.Integer, nullable=False),
        sa.Column("reporter", sa.String(64), nullable=False),
        sa.Column("network", sa.String(64), nullable=False),
        sa.Column("epoch", sa.Integer, nullable=False),
        sa.Column("reason", sa.String(20), nullable=False),
        sa.Column("comment", sa.Text),
        sa.Column("weight", sa.Float, nullable=False, server_default="1"),
        sa.Column("status", sa.String(10), nullable=False, server_default="open"),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_reports"),
        sa.ForeignKeyConstraint(["image_id"], ["images.id"], ondelete="CASCADE",
                                name="fk_reports_image_id_images"),
    )
    op.create_index("ix_reports_image_id", "reports", ["image_id"])
    op.create_index("ix_reports_network_created_at", "reports", ["network", "created_at"])
    op.create_index("ix_reports_reporter_created_at", "reports", ["reporter", "created_at"])
    op.create_table(
        "report_keys",
        sa.Column("epoch", sa.Integer, nullable=False),
        sa.Column("secret", sa.String(64), nullable=False),
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.PrimaryKeyConstraint("epoch", name="pk_report_keys"),
    )
    op.create_table(
        "network_standing",
        sa.Column("network", sa.String(64), nullable=False),
        sa.Column("dismissed", sa.Integer, nullable=False, server_default="0"),
        sa.Column("upheld", sa.Integer, nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("network", name="pk_network_standing"),
    )
    op.create_table(
        "change_marks",
        sa.Column("name", sa.String(40), nullable=False),
        sa.Column("counter", sa.Integer, nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("name", name="pk_change_marks"),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", UTCDateTime, nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("target", sa.String(200), nullable=False),
        sa.Column("reason", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_audit_log"),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"])
    _append_only("audit_log")


def _append_only(table: str) -> None:
    """Refuse UPDATE and DELETE on `table` in the database itself."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            f"CREATE FUNCTION {table}_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN RAISE EXCEPTION '{table} is append-only'; END $$"
        )
        op.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only()"
        )
        return
    for event in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
        )


def downgrade() -> None:
    for name in ("audit_log", "change_marks", "network_standing", "report_keys", "reports",
                 "banned_hashes", "media"):
        op.drop_table(name)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS audit_log_append_only()")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("hidden_reason")
        batch.drop_column("hidden_at")
    with op.batch_alter_table("images") as batch:
        for index in ("ix_images_review", "ix_images_sha256", "ix_images_status"):
            batch.drop_index(index)
        for column in ("review", "blocked_at", "blocked_reason", "checked_at", "attempts",
                       "error", "sha256"):
            batch.drop_column(column)
