"""Checks that the search index holds exactly what the stored articles say it should."""

from __future__ import annotations

from sqlalchemy import Connection, text

from jarida.storage import Database
from jarida.storage.searchtext import fold, index_pair


def assert_index_matches_articles(db: Database) -> None:
    """SQLite: FTS5's own integrity-check, then every indexed token compared with a fresh
    index of the same forms (an external-content index cannot compare itself with the
    articles: it holds stems). PostgreSQL: every tsvector equals the one computed anew."""
    with db.write() as conn:
        if db.dialect == "sqlite":
            _check_sqlite(conn)
        else:
            _check_postgres(conn)


def _check_sqlite(conn: Connection) -> None:
    conn.execute(text("INSERT INTO article_fts(article_fts) VALUES ('integrity-check')"))
    rows = conn.execute(text("SELECT id, language, title, text FROM articles")).all()
    conn.execute(text("CREATE VIRTUAL TABLE temp.ref_fts USING fts5("
                      "title, text, tokenize='unicode61 remove_diacritics 2')"))
    try:
        for r in rows:
            t, x = index_pair(r.language, r.title, r.text)
            conn.execute(text("INSERT INTO temp.ref_fts(rowid, title, text) VALUES (:i, :t, :x)"),
                         {"i": r.id, "t": t, "x": x})
        conn.execute(text(
            "CREATE VIRTUAL TABLE temp.ref_v USING fts5vocab(temp, ref_fts, instance)"))
        conn.execute(text(
            "CREATE VIRTUAL TABLE temp.idx_v USING fts5vocab(main, article_fts, instance)"))
        q = "SELECT term, doc, col, offset FROM temp.{} ORDER BY doc, col, offset, term"
        expected = conn.execute(text(q.format("ref_v"))).all()
        held = conn.execute(text(q.format("idx_v"))).all()
        assert held == expected, "the FTS5 index differs from the stored articles"
    finally:
        for name in ("idx_v", "ref_v", "ref_fts"):
            conn.execute(text(f"DROP TABLE IF EXISTS temp.{name}"))


def _check_postgres(conn: Connection) -> None:
    from jarida.storage.search_postgres import config_for

    rows = conn.execute(text(
        "SELECT id, language, title, text, search_vector::text AS v FROM articles")).all()
    for r in rows:
        want = conn.execute(text(
            "SELECT (setweight(to_tsvector(CAST(:cfg AS regconfig), :t), 'A') || "
            "setweight(to_tsvector(CAST(:cfg AS regconfig), :x), 'B'))::text"),
            {"cfg": config_for(r.language), "t": fold(r.title), "x": fold(r.text)}).scalar()
        assert r.v == want, f"article {r.id}: search_vector differs from its text"
