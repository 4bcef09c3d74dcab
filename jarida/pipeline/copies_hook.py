"""After-store hook: link each new or changed article to the original it copies."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection

from jarida.dedup.copies import link_articles
from jarida.pipeline.hooks import StoredArticle


def link_copies(conn: Connection, stored: Sequence[StoredArticle]) -> None:
    """Unchanged articles are skipped: a re-crawl changes nothing."""
    link_articles(conn, [s.article_id for s in stored if s.outcome != "unchanged"])
