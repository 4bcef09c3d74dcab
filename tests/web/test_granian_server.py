"""The server behind `jarida serve` and `jarida run` (granian, jarida.web.server) on loopback."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from jarida.web import create_app
from tests.web.livesite import free_port, port_is_free, served_in_thread
from tests.web.seeding import Seeded, make_settings

STARTUP_SECONDS = 30.0


def _wait_for(url: str, proc: subprocess.Popen[bytes] | None = None) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        if proc is not None and proc.poll() is not None:
            err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
            raise AssertionError(f"the server exited: {err}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        assert time.monotonic() < deadline, f"{url} did not answer in time"
        time.sleep(0.05)


@contextmanager
def _embedded(seeded: Seeded) -> Iterator[str]:
    """EmbeddedServer in its own thread and event loop, as `jarida serve` runs it."""
    app = create_app(make_settings(str(seeded.db.engine.url)), seeded.db,
                     background_version=True)
    port = free_port()
    with served_in_thread(app, port):
        _wait_for(f"http://127.0.0.1:{port}/robots.txt")
        yield f"http://127.0.0.1:{port}"
    # Nothing listens any more. (The port stays bound in this process until it exits:
    # granian's embedded server leaks the socket it binds to check the address.)
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


def test_cached_page_and_head_through_the_server(seeded: Seeded) -> None:
    """The fast path's answers through granian: same bytes, no body after a HEAD."""
    with _embedded(seeded) as base, httpx.Client(base_url=base) as http:
        routed = http.get("/")
        fast = http.get("/")
        head = http.head("/")
        # the same keep-alive connection still works after the HEAD
        after = http.get("/articles")
        not_modified = http.get("/", headers={"If-None-Match": routed.headers["etag"]})
    assert routed.status_code == fast.status_code == head.status_code == 200
    assert fast.content == routed.content and head.content == b""
    for name in ("etag", "cache-control", "last-modified", "content-type",
                 "content-security-policy"):
        assert fast.headers[name] == routed.headers[name] == head.headers[name], name
    assert head.headers["content-length"] == routed.headers["content-length"]
    assert after.status_code == 200 and "</html>" in after.text
    assert not_modified.status_code == 304 and not_modified.content == b""


def test_server_errors_and_unknown_paths(seeded: Seeded) -> None:
    with _embedded(seeded) as base, httpx.Client(base_url=base) as http:
        missing = http.get("/articles/999999")
        static = http.get("/robots.txt")
    assert missing.status_code == 404 and "</html>" in missing.text
    assert static.status_code == 200


@pytest.fixture
def db_file(seeded_template: tuple[Path, Seeded], tmp_path: Path) -> Path:
    path = tmp_path / "run.db"
    shutil.copyfile(seeded_template[0], path)
    return path


def test_run_serves_next_to_the_crawler_and_stops_on_sigterm(db_file: Path) -> None:
    """`jarida run`: crawler and embedded server in one event loop, one SIGTERM stops both."""
    port = free_port()
    env = dict(os.environ, JARIDA_DATABASE_URL=f"sqlite:///{db_file}")
    env.pop("JARIDA_WEB_WORKERS", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "jarida", "run", "--host", "127.0.0.1", "--port", str(port)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )
    try:
        _wait_for(f"http://127.0.0.1:{port}/", proc)
        assert httpx.get(f"http://127.0.0.1:{port}/articles", timeout=5).status_code == 200
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)
    assert proc.returncode == 0, err.decode(errors="replace")
    assert "stopping" in out.decode()
    assert port_is_free(port)
