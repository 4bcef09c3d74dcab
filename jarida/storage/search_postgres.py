"""PostgreSQL backend: a weighted tsvector per article, in its language's configuration."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, bindparam, func, literal_column, select, text

from jarida.storage.filters import ArticleFilter, encode_cursor
from jarida.storage.search_paging import offset_from, run_page
from jarida.storage.search_rank import exact_scores
from jarida.storage.searchtext import arabic_variants, fold, query_terms
from jarida.storage.tables import articles, sources

if TYPE_CHECKING:
    from jarida.storage.search import IndexChange, SortOrder

CONFIGS = {"fr": "french", "ar": "arabic", "es": "spanish", "en": "english"}
_QUERY_CONFIGS = ("french", "arabic", "spanish", "english", "simple")
_VECTOR: Any = literal_column("articles.search_vector")
# Relevance is ranked over the best this many matches, as on SQLite (deeper pages of a
# broad query are not read; sort by date reaches every match).
RELEVANCE_WINDOW = 1000

_SET_VECTOR = text(
    "UPDATE articles SET search_vector = "
    "setweight(to_tsvector(CAST(:cfg AS regconfig), :title), 'A') || "
    "setweight(to_tsvector(CAST(:cfg AS regconfig), :body), 'B') WHERE id = :id"
)


def config_for(language: str | None) -> str:
    return CONFIGS.get((language or "")[:2], "simple")


def apply_changes(conn: Connection, changes: Sequence[IndexChange]) -> None:
    params = [
        {
            "id": c.article_id,
            "cfg": config_for(c.new[0]),
            "title": fold(c.new[1]),
            "body": fold(c.new[2]),
        }
        for c in changes
        if c.new is not None
    ]
    if params:
        conn.execute(_SET_VECTOR, params)


def _tsquery(query: str, language: str | None) -> Any | None:
    words, phrases = query_terms(query)
    if not words and not phrases:
        return None
    # Every term quoted: a reader's "or" is a word, not websearch_to_tsquery's operator;
    # ours joins an Arabic word's spellings with and without a proclitic (binding
    # tighter than the AND between terms).
    folded = " ".join([" or ".join(f'"{v}"' for v in arabic_variants(w)) for w in words]
                      + [f'"{p}"' for p in phrases])
    configs = (config_for(language),) if language else _QUERY_CONFIGS
    tsq: Any = None
    for cfg in configs:
        part = func.websearch_to_tsquery(
            literal_column(f"'{cfg}'::regconfig"), bindparam("q", folded)
        )
        tsq = part if tsq is None else tsq.op("||")(part)
    return tsq


def search(
    conn: Connection,
    query: str,
    filters: ArticleFilter,
    *,
    sort: SortOrder,
    limit: int,
    cursor: str | None,
) -> tuple[list[int], str | None]:
    tsq = _tsquery(query, filters.language)
    if tsq is None:
        return [], None
    rank: Any = func.ts_rank_cd(_VECTOR, tsq)
    q: Any = (
        select(articles.c.id, articles.c.sort_at, rank.label("rank"))
        .select_from(articles.join(sources, sources.c.id == articles.c.source_id))
        .where(_VECTOR.op("@@")(tsq))
        .where(*filters.clauses())
    )
    if sort == "date":
        return run_page(conn, q, None, sort=sort, limit=limit, cursor=cursor)
    # The best RELEVANCE_WINDOW by ts_rank_cd, then exact words before stem collisions
    # (search_rank), as on SQLite; paged by offset in that order.
    offset = offset_from(cursor) if cursor else 0
    window = conn.execute(q.add_columns(articles.c.title, articles.c.excerpt)
                          .order_by(literal_column("rank").desc(), articles.c.id.desc())
                          .limit(RELEVANCE_WINDOW)).all()
    words, phrases = query_terms(query)
    terms = words + phrases

    def key(row: Any) -> tuple[float, int]:
        exact = sum(exact_scores(terms, row.title or "", row.excerpt or "")) / len(terms)
        return (-float(row.rank) * (1.0 + exact), -int(row.id))

    ranked = [int(r.id) for r in sorted(window, key=key)]
    more = len(ranked) > offset + limit
    return ranked[offset : offset + limit], encode_cursor(offset + limit) if more else None


def rebuild(conn: Connection, progress: Callable[[int], None] | None = None) -> int:
    count = 0
    last_id = 0
    while True:
        rows = conn.execute(
            select(articles.c.id, articles.c.language, articles.c.title, articles.c.text)
            .where(articles.c.id > last_id)
            .order_by(articles.c.id)
            .limit(1000)
        ).all()
        if not rows:
            return count
        conn.execute(
            _SET_VECTOR,
            [
                {"id": r.id, "cfg": config_for(r.language), "title": fold(r.title),
                 "body": fold(r.text)}
                for r in rows
            ],
        )
        count += len(rows)
        last_id = rows[-1].id
        if progress is not None:
            progress(count)
