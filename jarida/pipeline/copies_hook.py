"""After-store hook: link each new or changed article to the original it copies."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection

from jarida.dedup.copies import Prepared, link_articles
from jarida.pipeline.hooks import StoredArticle


def link_copies(conn: Connection, stored: Sequence[StoredArticle]) -> None:
    """Unchanged articles are skipped: a re-crawl changes nothing. Prints the extraction
    worker computed (`record.derived`) are used as they are; the others are made here.
    The text goes as the record holds it: it is cleaned only if it is ever compared."""
    changed = [s for s in stored if s.outcome != "unchanged"]
    prepared = {
        s.article_id: Prepared(s.record.derived.copies, s.record.text)
        for s in changed if s.record.derived is not None
    }
    link_articles(conn, [s.article_id for s in changed], prepared=prepared)
