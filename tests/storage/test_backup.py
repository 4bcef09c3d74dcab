"""`jarida db backup` while a crawl writes, and `jarida db restore` into a fresh database."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, text

from jarida.storage.backup import BackupError, integrity_problems, restore
from tests.pipeline.site import publish
from tests.pipeline.test_kill import _count, _env, _jarida, _setup
from tests.webserver import TestServer


def _cli(db_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "jarida", *args], env=_env(db_path),
                          capture_output=True, text=True, timeout=120)


def _articles_and_index(db_path: Path) -> tuple[int, int]:
    engine = create_engine(f"sqlite:///{db_path}")
    with engine.connect() as conn:
        articles = int(conn.execute(text("SELECT count(*) FROM articles")).scalar_one())
        indexed = int(conn.execute(text(
            "SELECT count(*) FROM article_fts WHERE article_fts MATCH 'plan'")).scalar_one())
    engine.dispose()
    return articles, indexed


def test_backup_during_a_crawl_restores_into_a_sound_database(
    tmp_path: Path,
) -> None:
    with TestServer() as web:
        publish(web, 60, delay=0.03)
        live = tmp_path / "live.db"
        _setup(live, web.url("/feed.xml"))
        crawl = _jarida(live, "crawl", "--once")
        deadline = time.monotonic() + 60
        while _count(live) < 10 and time.monotonic() < deadline:
            time.sleep(0.1)
        backup_file = tmp_path / "snapshot.db"
        done = _cli(live, "db", "backup", str(backup_file))
        assert done.returncode == 0, done.stderr
        assert "integrity check passed" in done.stdout
        assert crawl.wait(120) == 0
    assert integrity_problems(backup_file) == []
    fresh = tmp_path / "fresh.db"
    assert _cli(fresh, "init").returncode == 0
    restored = _cli(fresh, "db", "restore", str(backup_file))
    assert restored.returncode == 0, restored.stderr
    articles, indexed = _articles_and_index(fresh)
    assert 10 <= articles <= 60 and indexed == articles  # one snapshot: rows and index agree
    assert _cli(fresh, "stats").returncode == 0


def test_backup_refuses_to_overwrite_and_restore_refuses_a_damaged_file(tmp_path: Path) -> None:
    db_path = tmp_path / "a.db"
    assert _cli(db_path, "init").returncode == 0
    existing = tmp_path / "exists.db"
    existing.write_bytes(b"")
    again = _cli(db_path, "db", "backup", str(existing))
    assert again.returncode == 1
    assert again.stderr.strip().splitlines() == [
        f"jarida: error: {existing} exists already: choose a new file name"]
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    engine = create_engine(f"sqlite:///{db_path}")
    try:
        restore(engine, damaged)
    except BackupError as exc:
        assert "integrity check" in str(exc)
    else:
        raise AssertionError("a damaged backup was restored")
    finally:
        engine.dispose()
