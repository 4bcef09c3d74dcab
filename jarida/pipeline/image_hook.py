"""After-store hook: remember each stored article's image URL."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection

from jarida.pipeline.hooks import StoredArticle
from jarida.storage import images as image_store


def register_images(conn: Connection, stored: Sequence[StoredArticle]) -> None:
    image_store.ensure_images(
        conn, [(s.article_id, s.record.image_url) for s in stored if s.record.image_url]
    )
