"""SIGKILL the crawler mid-crawl, restart it: the end state equals an uninterrupted crawl."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from jarida.storage.search_sqlite import match_expression
from tests.pipeline.site import publish
from tests.webserver import TestServer

ARTICLES = 40


def _env(db_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "JARIDA_DATABASE_URL": f"sqlite:///{db_path}",
        "JARIDA_PRIVATE_NETWORK_ALLOWLIST": json.dumps(["127.0.0.1"]),
        "JARIDA_HOST_DELAY_SECONDS": "0",
        "JARIDA_EXTRACT_WORKERS": "1",
        "JARIDA_WRITE_BATCH_SIZE": "5",
    })
    return env


def _jarida(db_path: Path, *args: str,
            extra_env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "jarida", *args],
                            env={**_env(db_path), **(extra_env or {})},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _setup(db_path: Path, feed_url: str) -> None:
    for args in (("init",), ("sources", "add", feed_url, "--name", "Journal", "--lang", "fr")):
        proc = _jarida(db_path, *args)
        assert proc.wait(60) == 0, proc.stderr.read() if proc.stderr else ""


def _state(db_path: Path) -> tuple[list[tuple[str, ...]], int]:
    engine = create_engine(f"sqlite:///{db_path}")
    with engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT canonical_url, guid, title, content_hash, status FROM articles "
            "ORDER BY canonical_url")).all()
        fts = conn.execute(text(
            "SELECT count(*) FROM article_fts WHERE article_fts MATCH :m"),
            {"m": match_expression("mobilité")}).scalar_one()
    engine.dispose()
    return [tuple(str(v) for v in r) for r in rows], int(fts)


def _count(db_path: Path) -> int:
    engine = create_engine(f"sqlite:///{db_path}")
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM articles")).scalar_one())
    except Exception:
        return 0
    finally:
        engine.dispose()


@pytest.mark.slow
def test_killed_crawl_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    with TestServer() as web:
        publish(web, ARTICLES, delay=0.08)  # slow pages: the kill lands mid-crawl
        reference, killed = tmp_path / "reference.db", tmp_path / "killed.db"
        for path in (reference, killed):
            _setup(path, web.url("/feed.xml"))

        full = _jarida(reference, "crawl", "--once")
        assert full.wait(120) == 0, full.stderr.read() if full.stderr else ""

        proc = _jarida(killed, "crawl", "--once")
        deadline = time.monotonic() + 60
        while _count(killed) < 5 and time.monotonic() < deadline:
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        partial = _count(killed)
        assert 0 < partial < ARTICLES, f"kill did not land mid-crawl ({partial} stored)"

        again = _jarida(killed, "crawl", "--once")
        assert again.wait(120) == 0, again.stderr.read() if again.stderr else ""

    ref_rows, ref_fts = _state(reference)
    got_rows, got_fts = _state(killed)
    assert len(ref_rows) == ARTICLES
    assert got_rows == ref_rows
    assert got_fts == ref_fts == ARTICLES
