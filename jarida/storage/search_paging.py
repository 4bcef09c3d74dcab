"""Paging shared by both search backends: by date with a keyset cursor, by relevance
with an offset cursor."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection

from jarida.storage.filters import BadCursor, decode_cursor, encode_cursor, keyset_after
from jarida.storage.tables import articles

if TYPE_CHECKING:
    from jarida.storage.search import SortOrder

MAX_SEARCH_OFFSET = 10_000  # deeper relevance pages are not useful; by date, use keyset


def run_page(
    conn: Connection, q: Any, best_first: Any, *, sort: SortOrder, limit: int,
    cursor: str | None,
) -> tuple[list[int], str | None]:
    """One page of matches, by date (keyset cursor) or by relevance (offset cursor)."""
    offset = 0
    if sort == "date":
        if cursor:
            q = q.where(keyset_after(cursor))
        q = q.order_by(articles.c.sort_at.desc(), articles.c.id.desc())
    else:
        if cursor:
            offset = offset_from(cursor)
        q = q.order_by(best_first, articles.c.id.desc()).offset(offset)
    rows = conn.execute(q.limit(limit + 1)).all()
    return page_of(rows, limit, sort, offset)


def offset_from(cursor: str) -> int:
    (value,) = decode_cursor(cursor, 1)
    try:
        offset = int(value)
    except ValueError:
        raise BadCursor("cursor is not valid") from None
    if not 0 <= offset <= MAX_SEARCH_OFFSET:
        raise BadCursor("cursor is not valid")
    return offset


def page_of(
    rows: Sequence[Any], limit: int, sort: str, offset: int
) -> tuple[list[int], str | None]:
    ids = [int(r.id) for r in rows[:limit]]
    if len(rows) <= limit:
        return ids, None
    last = rows[limit - 1]
    if sort == "date":
        return ids, encode_cursor(last.sort_at.isoformat(), int(last.id))
    return ids, encode_cursor(offset + limit)
