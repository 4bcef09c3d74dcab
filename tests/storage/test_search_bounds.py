"""Bounded search: distinct words only, a cap on words and characters, a time budget."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event, text

from jarida.storage import ArticleFilter, Database
from jarida.storage import search_budget as budget
from jarida.storage.search import search_ids
from jarida.storage.search_budget import (
    MAX_QUERY_CHARS,
    MAX_QUERY_TERMS,
    MAX_RAW_QUERY_CHARS,
    QueryTooLong,
    SearchTimeout,
    search_budget,
)
from jarida.storage.search_sqlite import query_groups
from jarida.storage.searchtext import query_terms
from tests.storage.test_search import seed


@contextmanager
def counted(db: Database) -> Iterator[list[str]]:
    """Every statement the engine sends while the block runs."""
    seen: list[str] = []

    def note(_conn: object, _cur: object, statement: str, *_rest: object) -> None:
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", note)


def test_repeated_words_count_once() -> None:
    assert query_terms("a " * 3000) == (["a"], [])
    assert query_terms('Rabat rabat RABAT "la ville" "La  Ville"') == (["rabat"], ["la ville"])
    assert len(query_groups("Élection élection ELECTION " * 20)) == 1


@pytest.mark.parametrize("query", [
    "w" * (MAX_QUERY_CHARS + 1),
    "a " * (MAX_RAW_QUERY_CHARS // 2 + 1),
    " ".join(f"{i:0>30}" for i in range(10)),  # ten words, 309 characters
    " ".join(f"m{i}" for i in range(MAX_QUERY_TERMS + 1)),
])
def test_queries_beyond_the_bounds_are_refused(query: str) -> None:
    with pytest.raises(QueryTooLong):
        query_terms(query)


def test_the_bounds_themselves_are_accepted() -> None:
    words, _ = query_terms(" ".join(f"m{i}" for i in range(MAX_QUERY_TERMS)))
    assert len(words) == MAX_QUERY_TERMS


def test_hundreds_of_repeated_words_cost_as_much_as_one(db: Database) -> None:
    seed(db)
    with db.read() as conn, counted(db) as once:
        one = search_ids(conn, "la", ArticleFilter())
    with db.read() as conn, counted(db) as many:
        assert search_ids(conn, " ".join(["LA", "la", "là"] * 600), ArticleFilter()) == one
    assert len(many) == len(once) <= 6
    assert max(len(s) for s in many) == max(len(s) for s in once)


def test_many_distinct_words_stay_within_a_bounded_number_of_statements(db: Database) -> None:
    seed(db)
    query = " ".join(f"la{i}" for i in range(MAX_QUERY_TERMS - 1)) + " la"
    with db.read() as conn, counted(db) as seen:
        assert search_ids(conn, query, ArticleFilter()).ids == []
    assert len(seen) <= MAX_QUERY_TERMS + 4


def _slow_statement(dialect: str) -> str:
    if dialect == "postgresql":
        return "SELECT pg_sleep(30)"
    # about 10^9 steps of SQLite's virtual machine: minutes without the budget
    return ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1e9)"
            " SELECT count(*) FROM n")


def test_a_slow_statement_is_cut_by_the_budget_and_the_connection_lives_on(
    db: Database,
) -> None:
    with db.read() as conn:
        with pytest.raises(SearchTimeout), search_budget(conn, 0.2):
            conn.execute(text(_slow_statement(db.dialect)))
        assert conn.execute(text("SELECT 1")).scalar_one() == 1  # still usable
        # the budget ended with the block: a statement after it is not cut
        with search_budget(conn, 5.0):
            assert conn.execute(text("SELECT 2")).scalar_one() == 2


def test_a_search_past_its_budget_raises_search_timeout(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed(db)
    if db.dialect == "postgresql":
        pytest.skip("PostgreSQL's smallest timeout is 1 ms; the statement test covers it")
    monkeypatch.setattr(budget, "SEARCH_BUDGET_SECONDS", -1.0)
    monkeypatch.setattr(budget, "_PROGRESS_STEPS", 1)  # five articles: a few steps only
    with db.read() as conn, pytest.raises(SearchTimeout):
        search_ids(conn, "la", ArticleFilter())


def test_search_operators_typed_by_a_reader_are_words(db: Database) -> None:
    """PostgreSQL's websearch_to_tsquery reads "or" and "-" as operators: a reader's
    words are quoted, so "rabat or zzz" needs all three words (none holds "zzz")."""
    final = seed(db)["La selección gana la final en Rabat"]
    with db.read() as conn:
        assert len(search_ids(conn, "rabat", ArticleFilter()).ids) == 2
        assert search_ids(conn, "rabat or zzz", ArticleFilter()).ids == []
        assert search_ids(conn, "rabat -final", ArticleFilter()).ids == [final]  # not NOT
