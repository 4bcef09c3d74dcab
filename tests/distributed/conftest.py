"""Real services for distributed mode: PostgreSQL (a throwaway schema), RabbitMQ or
Redis as the broker, Redis for politeness, a local news site, workers as processes.

Nothing collides with other suites: every test uses its own queue prefix (RabbitMQ
queue names, Redis keys) and Redis database 11 (other rooms use 15)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pika
import pytest
import redis
from sqlalchemy import create_engine, func, select, text

from jarida.distributed.app import DistributedApp, build_app
from jarida.model import FeedSpec, SourceSpec
from jarida.settings import Settings
from jarida.sources.enroll import enroll_sources
from jarida.storage import Database
from jarida.storage.tables import articles
from tests.webserver import TestServer

PG_URL = os.environ.get("JARIDA_TEST_POSTGRES_URL")
RABBIT_URL = "amqp://guest:guest@127.0.0.1:5672/%2F"
REDIS_URL = "redis://127.0.0.1:6379/11"
ROOT = Path(__file__).resolve().parents[2]


def _rabbit_up() -> bool:
    try:
        pika.BlockingConnection(pika.URLParameters(RABBIT_URL)).close()
        return True
    except Exception:
        return False


def _redis_up() -> bool:
    try:
        return bool(redis.Redis.from_url(REDIS_URL).ping())
    except Exception:
        return False


needs_pg = pytest.mark.skipif(not PG_URL, reason="set JARIDA_TEST_POSTGRES_URL")


@dataclass
class Pg:
    db: Database
    url: str


@pytest.fixture
def pg() -> Iterator[Pg]:
    if not PG_URL:
        pytest.skip("set JARIDA_TEST_POSTGRES_URL")
    schema = f"dist_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in PG_URL else "?"
    url = f"{PG_URL}{sep}options={quote(f'-csearch_path={schema}')}"
    database = Database.open(url)
    try:
        database.upgrade()
        yield Pg(database, url)
    finally:
        database.close()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["rabbitmq", "redis"])
def broker_url(request: pytest.FixtureRequest) -> str:
    if request.param == "rabbitmq":
        if not _rabbit_up():
            pytest.skip("RabbitMQ is not running on 127.0.0.1:5672")
        return RABBIT_URL
    if not _redis_up():
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    return REDIS_URL


@pytest.fixture
def web() -> Iterator[TestServer]:
    with TestServer() as server:
        yield server


class Fleet:
    """Settings, the broker app (scheduler side) and worker processes of one test."""

    def __init__(self, pg: Pg, broker_url: str, **overrides: object) -> None:
        self.prefix = f"t{uuid.uuid4().hex[:10]}"
        self.env = {
            "JARIDA_DATABASE_URL": pg.url, "JARIDA_BROKER_URL": broker_url,
            "JARIDA_POLITENESS_REDIS_URL": REDIS_URL, "JARIDA_QUEUE_PREFIX": self.prefix,
            "JARIDA_PRIVATE_NETWORK_ALLOWLIST": '["127.0.0.1"]',
            "JARIDA_HOST_DELAY_SECONDS": "0.2", "JARIDA_TOTAL_TIMEOUT": "10",
            "JARIDA_HOST_SLOT_SECONDS": "15", "JARIDA_MESSAGE_MAX_RETRIES": "3",
            "JARIDA_IMAGE_FETCH_LIMIT": "0",
        }
        self.env.update({f"JARIDA_{k.upper()}": str(v) for k, v in overrides.items()})
        self.settings = Settings(**{k.removeprefix("JARIDA_").lower(): v  # type: ignore[arg-type]
                                    for k, v in self.env.items()})
        self.db = pg.db
        self.app: DistributedApp = build_app(self.settings)
        self.workers: list[subprocess.Popen[bytes]] = []

    def register(self, feed_url: str, slug: str = "journal") -> None:
        with self.db.write() as conn:
            enroll_sources(conn, [SourceSpec(slug=slug, name=f"Journal {slug}",
                                             languages=("fr",),
                                             feeds=(FeedSpec(url=feed_url, kind="rss"),))])

    def jarida(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "jarida", *args], env=self._env(),
                              capture_output=True, text=True, timeout=60, check=check)

    def _env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("JARIDA_")}
        env.update(self.env)
        env["PYTHONPATH"] = str(ROOT)
        return env

    def start_worker(self, threads: int = 2) -> subprocess.Popen[bytes]:
        proc = subprocess.Popen(
            [sys.executable, "-m", "jarida", "worker", "--processes", "1", "--threads",
             str(threads)], env=self._env(), start_new_session=True,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.workers.append(proc)
        return proc

    def kill(self, proc: subprocess.Popen[bytes], sig: int = signal.SIGKILL) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
        proc.wait(20)

    def stored(self) -> int:
        with self.db.read() as conn:
            return int(conn.execute(select(func.count()).select_from(articles)).scalar_one())

    def urls(self) -> list[str]:
        with self.db.read() as conn:
            return [str(u) for u in conn.execute(select(articles.c.canonical_url)).scalars()]

    def wait_for(self, check: Callable[[], bool], timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if check():
                return
            for proc in self.workers:
                if proc.poll() is not None and proc.returncode not in (-9, 0):
                    err = proc.stderr.read().decode() if proc.stderr else ""
                    raise AssertionError(f"a worker exited {proc.returncode}: {err[-2000:]}")
            time.sleep(0.2)
        for proc in self.workers:
            if proc.poll() is None:
                self.kill(proc, signal.SIGTERM)
        errors = [(p.stderr.read().decode() if p.stderr else "")[-3000:] for p in self.workers]
        raise AssertionError(f"timed out waiting for {what}; workers said: {errors}")

    def close(self) -> None:
        for proc in self.workers:
            if proc.poll() is None:
                self.kill(proc, signal.SIGTERM)
        from jarida.distributed.queues import _is_rabbitmq

        for name in self.app.queues.all:
            with contextlib.suppress(Exception):  # the broker may be what a test stopped
                if _is_rabbitmq(self.app.broker):
                    channel = self.app.broker.channel  # type: ignore[attr-defined]
                    for q in (name, f"{name}.DQ", f"{name}.XQ"):
                        channel.queue_delete(q)
                else:
                    self.app.broker.flush(name)  # type: ignore[attr-defined]
        client = redis.Redis.from_url(REDIS_URL)
        for key in client.scan_iter(match=f"{self.prefix}:*"):
            client.delete(key)
        self.app.close()


@pytest.fixture
def fleet_factory(pg: Pg) -> Iterator[Callable[..., Fleet]]:
    made: list[Fleet] = []

    def make(broker_url: str, **overrides: object) -> Fleet:
        fleet = Fleet(pg, broker_url, **overrides)
        made.append(fleet)
        return fleet

    yield make
    for fleet in made:
        fleet.close()
