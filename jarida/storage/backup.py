"""Online backup and restore of a SQLite database (PostgreSQL has pg_dump for that).

SQLite's backup API copies a consistent snapshot page by page while the crawler
keeps writing (WAL readers see the last committed state), so a backup never holds a
half-written batch. A restore first checks the backup's integrity, then copies it
over the configured database through the same API, in one step for its readers.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine

Progress = Callable[[int, int], None]  # pages copied, total pages


class BackupError(Exception):
    """A backup or restore that cannot be done; the message is one line."""


def _sqlite_path(engine: Engine) -> Path:
    if engine.dialect.name != "sqlite":
        raise BackupError(
            "jarida db backup/restore handle SQLite only; for PostgreSQL use "
            "`pg_dump -Fc -f jarida.dump DBNAME` and `pg_restore -d DBNAME jarida.dump`")
    database = engine.url.database
    if not database or database == ":memory:":
        raise BackupError("the database is in memory: there is nothing to back up")
    return Path(database)


def integrity_problems(path: Path) -> list[str]:
    """SQLite's own integrity checks of a database file, the search index's included
    (empty list: sound). FTS5's check is a command, so the file is opened writable."""
    try:
        with sqlite3.connect(path) as conn:
            rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
            if any(name == "article_fts" for (name,) in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type='table'")):
                conn.execute("INSERT INTO article_fts(article_fts) VALUES('integrity-check')")
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def backup(engine: Engine, target: Path, progress: Progress | None = None) -> int:
    """Copy the live database to `target` (a new file); the number of pages copied."""
    source = _sqlite_path(engine)
    if target.exists():
        raise BackupError(f"{target} exists already: choose a new file name")
    if target.parent and not target.parent.is_dir():
        raise BackupError(f"folder {target.parent} does not exist")
    partial = target.with_name(target.name + ".partial")
    try:
        with sqlite3.connect(source) as src, sqlite3.connect(partial) as dst:
            src.backup(dst, pages=1024, progress=_report(progress))
            pages = int(dst.execute("PRAGMA page_count").fetchone()[0])
        partial.rename(target)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"backup to {target} failed: {exc}") from exc
    return pages


def restore(engine: Engine, backup_file: Path, progress: Progress | None = None) -> int:
    """Replace the configured database's content with the backup's, once it is sound."""
    target = _sqlite_path(engine)
    if not backup_file.is_file():
        raise BackupError(f"backup file not found: {backup_file}")
    problems = integrity_problems(backup_file)
    if problems:
        raise BackupError(f"{backup_file} fails SQLite's integrity check: {problems[0]}")
    engine.dispose()  # our own pooled connections must not hold the old file
    try:
        with sqlite3.connect(f"file:{backup_file}?mode=ro", uri=True) as src, \
                sqlite3.connect(target, timeout=30) as dst:
            src.backup(dst, pages=1024, progress=_report(progress))
            pages = int(dst.execute("PRAGMA page_count").fetchone()[0])
    except (sqlite3.Error, OSError) as exc:
        raise BackupError(f"restore into {target} failed: {exc}") from exc
    return pages


def _report(progress: Progress | None) -> Callable[[int, int, int], None] | None:
    if progress is None:
        return None
    return lambda status, remaining, total: progress(total - remaining, total)
