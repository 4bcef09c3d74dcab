"""`jarida run` survives database faults, stops quickly, and leaves no process behind."""

from __future__ import annotations

import asyncio
import json
import signal
import sqlite3
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import psutil
import pytest
from sqlalchemy.exc import OperationalError

from jarida.cli import main
from jarida.pipeline import runner
from jarida.pipeline.crawler import Crawler
from jarida.pipeline.runner import CrawlGivingUp, crawl_loop
from jarida.settings import Settings
from jarida.storage import Database
from jarida.storage import feeds as feed_store
from jarida.storage.crawl_passes import crawl_health
from jarida.storage.failures import StorageUnavailable
from tests.pgschema import PG_URL, throwaway_schema
from tests.pipeline.site import publish
from tests.pipeline.test_crawl import all_articles, register
from tests.pipeline.test_kill import _count, _jarida, _setup
from tests.tcpproxy import TcpProxy
from tests.webserver import TestServer


def _loop_until(settings: Settings, db: Database, done: Any, timeout: float = 60) -> None:
    """Run the crawl loop until `done()` holds (checked every 50 ms), then stop it."""
    async def go() -> None:
        stop = asyncio.Event()
        loop = asyncio.create_task(crawl_loop(settings, db, stop))
        deadline = time.monotonic() + timeout
        while not done() and time.monotonic() < deadline and not loop.done():
            await asyncio.sleep(0.05)
        stop.set()
        await asyncio.wait_for(loop, 15)

    asyncio.run(go())


