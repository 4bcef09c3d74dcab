"""Bulk loading of new articles into an empty or append-only database (benchmarks, imports).

`save_articles` is the crawler's path: idempotent per canonical URL, it looks every
record up and reads each new row back, one statement per article. Loading a million
articles that way takes hours, so this module splits the same work in two:

- `prepare_rows(records)` is pure Python (no database): the cleaned column values and
  the search-normalised title and text, exactly as `save_articles` would store them. It
  can run in worker processes.
- `insert_rows(conn, rows)` writes prepared rows with one executemany per table.

Rows are plain INSERTs: a canonical URL that is already stored is an error (the
transaction rolls back), so this is for loading data known to be new, never for the
crawler's updates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, insert, select, text

from jarida.model import ArticleRecord
from jarida.storage.articles import _idx, _values
from jarida.storage.search import IndexChange, update_search_index
from jarida.storage.searchtext import index_pair
from jarida.storage.tables import articles


@dataclass(frozen=True)
class PreparedRow:
    values: dict[str, object]
    index_forms: tuple[str, str]  # title and text as SQLite's index stores them


def prepare_rows(
    records: Sequence[ArticleRecord], now: datetime | None = None
) -> list[PreparedRow]:
    """Column values and search text for each record, computed without a database."""
    when = now or datetime.now(UTC)
    rows: list[PreparedRow] = []
    for rec in records:
        values = _values(rec, when)
        rows.append(PreparedRow(values, index_pair(*_idx(values))))
    return rows


def insert_rows(conn: Connection, rows: Sequence[PreparedRow]) -> list[int]:
    """Insert prepared rows and index them for search; their new ids, in order.

    Ids are assigned here, after the current largest id, so the search index rows can
    be written in the same transaction without reading the articles back.
    """
    if not rows:
        return []
    top = conn.execute(select(articles.c.id).order_by(articles.c.id.desc()).limit(1)).scalar()
    first = int(top or 0) + 1
    ids = list(range(first, first + len(rows)))
    conn.execute(insert(articles), [{"id": i, **r.values} for i, r in zip(ids, rows, strict=True)])
    update_search_index(conn, [
        IndexChange(i, None, _idx(r.values), r.index_forms) for i, r in zip(ids, rows, strict=True)
    ])
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT setval(pg_get_serial_sequence('articles', 'id'), :v)"),
                     {"v": ids[-1]})
    return ids

