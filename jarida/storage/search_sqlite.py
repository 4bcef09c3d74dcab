"""SQLite FTS5 backend: external-content index over folded text, ranked by BM25."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, column, literal_column, select, table, text

from jarida.storage.filters import ArticleFilter
from jarida.storage.search_paging import run_page
from jarida.storage.searchtext import fold, query_terms
from jarida.storage.tables import articles, sources

if TYPE_CHECKING:
    from jarida.storage.search import IndexChange, SortOrder

_fts = table("article_fts", column("rowid"), column("title"), column("text"))


def apply_changes(conn: Connection, changes: Sequence[IndexChange]) -> None:
    deletes = [
        {"id": c.article_id, "title": fold(c.old[1]), "text": fold(c.old[2])}
        for c in changes
        if c.old is not None
    ]
    inserts = [
        {"id": c.article_id, "title": fold(c.new[1]), "text": fold(c.new[2])}
        for c in changes
        if c.new is not None
    ]
    if deletes:
        conn.execute(
            text(
                "INSERT INTO article_fts(article_fts, rowid, title, text) "
                "VALUES ('delete', :id, :title, :text)"
            ),
            deletes,
        )
    if inserts:
        conn.execute(
            text("INSERT INTO article_fts(rowid, title, text) VALUES (:id, :title, :text)"),
            inserts,
        )


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH string from a reader's words: every word required, phrases kept."""
    words, phrases = query_terms(query)
    parts: list[str] = []
    for w in words:
        # Without a French or Spanish stemmer, a long word also matches its inflections.
        parts.append(f'"{w[:-2]}"*' if len(w) >= 7 else f'"{w}"')
    parts.extend('"' + p.replace('"', " ") + '"' for p in phrases)
    return " AND ".join(parts) if parts else None


# A broad query (a town, a ministry) can match most of a large archive, and BM25 then
# scores every match: seconds over a million articles. Without filters, relevance is
# ranked among the newest RELEVANCE_WINDOW matches (FTS5 walks its index newest first
# and stops there); a query with fewer matches is ranked exactly as before, and sorting
# by date or adding a filter always reaches every match.
RELEVANCE_WINDOW = 1000


def search(
    conn: Connection,
    query: str,
    filters: ArticleFilter,
    *,
    sort: SortOrder,
    limit: int,
    cursor: str | None,
) -> tuple[list[int], str | None]:
    match = match_expression(query)
    if match is None:
        return [], None
    rank: Any = literal_column("bm25(article_fts, 4.0, 1.0)")
    matching = text("article_fts MATCH :match").bindparams(match=match)
    clauses = filters.clauses()
    if sort == "relevance" and not clauses:
        newest = (
            select(literal_column("article_fts.rowid").label("id"), rank.label("rank"))
            .select_from(_fts)
            .where(matching)
            .order_by(literal_column("article_fts.rowid").desc())
            .limit(RELEVANCE_WINDOW)
            .subquery("newest")
        )
        windowed: Any = select(articles.c.id, articles.c.sort_at, newest.c.rank).select_from(
            newest.join(articles, articles.c.id == newest.c.id)
        )
        return run_page(conn, windowed, newest.c.rank, sort=sort, limit=limit, cursor=cursor)
    q: Any = (
        select(articles.c.id, articles.c.sort_at, rank.label("rank"))
        .select_from(
            _fts.join(articles, articles.c.id == literal_column("article_fts.rowid")).join(
                sources, sources.c.id == articles.c.source_id
            )
        )
        .where(matching)
        .where(*clauses)
    )
    return run_page(conn, q, rank, sort=sort, limit=limit, cursor=cursor)


def rebuild(conn: Connection) -> int:
    conn.execute(text("INSERT INTO article_fts(article_fts) VALUES ('delete-all')"))
    count = 0
    last_id = 0
    while True:
        rows = conn.execute(
            select(articles.c.id, articles.c.title, articles.c.text)
            .where(articles.c.id > last_id)
            .order_by(articles.c.id)
            .limit(1000)
        ).all()
        if not rows:
            return count
        conn.execute(
            text("INSERT INTO article_fts(rowid, title, text) VALUES (:id, :title, :text)"),
            [{"id": r.id, "title": fold(r.title), "text": fold(r.text)} for r in rows],
        )
        count += len(rows)
        last_id = rows[-1].id

