"""SQLite FTS5 backend: external-content index over folded, stemmed text.

Ranking by relevance works on a window: the newest RELEVANCE_WINDOW matches (FTS5 walks
its index newest first and stops there), ordered by how many of the reader's words the
headline holds, each word weighted by how rare it is among the window's headlines, then
newest first. FTS5's own bm25() is not used: it counts every document holding each word
before scoring, which over a million articles made the ranking query alone take 98 ms
(median) to 208 ms (p95), whatever the window. Sorting by date reaches every match.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, column, literal_column, select, table, text

from jarida.storage.filters import ArticleFilter, encode_cursor
from jarida.storage.search_paging import offset_from, run_page
from jarida.storage.search_rank import exact_scores, headlines, holds_form
from jarida.storage.searchtext import TOKEN, index_forms, index_pair, index_text, query_terms
from jarida.storage.tables import articles, sources

if TYPE_CHECKING:
    from jarida.storage.search import IndexChange, SortOrder

_fts = table("article_fts", column("rowid"), column("title"), column("text"))
_FTS_ROWID: Any = literal_column("article_fts.rowid")

# Broad queries (a town, a ministry) match most of a large archive; the window bounds
# the work per search. A query with fewer matches is ranked over all of them.
RELEVANCE_WINDOW = 1000

_INSERT = text("INSERT INTO article_fts(rowid, title, text) VALUES (:id, :title, :text)")
_DELETE = text(
    "INSERT INTO article_fts(article_fts, rowid, title, text) VALUES ('delete', :id, :title, :text)"
)
# Sorting every match by date costs time in proportion to the matches; from this many
# on, the newest articles are read in date order and checked one by one instead.
DATE_WALK_FROM = 10_000
_HOLDS_MATCH = text(
    "EXISTS (SELECT 1 FROM article_fts WHERE article_fts.rowid = articles.id"
    " AND article_fts MATCH :match)"
)
_COUNT_UP_TO = text(
    "SELECT count(*) FROM (SELECT 1 FROM article_fts WHERE article_fts MATCH :match LIMIT :cap)"
)


def index_row(article_id: int, language: str | None, title: str, body: str) -> dict[str, Any]:
    """The values of one article's row in the index (the same for insert and delete)."""
    indexed_title, indexed_text = index_pair(language, title, body)
    return {"id": article_id, "title": indexed_title, "text": indexed_text}


def apply_changes(conn: Connection, changes: Sequence[IndexChange]) -> None:
    deletes = [index_row(c.article_id, *c.old) for c in changes if c.old is not None]
    inserts = [
        {"id": c.article_id, "title": c.new_forms[0], "text": c.new_forms[1]}
        if c.new_forms else index_row(c.article_id, *c.new)
        for c in changes if c.new is not None
    ]
    if deletes:
        conn.execute(_DELETE, deletes)
    if inserts:
        conn.execute(_INSERT, inserts)


def _quoted(tokens: str) -> str:
    return '"' + tokens.replace('"', " ") + '"'


def grouped_terms(query: str) -> dict[str, str]:
    """One FTS5 group per word or quoted phrase (every form it can take in the index),
    mapped to the folded word or phrase it stands for."""
    words, phrases = query_terms(query)
    out: dict[str, str] = {}
    for term in words + phrases:
        run = TOKEN.findall(term)
        if run:
            group = "(" + " OR ".join(_quoted(f) for f in index_forms(run)) + ")"
            out.setdefault(group, " ".join(run))  # "élection ELECTION": one group
    return out


def query_groups(query: str) -> list[str]:
    return list(grouped_terms(query))


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH string from a reader's words: every word required, phrases kept."""
    groups = query_groups(query)
    return " AND ".join(groups) if groups else None


def search(
    conn: Connection,
    query: str,
    filters: ArticleFilter,
    *,
    sort: SortOrder,
    limit: int,
    cursor: str | None,
) -> tuple[list[int], str | None]:
    terms = grouped_terms(query)
    groups = list(terms)
    if not groups:
        return [], None
    match = " AND ".join(groups)
    matching = text("article_fts MATCH :match").bindparams(match=match)
    clauses = filters.clauses()
    if sort == "date":
        if _at_least(conn, match, DATE_WALK_FROM):
            # So many matches that newest-first articles soon hold a page of them: walk
            # the date index and test each article against the index by its rowid.
            q: Any = (
                select(articles.c.id, articles.c.sort_at)
                .select_from(articles.join(sources, sources.c.id == articles.c.source_id))
                .where(_HOLDS_MATCH.bindparams(match=match))
            )
        else:
            q = select(articles.c.id, articles.c.sort_at).select_from(
                _matches_with_filters()).where(matching)
        return run_page(conn, q.where(*clauses), None, sort=sort, limit=limit, cursor=cursor)
    offset = offset_from(cursor) if cursor else 0
    if clauses:
        newest: Any = select(_FTS_ROWID).select_from(_matches_with_filters()).where(*clauses)
    else:
        newest = select(_FTS_ROWID).select_from(_fts)
    window = [int(r[0]) for r in conn.execute(
        newest.where(matching).order_by(_FTS_ROWID.desc()).limit(RELEVANCE_WINDOW))]
    ranked = rank_window(conn, window, list(terms.values()))
    page = ranked[offset : offset + limit]
    more = len(ranked) > offset + limit
    return page, encode_cursor(offset + limit) if more else None


def _at_least(conn: Connection, match: str, count: int) -> bool:
    return int(conn.execute(_COUNT_UP_TO, {"match": match, "cap": count}).scalar_one()) >= count


def _matches_with_filters() -> Any:
    return _fts.join(articles, articles.c.id == _FTS_ROWID).join(
        sources, sources.c.id == articles.c.source_id)


def rank_window(conn: Connection, window: list[int], terms: list[str]) -> list[int]:
    """The window's ids, best first: headline hits weighted by rarity, plus a share of
    that weight for each word the headline (or excerpt) holds as written
    (search_rank), then newest first. `terms` are the query's folded words and phrases.

    The headlines are read once and matched here, as FTS5 would match their indexed
    form (searchtext.index_text): one statement whatever the number of words (one FTS5
    query per word, each carrying the whole query, cost 0.4 s for 32 Arabic words)."""
    if len(window) < 2 or not terms:
        return window
    rows = headlines(conn, window)
    forms = [frozenset(index_forms(TOKEN.findall(t))) for t in terms]
    hits: list[set[int]] = [set() for _ in terms]
    for article_id, (title, _excerpt, language) in rows.items():
        stems = index_text(language, title).split()
        stem_set = frozenset(stems)
        for k, term_forms in enumerate(forms):
            if holds_form(stems, stem_set, term_forms):
                hits[k].add(article_id)
    weights = [math.log(1.0 + len(window) / max(1, len(h))) for h in hits]
    score = dict.fromkeys(window, 0.0)
    for article_id, (title, excerpt, _language) in rows.items():
        exact = exact_scores(terms, title, excerpt)
        score[article_id] = sum(
            w * ((article_id in h) + e) for w, h, e in zip(weights, hits, exact, strict=True))
    return sorted(window, key=lambda i: (-score[i], -i))


def rebuild(conn: Connection, progress: Callable[[int], None] | None = None) -> int:
    conn.execute(text("INSERT INTO article_fts(article_fts) VALUES ('delete-all')"))
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
        conn.execute(_INSERT, [index_row(r.id, r.language, r.title, r.text) for r in rows])
        count += len(rows)
        last_id = rows[-1].id
        if progress is not None:
            progress(count)
