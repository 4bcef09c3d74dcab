"""Bounds on a search: how many words a query may hold, and how long its statements may run.

A query is cut to its distinct words before anything is asked of the database, and one
holding more than MAX_QUERY_TERMS of them, or whose distinct words are longer than
MAX_QUERY_CHARS (or sent as more than MAX_RAW_QUERY_CHARS in all), is refused
(`QueryTooLong`, a 422 for the API and a plain message on the search page). Whatever
its words, a search then runs under a time budget: on SQLite a progress handler on the
connection interrupts the statement running when the budget is spent; on PostgreSQL
`SET LOCAL statement_timeout` cancels it. At most SEARCH_CONCURRENCY searches run at
once in a process; the others wait their turn within the same budget. Either way the
search raises `SearchTimeout` (a 503 problem or message, never a 500) and the
connection can still be used.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

MAX_QUERY_CHARS = 256  # of the distinct terms, as searched
MAX_QUERY_TERMS = 32
# What a reader sent, before repeats are dropped: a URL's worth, read in microseconds.
MAX_RAW_QUERY_CHARS = 8192
# About a second per search whatever its words: a serving thread is never held longer.
SEARCH_BUDGET_SECONDS = 1.0
# SQLite calls the handler every this many virtual-machine steps (well under a millisecond).
_PROGRESS_STEPS = 2000
_PG_QUERY_CANCELED = "57014"


# Searches running at once in this process. Searching is CPU work under one GIL: two
# hostile searches at a time took the whole process from the pages around them; one at
# a time, the others wait their turn (within their budget) without using the CPU.
SEARCH_CONCURRENCY = 1
_running = threading.BoundedSemaphore(SEARCH_CONCURRENCY)


class QueryTooLong(ValueError):
    """A search query beyond the bounds; the message says which, in one line."""


class SearchTimeout(RuntimeError):
    """A search that did not finish within its time budget."""


def check_query_size(query: str) -> None:
    """Before the query is read: its raw length."""
    if len(query) > MAX_RAW_QUERY_CHARS:
        raise QueryTooLong(f"the query has {len(query)} characters; "
                           f"at most {MAX_RAW_QUERY_CHARS} are read")


def check_terms(terms: list[str]) -> None:
    """Its distinct words and phrases: how many, and how long together."""
    if len(terms) > MAX_QUERY_TERMS:
        raise QueryTooLong(f"the query has {len(terms)} different words; "
                           f"at most {MAX_QUERY_TERMS} are searched")
    chars = len(" ".join(terms))
    if chars > MAX_QUERY_CHARS:
        raise QueryTooLong(f"the query's different words have {chars} characters; "
                           f"at most {MAX_QUERY_CHARS} are searched")


@contextmanager
def search_budget(conn: Connection, seconds: float | None = None) -> Iterator[None]:
    """Run the block's statements under a time budget; `SearchTimeout` when it runs out."""
    budget = SEARCH_BUDGET_SECONDS if seconds is None else seconds
    deadline = time.monotonic() + budget
    if not _running.acquire(timeout=max(0.0, budget)):
        raise SearchTimeout(f"no search could start within {budget:g} s (too many at once)")
    try:
        with _within(conn, deadline, budget):
            yield
    finally:
        _running.release()


@contextmanager
def _within(conn: Connection, deadline: float, budget: float) -> Iterator[None]:
    if conn.dialect.name == "postgresql":
        with _postgres_budget(conn, deadline - time.monotonic(), budget):
            yield
        return
    raw = conn.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    fired: list[bool] = []

    def spent() -> int:
        if time.monotonic() > deadline:
            fired.append(True)
            return 1
        return 0

    raw.set_progress_handler(spent, _PROGRESS_STEPS)
    try:
        yield
    except DBAPIError as exc:
        # "interrupted", or "vtable constructor failed" when FTS5 was opening its table
        if fired and isinstance(exc.orig, sqlite3.OperationalError):
            raise SearchTimeout(f"the search took more than {budget:g} s") from None
        raise
    finally:
        raw.set_progress_handler(None, _PROGRESS_STEPS)


@contextmanager
def _postgres_budget(conn: Connection, left: float, budget: float) -> Iterator[None]:
    # A savepoint keeps the budget to the search's own statements, and a cancelled
    # statement leaves the connection's transaction usable for what the page reads next.
    savepoint = conn.begin_nested()
    conn.execute(text(f"SET LOCAL statement_timeout = {max(1, int(left * 1000))}"))
    try:
        yield
    except DBAPIError as exc:
        savepoint.rollback()
        if getattr(exc.orig, "sqlstate", None) == _PG_QUERY_CANCELED:
            raise SearchTimeout(f"the search took more than {budget:g} s") from None
        raise
    else:
        savepoint.rollback()  # nothing was written; rolling back also ends SET LOCAL
