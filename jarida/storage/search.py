"""Full-text search behind one interface; SQLite FTS5 or PostgreSQL tsvector underneath."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Connection, func, select

from jarida.storage import search_postgres, search_sqlite
from jarida.storage.filters import ArticleFilter
from jarida.storage.tables import articles

# (language, title, text) as stored; None means "not indexed" (before insert, after delete).
Indexed = tuple[str | None, str, str]
SortOrder = Literal["relevance", "date"]


@dataclass(frozen=True)
class IndexChange:
    article_id: int
    old: Indexed | None
    new: Indexed | None
    # `new` as SQLite's index stores it, when already computed (ArticleRecord.index_forms)
    new_forms: tuple[str, str] | None = None


@dataclass(frozen=True)
class SearchResult:
    ids: list[int]  # in result order
    next_cursor: str | None
    total: int | None = None


def net_changes(changes: Sequence[IndexChange]) -> list[IndexChange]:
    """One change per article: from what the index held before the first change to what
    the last one leaves, in order of first appearance.

    A batch may change one article several times (two pages naming one canonical URL, an
    update and its undo); applied one by one, the second would ask FTS5 to delete a row
    version it never held, which corrupts an external-content index. Each change's `old`
    must be the previous change's `new` (changes of one article are given in the order
    they were made); an article added then removed in the batch leaves nothing.
    """
    first: dict[int, IndexChange] = {}
    last: dict[int, IndexChange] = {}
    for change in changes:
        first.setdefault(change.article_id, change)
        last[change.article_id] = change
    out: list[IndexChange] = []
    for article_id, start in first.items():
        end = last[article_id]
        if start.old is None and end.new is None:
            continue
        out.append(IndexChange(article_id, start.old, end.new, end.new_forms))
    return out


def update_search_index(conn: Connection, changes: Sequence[IndexChange]) -> None:
    """Bring the index from each article's `old` to its `new` indexed text (see
    `net_changes`: several changes of one article are folded into one)."""
    changes = net_changes(changes)
    if not changes:
        return
    if conn.dialect.name == "postgresql":
        search_postgres.apply_changes(conn, changes)
    else:
        search_sqlite.apply_changes(conn, changes)


def search_ids(
    conn: Connection,
    query: str,
    filters: ArticleFilter,
    *,
    sort: SortOrder = "relevance",
    limit: int = 20,
    cursor: str | None = None,
) -> SearchResult:
    """Ids of matching articles, best first (or newest first), one page at a time."""
    backend = search_postgres if conn.dialect.name == "postgresql" else search_sqlite
    ids, next_cursor = backend.search(conn, query, filters, sort=sort, limit=limit, cursor=cursor)
    return SearchResult(ids=ids, next_cursor=next_cursor)


def rebuild_search_index(
    conn: Connection, progress: Callable[[int, int], None] | None = None
) -> int:
    """Re-index every article (after a change of the search normalisation); `progress` is
    told (articles done, articles in all) after every batch."""
    backend = search_postgres if conn.dialect.name == "postgresql" else search_sqlite
    if progress is None:
        return int(backend.rebuild(conn))
    total = int(conn.execute(select(func.count()).select_from(articles)).scalar_one())
    report = progress
    return int(backend.rebuild(conn, lambda done: report(done, total)))
