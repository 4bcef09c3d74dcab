"""Opening the database: SQLite tuned for one writer and many readers, or PostgreSQL."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError


class StorageError(Exception):
    """The database cannot be used; the message is one line that says what to do."""


# Each SQLite connection keeps its own page cache (2 MiB by default), on top of the
# operating system's cache of the file that all connections and processes share. 512 KiB
# holds the upper levels of the B-trees that every lookup reads; over the benchmark
# databases (bench/web.py) article pages and searches were no slower with 256 KiB.
SQLITE_CACHE_KIB = 512


def cpu_count() -> int:
    """CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def sqlite_readers() -> int:
    """Threads worth reading SQLite at once in one process: one per CPU (at least two).

    More threads than CPUs only take turns on them, and each keeps a connection (page
    cache, search buffers) of its own: searching a million articles at 50 connections
    (bench/web.py's queries), 2 threads on 2 CPUs answered as many searches per second as
    5 did (two runs: 87 against 65, 73 against 75) with 8-10 MB less at the peak.
    """
    return max(2, cpu_count())


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
    cur.close()


def open_engine(url: str, *, create_dirs: bool = True) -> Engine:
    """Create an engine and check that the database answers."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StorageError(f"database URL {url!r} is not valid: {exc}") from exc
    if parsed.get_backend_name() == "sqlite":
        db = parsed.database or ""
        if db and db != ":memory:" and create_dirs:
            try:
                Path(db).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StorageError(f"cannot create the folder for {db}: {exc.strerror}") from exc
        # Pooled: the reading threads, the event loop's own reads and the data-version
        # watch; a burst beyond that opens (and then closes) extra connections.
        engine = create_engine(url, connect_args={"timeout": 10},
                               pool_size=sqlite_readers() + 2)
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except (OperationalError, SQLAlchemyError) as exc:
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        engine.dispose()
        raise StorageError(
            f"cannot open database {parsed.render_as_string(hide_password=True)}: {reason}"
        ) from exc
    return engine


def dialect_name(engine_or_conn: Any) -> str:
    return str(engine_or_conn.dialect.name)
