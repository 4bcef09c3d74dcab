"""Copies whose original is deleted keep their group: the earliest surviving copy becomes
the original and the others point at it, in the deleting transaction (no `copies rebuild`
needed). Called by every path that deletes articles, before it deletes them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Connection, delete, select, update

from jarida.storage.tables import article_copies, articles

CHUNK = 500


def relink_copies_of(conn: Connection, doomed: Sequence[int]) -> int:
    """Regroup the surviving copies of the originals among `doomed` (articles about to be
    deleted); the number of copies relinked. A copy keeps its similarity to the old
    original: the new one is the same text republished, so the figure stays close."""
    gone = set(doomed)
    groups: dict[int, list[tuple[datetime, int]]] = {}
    ids = sorted(gone)
    for start in range(0, len(ids), CHUNK):
        rows = conn.execute(
            select(article_copies.c.original_id, article_copies.c.article_id, articles.c.sort_at)
            .join(articles, articles.c.id == article_copies.c.article_id)
            .where(article_copies.c.original_id.in_(ids[start:start + CHUNK])))
        for original, copy, sort_at in rows:
            if int(copy) not in gone:
                groups.setdefault(int(original), []).append((sort_at, int(copy)))
    moved = 0
    for original, copies in groups.items():
        copies.sort()
        heir = copies[0][1]
        conn.execute(delete(article_copies).where(article_copies.c.article_id == heir))
        moved += int(conn.execute(
            update(article_copies).where(article_copies.c.original_id == original)
            .values(original_id=heir)).rowcount)
    return moved
