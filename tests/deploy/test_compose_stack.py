"""deploy/compose.yaml run without Docker: its own commands, environment and health checks,
executed as processes against this machine's PostgreSQL, RabbitMQ and Redis.

Docker is not usable here (no daemon, no registry), so the images, the network and the
volumes are not exercised. What is: the `migrate` service's command creates the schema;
`web`, `scheduler` and `worker` start from their `command` with the Compose environment
(service host names pointed at 127.0.0.1, the local services' credentials, free ports
for what each container would own: the web port and each metrics port); each one's
`healthcheck` command passes; the stack crawls a local feed; and each service stops on
SIGTERM within its `stop_grace_period`."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis
import yaml
from sqlalchemy import func, select

from jarida.model import FeedSpec, SourceSpec
from jarida.sources.enroll import enroll_sources
from jarida.storage.tables import articles
from tests.distributed.conftest import (  # noqa: F401 (fixtures)
    RABBIT_URL,
    REDIS_URL,
    Pg,
    _rabbit_up,
    pg,
    web,
)
from tests.pipeline.site import publish
from tests.webserver import TestServer

ROOT = Path(__file__).parents[2]
COMPOSE = ROOT / "deploy" / "compose.yaml"
OURS = ("web", "scheduler", "worker")
_DEFAULT = re.compile(r"\$\{[A-Z_]+:-([^}]*)\}")


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _grace(text: str) -> float:
    return float(text.removesuffix("s"))


def _local(env: dict[str, str], pg_url: str, prefix: str, tmp: Path) -> dict[str, str]:
    """The Compose environment, pointed at this machine's services."""
    out = {k: _DEFAULT.sub(lambda m: m.group(1), str(v)) for k, v in env.items()}
    assert out["JARIDA_DATABASE_URL"].endswith("@postgres:5432/jarida")
    out["JARIDA_DATABASE_URL"] = pg_url
    assert out["JARIDA_BROKER_URL"].startswith("amqp://") and "@rabbitmq:5672" in out[
        "JARIDA_BROKER_URL"]
    out["JARIDA_BROKER_URL"] = RABBIT_URL
    assert out["JARIDA_POLITENESS_REDIS_URL"] == "redis://redis:6379/0"
    out["JARIDA_POLITENESS_REDIS_URL"] = REDIS_URL
    out["JARIDA_MEDIA_DIR"] = str(tmp / "media")
    if "PROMETHEUS_MULTIPROC_DIR" in out:  # a tmpfs in the container
        (tmp / prefix).mkdir(exist_ok=True)
        out["PROMETHEUS_MULTIPROC_DIR"] = str(tmp / prefix)
    # What the test adds: its own queues and a local site the SSRF guard lets through.
    out.update({"JARIDA_QUEUE_PREFIX": f"compose{prefix}",
                "JARIDA_PRIVATE_NETWORK_ALLOWLIST": '["127.0.0.1"]',
                "JARIDA_HOST_DELAY_SECONDS": "0.2", "JARIDA_IMAGE_FETCH_LIMIT": "0"})
    return out


def _argv(command: list[str], ports: dict[str, str]) -> list[str]:
    assert command[0] == "jarida"
    return [sys.executable, "-m", "jarida", *(ports.get(a, a) for a in command[1:])]


def _health(test: list[str], ports: dict[str, str], env: dict[str, str]) -> str | None:
    """None when the service's health check passes, else what it said."""
    assert test[:2] == ["CMD", "python"] and test[2] == "-c"
    code = test[3]
    for old, new in ports.items():
        code = code.replace(f":{old}", f":{new}")
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=30)
    return None if done.returncode == 0 else (done.stderr.strip().splitlines() or ["?"])[-1]


@pytest.fixture
def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(COMPOSE.read_text())
    return loaded


@pytest.fixture
def stack_env(pg: Pg, tmp_path: Path) -> Iterator[tuple[Pg, Path, str]]:  # noqa: F811
    if not _rabbit_up():
        pytest.skip("RabbitMQ is not running on 127.0.0.1:5672")
    prefix = uuid.uuid4().hex[:8]
    yield pg, tmp_path, prefix
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(match=f"compose{prefix}:*"):
        client.delete(key)


@pytest.mark.timeout(400)
def test_the_compose_stack_runs_its_own_commands(compose: dict[str, Any],
                                                 stack_env: tuple[Pg, Path, str],
                                                 web: TestServer) -> None:  # noqa: F811
    database, tmp, prefix = stack_env
    services = compose["services"]
    base = {k: v for k, v in os.environ.items() if not k.startswith("JARIDA_")}
    base["PYTHONPATH"] = str(ROOT)

    # 1. migrate: its command, to completion (the others depend on it).
    migrate = services["migrate"]
    env = {**base, **_local(migrate["environment"], database.url, prefix, tmp)}
    done = subprocess.run(_argv(migrate["command"], {}), env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr

    publish(web, count=3)
    with database.db.write() as conn:
        enroll_sources(conn, [SourceSpec(slug="journal", name="Journal", languages=("fr",),
                                         feeds=(FeedSpec(url=web.url("/feed.xml"),
                                                         kind="rss"),))])

    # 2. web, scheduler, worker: each from its command, each healthy by its own check.
    procs: dict[str, subprocess.Popen[bytes]] = {}
    ports: dict[str, dict[str, str]] = {}
    envs: dict[str, dict[str, str]] = {}
    try:
        for name in OURS:
            service = services[name]
            env = {**base, **_local(service["environment"], database.url, prefix, tmp)}
            metrics = str(_free_port())
            ports[name] = {env["JARIDA_METRICS_PORT"]: metrics}
            env["JARIDA_METRICS_PORT"] = metrics
            if name == "web":
                ports[name]["8000"] = str(_free_port())
            envs[name] = env
            procs[name] = subprocess.Popen(_argv(service["command"], ports[name]), env=env,
                                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                           start_new_session=True)
        for name in OURS:
            check = services[name]["healthcheck"]
            deadline = time.monotonic() + 60
            while (said := _health(check["test"], ports[name], envs[name])) is not None:
                assert procs[name].poll() is None, (name, procs[name].stderr.read().decode()
                                                    if procs[name].stderr else "")
                assert time.monotonic() < deadline, f"{name} never became healthy: {said}"
                time.sleep(1)

        # 3. The stack crawls: the scheduler enqueues the feed, the worker stores its pages.
        def stored() -> int:
            with database.db.read() as conn:
                return int(conn.execute(select(func.count()).select_from(articles))
                           .scalar_one())

        deadline = time.monotonic() + 90
        while stored() < 3:
            assert time.monotonic() < deadline, "the stack stored no articles"
            time.sleep(0.5)
    finally:
        # 4. `docker compose stop`: SIGTERM, then SIGKILL after stop_grace_period.
        for proc in procs.values():
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        late = []
        for name, proc in procs.items():
            grace = _grace(services[name].get("stop_grace_period", "10s"))
            try:
                proc.wait(grace)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                late.append(name)
    assert not late, f"not stopped within stop_grace_period: {late}"
    assert stored() == 3
