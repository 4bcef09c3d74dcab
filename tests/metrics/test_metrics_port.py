"""The crawlers' own metrics port, the queue hook for room dist, and multiprocess mode."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import httpx

from jarida.metrics import (
    QueueStat,
    fresh_multiprocess_dir,
    render_metrics,
    serve_metrics,
    watch_queues,
)
from tests.metrics.scrape import samples, value
from tests.pipeline.site import publish
from tests.web.livesite import free_port
from tests.webserver import TestServer


def test_serve_metrics_answers_on_its_own_port() -> None:
    server = serve_metrics(0)
    try:
        text = httpx.get(f"http://127.0.0.1:{server.port}/metrics", timeout=5).text
    finally:
        server.close()
    names = {name for name, _ in samples(text)}
    assert "jarida_host_turns_waiting" in names
    assert any(n.startswith("jarida_fetches") for n in names) or "jarida_fetches_total" in text


def test_a_taken_port_fails_with_one_line(tmp_path: Path) -> None:
    server = serve_metrics(0)
    env = {**os.environ, "JARIDA_DATABASE_URL": f"sqlite:///{tmp_path}/j.db",
           "JARIDA_METRICS_PORT": str(server.port)}
    try:
        subprocess.run([sys.executable, "-m", "jarida", "init"], env=env, check=True,
                       capture_output=True, timeout=120)
        proc = subprocess.run([sys.executable, "-m", "jarida", "crawl"], env=env,
                              capture_output=True, text=True, timeout=120)
    finally:
        server.close()
    assert proc.returncode != 0
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert any(f"cannot serve metrics on 127.0.0.1:{server.port}" in line for line in lines)
    assert "Traceback" not in proc.stderr


def test_queue_hook_exports_what_the_callable_says() -> None:
    stats = [QueueStat("poll", messages=12, oldest_age_seconds=42.5, dead_letters=1),
             QueueStat("article", messages=0, oldest_age_seconds=0.0)]
    unwatch = watch_queues(lambda: stats)
    try:
        text = render_metrics().decode()
        assert value(text, "jarida_queue_messages", queue="poll") == 12
        assert value(text, "jarida_queue_oldest_message_age_seconds", queue="poll") == 42.5
        assert value(text, "jarida_queue_dead_letters", queue="poll") == 1
        assert ("jarida_queue_messages", frozenset({("queue", "article")})) in samples(text)
        stats.append(QueueStat("image", messages=3, oldest_age_seconds=1.0))  # read each scrape
        assert value(render_metrics().decode(), "jarida_queue_messages", queue="image") == 3
    finally:
        unwatch()
    assert "jarida_queue_messages" not in render_metrics().decode()


def test_a_failing_source_never_breaks_the_scrape() -> None:
    def broken() -> list[QueueStat]:
        raise ConnectionError("broker down")

    unwatch = watch_queues(broken)
    try:
        text = render_metrics().decode()
    finally:
        unwatch()
    assert "jarida_host_turns_waiting" in text


def _env(tmp_path: Path, port: int) -> dict[str, str]:
    return {**os.environ, "JARIDA_DATABASE_URL": f"sqlite:///{tmp_path}/j.db",
            "JARIDA_PRIVATE_NETWORK_ALLOWLIST": json.dumps(["127.0.0.1"]),
            "JARIDA_HOST_DELAY_SECONDS": "0", "JARIDA_EXTRACT_WORKERS": "2",
            "JARIDA_METRICS_PORT": str(port)}


def test_jarida_run_serves_crawler_metrics_while_it_runs(tmp_path: Path) -> None:
    port = free_port()
    env = _env(tmp_path, port)
    with TestServer() as web:
        publish(web, 3)
        for args in (("init",), ("sources", "add", web.url("/feed.xml"), "--name", "Journal",
                                 "--lang", "fr")):
            assert subprocess.run([sys.executable, "-m", "jarida", *args], env=env,
                                  capture_output=True, timeout=120).returncode == 0
        proc = subprocess.Popen([sys.executable, "-m", "jarida", "run", "--no-serve"], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            text = ""
            deadline = time.monotonic() + 90
            while time.monotonic() < deadline:
                try:
                    text = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=2).text
                except httpx.HTTPError:
                    text = ""
                if value(text, "jarida_articles_stored_total", outcome="new") >= 3:
                    break
                time.sleep(0.5)
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(30)
    assert value(text, "jarida_articles_stored_total", outcome="new") == 3
    assert value(text, "jarida_fetches_total", outcome="ok") >= 4
    assert value(text, "jarida_extraction_duration_seconds_count") == 3  # 2 worker processes
    assert ("jarida_feeds_due", frozenset()) in samples(text)
    assert ("jarida_feeds_overdue", frozenset()) in samples(text)


def test_multiprocess_mode_sums_every_process(tmp_path: Path) -> None:
    """Web workers (or `jarida worker --processes N`) count in PROMETHEUS_MULTIPROC_DIR."""
    shared = tmp_path / "prom"
    shared.mkdir()
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(shared)}
    count = textwrap.dedent("""
        import asyncio
        from jarida.metrics.crawl import record_stored
        from jarida.metrics.web import observe_request
        record_stored(["new"] * {n})
        async def page(scope, receive, send):
            await send({{"type": "http.response.start", "status": 200}})
        async def sink(message):
            return None
        for _ in range({n}):
            asyncio.run(observe_request(page, {{"type": "http", "path": "/"}}, None, sink))
    """)
    for n in (2, 5):
        subprocess.run([sys.executable, "-c", count.format(n=n)], env=env, check=True,
                       timeout=60)
    read = "from jarida.metrics import render_metrics; print(render_metrics().decode())"
    out = subprocess.run([sys.executable, "-c", read], env=env, check=True, timeout=60,
                         capture_output=True, text=True).stdout
    assert value(out, "jarida_articles_stored_total", outcome="new") == 7
    assert value(out, "jarida_http_requests_total", route="home", status="2xx") == 7
    assert value(out, "jarida_http_request_duration_seconds_count", route="home") == 7


def test_processes_started_together_share_one_port(tmp_path: Path) -> None:
    """What `jarida worker --processes N` does: a fresh shared directory, then each process
    tries the port; the one that binds it serves the sum of all."""
    env: dict[str, str] = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "m")}
    fresh_multiprocess_dir(env)
    port = free_port()
    script = textwrap.dedent(f"""
        import sys, time
        from jarida.metrics import serve_metrics_if_free
        from jarida.metrics.crawl import record_stored
        record_stored(["new"] * 3)
        server = serve_metrics_if_free({port})
        print("serving" if server else "not serving", flush=True)
        sys.stdin.readline()
    """)
    procs = []
    try:
        for _ in range(3):
            proc = subprocess.Popen([sys.executable, "-c", script], env=env, text=True,
                                    stdin=subprocess.PIPE, stdout=subprocess.PIPE)
            procs.append(proc)
            assert proc.stdout is not None
            proc.stdout.readline()  # one at a time: the first binds
        text = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=5).text
    finally:
        for proc in procs:
            proc.communicate("\n", timeout=30)
    assert value(text, "jarida_articles_stored_total", outcome="new") == 9
