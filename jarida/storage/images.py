"""Queries on article images (the moderation issue adds reports and blocking)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import Connection, select
from sqlalchemy.dialects import postgresql, sqlite

from jarida.model import Image
from jarida.storage.tables import images


def ensure_images(conn: Connection, pairs: Sequence[tuple[int, str]]) -> None:
    """Record (article id, image URL) pairs; known pairs are left as they are."""
    if not pairs:
        return
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    now = datetime.now(UTC)
    conn.execute(
        insert(images).on_conflict_do_nothing(index_elements=["article_id", "url"]),
        [{"article_id": a, "url": u, "status": "ok", "created_at": now} for a, u in set(pairs)],
    )


def images_of_article(conn: Connection, article_id: int) -> list[Image]:
    rows = conn.execute(
        select(images).where(images.c.article_id == article_id).order_by(images.c.id)
    )
    return [Image(id=r.id, article_id=r.article_id, url=r.url, status=r.status) for r in rows]