def test_failed_passes_are_logged_retried_and_recorded(
    web: TestServer, settings: Settings, db: Database, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    publish(web, 3)
    register(db, web.url("/feed.xml"))
    original = Crawler.crawl_once
    calls = {"n": 0}

    async def flaky(self: Crawler, *args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] <= 2:
            raise StorageUnavailable(OperationalError("SELECT", {}, Exception(
                "connection to server at 127.0.0.1 failed: Connection refused")))
        return await original(self, *args, **kwargs)

    monkeypatch.setattr(Crawler, "crawl_once", flaky)
    monkeypatch.setattr(runner, "retry_delay", lambda failures: 0.05)
    with caplog.at_level("INFO", logger="jarida.crawl"):
        _loop_until(settings, db, lambda: len(all_articles(db)) == 3)
    assert len(all_articles(db)) == 3
    failures = [r for r in caplog.records if "crawl pass failed" in r.getMessage()]
    assert len(failures) == 2 and "Connection refused" in failures[0].getMessage()
    assert any("crawl pass: 1 feeds" in r.getMessage() for r in caplog.records)
    with db.read() as conn:
        health = crawl_health(conn)
    assert health.consecutive_failures == 0 and health.last_success_at is not None


def test_the_loop_gives_up_after_too_many_failures(
    settings: Settings, db: Database, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    async def broken(self: Crawler, *args: Any, **kwargs: Any) -> Any:
        raise StorageUnavailable(OperationalError("INSERT", {}, Exception(
            "database or disk is full")))

    monkeypatch.setattr(Crawler, "crawl_once", broken)
    monkeypatch.setattr(runner, "retry_delay", lambda failures: 0.01)
    with pytest.raises(CrawlGivingUp, match=r"failed 3 times in a row.*disk is full"):
        _loop_until(settings.model_copy(update={"crawl_max_failures": 3}), db, lambda: False)
    with db.read() as conn:
        health = crawl_health(conn)
    assert health.consecutive_failures == 3 and "disk is full" in (health.last_error or "")
    monkeypatch.setenv("JARIDA_DATABASE_URL", settings.database_url)
    capsys.readouterr()
    assert main(["stats", "--json"]) == 0  # what the operator reads
    crawl = json.loads(capsys.readouterr().out)["crawl"]
    assert crawl["consecutive_failures"] == 3 and crawl["last_success_at"] is None


@pytest.mark.slow
def test_a_held_lock_fails_the_pass_then_crawling_resumes(
    web: TestServer, settings: Settings, db: Database, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Another writer holds SQLite's lock past the busy timeout: the pass fails with
    'database is locked', and the next pass, once the lock is free, stores everything."""
    publish(web, 3)
    register(db, web.url("/feed.xml"))
    monkeypatch.setattr(runner, "retry_delay", lambda failures: 0.2)
    path = settings.database_url.removeprefix("sqlite:///")
    holder = sqlite3.connect(path, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Timer(11.0, holder.rollback)  # longer than the 10 s busy timeout
    release.start()
    try:
        _loop_until(settings, db, lambda: len(all_articles(db)) == 3, timeout=90)
    finally:
        release.cancel()
        holder.close()
    assert len(all_articles(db)) == 3
    with db.read() as conn:
        health = crawl_health(conn)
    assert health.consecutive_failures == 0


def _children(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


@pytest.mark.slow
def test_sigkilled_crawl_leaves_no_process_behind(web: TestServer, tmp_path: Path) -> None:
    publish(web, 60, delay=0.05)
    db_path = tmp_path / "kill.db"
    _setup(db_path, web.url("/feed.xml"))
    proc = _jarida(db_path, "crawl", "--once", extra_env={"JARIDA_EXTRACT_WORKERS": "2"})
    env_workers: list[psutil.Process] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(env_workers) < 3:  # fork server + 2 workers
        time.sleep(0.1)
        env_workers = _children(proc.pid)
    assert proc.poll() is None, "the crawl ended before it could be killed"
    assert len(env_workers) >= 2, env_workers
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    _gone, alive = psutil.wait_procs(env_workers, timeout=5)
    assert not alive, f"left behind: {[p.pid for p in alive]}"


@pytest.mark.slow
def test_sigterm_stops_run_within_seconds_and_nothing_is_lost(
    web: TestServer, tmp_path: Path,
) -> None:
    """SIGTERM mid-crawl: `jarida run` exits 0 within 10 s; a later crawl completes the
    work without duplicates."""
    publish(web, 80, delay=0.02)
    db_path = tmp_path / "term.db"
    _setup(db_path, web.url("/feed.xml"))
    env_delay = {"JARIDA_HOST_DELAY_SECONDS": "0.2"}
    proc = _jarida(db_path, "run", "--no-serve", extra_env=env_delay)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and _count(db_path) < 5:
        time.sleep(0.2)
    assert _count(db_path) >= 5 and proc.poll() is None
    proc.send_signal(signal.SIGTERM)
    started = time.monotonic()
    assert proc.wait(15) == 0
    assert time.monotonic() - started < 10.0
    stopped_at = _count(db_path)
    assert stopped_at < 80
    again = _jarida(db_path, "crawl", "--once")
    assert again.wait(120) == 0
    assert _count(db_path) == 80


@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL, reason="set JARIDA_TEST_POSTGRES_URL")
def test_postgres_connection_cut_for_seconds_then_crawling_resumes(
    web: TestServer, settings: Settings, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """PostgreSQL behind a proxy the test cuts for 4 s during `jarida run`'s loop: the
    failed passes are logged and retried, and once the connection is back the loop
    stores what was published meanwhile."""
    assert PG_URL
    monkeypatch.setattr(runner, "retry_delay", lambda failures: 0.8)
    monkeypatch.setattr(runner, "MAX_IDLE_SECONDS", 0.3)
    monkeypatch.setattr(runner, "RETRY_FIRST_SECONDS", 0.3)
    parts = urlsplit(PG_URL)
    with throwaway_schema("cut") as direct, TcpProxy((parts.hostname or "127.0.0.1",
                                                      parts.port or 5432)) as proxy:
        schema_url = str(direct.engine.url.render_as_string(hide_password=False))
        proxied = Database.open(schema_url.replace(f":{parts.port or 5432}/",
                                                   f":{proxy.port}/"))
        publish(web, 3)
        register(direct, web.url("/feed.xml"))
        counts = {"phase": "first"}

        def done() -> bool:
            stored = len(all_articles(direct))
            if counts["phase"] == "first" and stored == 3:
                counts["phase"] = "cut"
                proxy.cut()
                publish(web, 6, etag='"v2"')
                with direct.write() as conn:
                    feed_store.make_feeds_due(conn, datetime.now(UTC))
                threading.Timer(4.0, proxy.restore).start()
            return stored == 6

        with caplog.at_level("INFO", logger="jarida.crawl"):
            _loop_until(settings, proxied, done, timeout=90)
        proxied.close()
        assert len(all_articles(direct)) == 6
    assert any("crawl pass failed" in r.getMessage() for r in caplog.records)
