"""Opening the database: SQLite tuned for one writer and many readers, or PostgreSQL."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

# How long a write waits for another process's lock on SQLite (JARIDA_DATABASE_BUSY_SECONDS).
DEFAULT_BUSY_SECONDS = 10.0


class StorageError(Exception):
    """The database cannot be used; the message is one line that says what to do.

    A problem of setup (an empty or too new schema) exits with code 2.
    """

    exit_code = 2


class DatabaseUnavailable(StorageError):
    """The database did not answer (down, unreachable, unreadable): a runtime failure."""

    exit_code = 1


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


def _sqlite_pragmas(busy_ms: int, read_only: bool) -> Any:
    def on_connect(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        if not read_only:  # a read-only file keeps the journal mode it was written with
            cur.execute("PRAGMA journal_mode=WAL")
        cur.execute(f"PRAGMA busy_timeout={busy_ms}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
        cur.close()

    return on_connect


def sqlite_read_only_uri(path: str) -> dict[str, str] | None:
    """URI options opening PATH read-only when this process may not write it, else None.

    A database on a read-only mount or with read-only permissions can still be read
    (`stats`, `serve`): with `mode=ro` when SQLite can share the write-ahead log (its
    folder is writable, or a writer has the log open), and otherwise as `immutable`, which
    is exact because nothing can be writing it.
    """
    file = Path(path)
    folder = file.parent if str(file.parent) else Path(".")
    if not file.exists():
        return None
    folder_writable = os.access(folder, os.W_OK)
    # With its folder read-only, a database can still be written through existing,
    # writable -wal and -shm files.
    logs_writable = all(os.access(f"{file}{suffix}", os.W_OK) for suffix in ("-wal", "-shm"))
    if os.access(file, os.W_OK) and (folder_writable or logs_writable):
        return None
    shared = folder_writable or Path(f"{file}-wal").exists()
    return {"mode": "ro", "uri": "true"} | ({} if shared else {"immutable": "1"})


def open_engine(
    url: str, *, create_dirs: bool = True, busy_seconds: float = DEFAULT_BUSY_SECONDS
) -> Engine:
    """Create an engine and check that the database answers."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StorageError(f"database URL {url!r} is not valid: {exc}") from exc
    if parsed.get_backend_name() == "sqlite":
        db = parsed.database or ""
        read_only_uri = None
        if db and db != ":memory:" and not db.startswith("file:"):
            read_only_uri = sqlite_read_only_uri(db)
            if create_dirs and read_only_uri is None:
                try:
                    Path(db).parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise StorageError(
                        f"cannot create the folder for {db}: {exc.strerror}"
                    ) from exc
        connect_args: dict[str, Any] = {"timeout": busy_seconds}
        if read_only_uri is not None:
            parsed = parsed.set(database=f"file:{Path(db).resolve()}",
                                query={**parsed.query, **read_only_uri})
        # Pooled: the reading threads, the event loop's own reads and the data-version
        # watch; a burst beyond that opens (and then closes) extra connections.
        engine = create_engine(parsed, connect_args=connect_args,
                               pool_size=sqlite_readers() + 2)
        event.listen(engine, "connect",
                     _sqlite_pragmas(int(busy_seconds * 1000), read_only_uri is not None))
    else:
        engine = create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except (OperationalError, SQLAlchemyError) as exc:
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        engine.dispose()
        raise DatabaseUnavailable(
            f"cannot open database {parsed.render_as_string(hide_password=True)}: {reason}"
            + _advice(parsed.get_backend_name())
        ) from exc
    return engine


def _advice(backend: str) -> str:
    if backend == "sqlite":
        return " (check that the file and its folder exist and are readable)"
    return " (check that the server is running and reachable, and the URL's user and database)"


def dialect_name(engine_or_conn: Any) -> str:
    return str(engine_or_conn.dialect.name)
