"""What one serving process holds: SQLite page caches, pooled connections, handler threads."""

from __future__ import annotations

from pathlib import Path

from jarida.storage import Database
from jarida.storage.engine import SQLITE_CACHE_KIB, sqlite_readers
from jarida.web.app import _worker_threads


def test_sqlite_connections_keep_a_small_page_cache(tmp_path: Path) -> None:
    db = Database.open(f"sqlite:///{tmp_path / 'small.db'}")
    try:
        with db.read() as conn:
            kib = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
    finally:
        db.close()
    assert kib == -SQLITE_CACHE_KIB  # negative: a size in KiB, not in pages
    assert SQLITE_CACHE_KIB < 2000  # below SQLite's default


def test_page_threads_never_outnumber_pooled_connections(tmp_path: Path) -> None:
    db = Database.open(f"sqlite:///{tmp_path / 'pool.db'}")
    try:
        threads = _worker_threads(db)
        pooled = db.engine.pool.size()  # type: ignore[attr-defined]
    finally:
        db.close()
    assert threads == sqlite_readers() >= 2
    # the event loop's reads and the data-version watch need one each besides
    assert pooled >= threads + 2
