"""`jarida serve --workers N`: N processes answer on one socket and stop together."""

from __future__ import annotations

import contextlib
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
import psutil
import pytest

from tests.web.livesite import free_port, port_is_free
from tests.web.seeding import Seeded

STARTUP_SECONDS = 30.0
STOP_SECONDS = 10.0


@pytest.fixture
def db_file(seeded_template: tuple[Path, Seeded], tmp_path: Path) -> Path:
    path = tmp_path / "served.db"
    shutil.copyfile(seeded_template[0], path)
    return path


class Served:
    def __init__(self, proc: subprocess.Popen[bytes], port: int) -> None:
        self.proc = proc
        self.port = port
        self.base = f"http://127.0.0.1:{port}"

    def processes(self) -> list[psutil.Process]:
        """The first process and its forked workers that are still alive (not zombies)."""
        found = []
        try:
            parent = psutil.Process(self.proc.pid)
            found = [parent, *parent.children(recursive=True)]
        except psutil.NoSuchProcess:
            return []
        return [p for p in found if _alive(p)]

    def stderr(self) -> str:
        if self.proc.poll() is None or self.proc.stderr is None:
            return ""
        return self.proc.stderr.read().decode(errors="replace")


def _alive(proc: psutil.Process) -> bool:
    try:
        return bool(proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE)
    except psutil.NoSuchProcess:
        return False


def _wait_gone(procs: list[psutil.Process], seconds: float) -> list[psutil.Process]:
    """Wait until none of `procs` runs any more; returns those still alive at the deadline."""
    deadline = time.monotonic() + seconds
    alive = list(procs)
    while alive and time.monotonic() < deadline:
        alive = [p for p in alive if _alive(p)]
        time.sleep(0.05)
    return alive


def _jarida_serve(db_file: Path, port: int, *args: str,
                  env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    full_env = dict(os.environ)
    full_env.pop("JARIDA_WEB_WORKERS", None)
    full_env["JARIDA_DATABASE_URL"] = f"sqlite:///{db_file}"
    full_env.update(env or {})
    return subprocess.Popen(
        [sys.executable, "-m", "jarida", "serve", "--host", "127.0.0.1", "--port", str(port),
         *args],
        env=full_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        start_new_session=True,  # our own process group, so cleanup cannot miss a worker
    )


@contextmanager
def _serving(db_file: Path, *args: str, env: dict[str, str] | None = None) -> Iterator[Served]:
    """`jarida serve ARGS` on a free port, once it answers `/`; everything killed after."""
    port = free_port()
    proc = _jarida_serve(db_file, port, *args, env=env)
    server = Served(proc, port)
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            assert proc.poll() is None, f"jarida serve exited: {server.stderr()}"
            try:
                if httpx.get(server.base + "/", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "jarida serve did not answer in time"
            time.sleep(0.05)
        yield server
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(10)
        # a worker that outlived its parent is in the same process group
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        if proc.stderr is not None:
            proc.stderr.close()


@pytest.fixture
def served(db_file: Path) -> Iterator[Served]:
    with _serving(db_file, "--workers", "2") as server:
        yield server


def _fresh_connections(base: str) -> httpx.Client:
    """A client that opens a new connection for every request (no keep-alive)."""
    return httpx.Client(base_url=base, timeout=5,
                        limits=httpx.Limits(max_keepalive_connections=0))


def _pid_holding_the_connection(server: Served, client_port: int) -> int | None:
    for proc in server.processes():
        try:
            conns = proc.net_connections(kind="tcp")
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        if any(c.raddr and c.raddr.port == client_port and c.laddr.port == server.port
               for c in conns):
            return int(proc.pid)
    return None


def test_two_workers_answer_and_stop_together_on_sigterm(served: Served) -> None:
    procs = served.processes()
    assert len(procs) == 2, [p.cmdline() for p in procs]
    assert procs[1].ppid() == served.proc.pid
    with _fresh_connections(served.base) as http:
        for _ in range(100):
            response = http.get("/")
            assert response.status_code == 200 and "</html>" in response.text
        statuses = {http.get(path).status_code for path in ("/", "/articles", "/feed.rss")}
    assert statuses == {200}
    # Both processes hold the one listening socket.
    for proc in procs:
        listening = [c for c in proc.net_connections(kind="tcp")
                     if c.status == psutil.CONN_LISTEN and c.laddr.port == served.port]
        assert listening, f"process {proc.pid} does not listen on {served.port}"

    served.proc.send_signal(signal.SIGTERM)
    still = _wait_gone(procs, STOP_SECONDS)
    assert not still, f"still running {STOP_SECONDS} s after SIGTERM: {[p.pid for p in still]}"
    assert served.proc.wait(1) in (0, 128 + signal.SIGTERM)  # not killed, not crashed
    assert port_is_free(served.port)


def test_worker_exits_when_the_first_process_is_killed(served: Served) -> None:
    procs = served.processes()
    assert len(procs) == 2
    worker = procs[1]
    served.proc.send_signal(signal.SIGKILL)
    served.proc.wait(5)
    still = _wait_gone([worker], STOP_SECONDS)
    assert not still, f"worker {worker.pid} still runs {STOP_SECONDS} s after its parent died"
    assert port_is_free(served.port)


def test_both_processes_accept_connections(served: Served) -> None:
    """Connections are accepted by both processes, not only by the first one."""
    pids: set[int] = set()
    for _ in range(200):
        with socket.create_connection(("127.0.0.1", served.port), timeout=5) as conn:
            conn.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            assert conn.recv(12) == b"HTTP/1.1 200"
            pid = _pid_holding_the_connection(served, conn.getsockname()[1])
            assert pid is not None
            pids.add(pid)
        if len(pids) == 2:
            break
    assert len(pids) == 2, f"only {pids} accepted connections"


def test_ctrl_c_on_the_process_group_stops_everything(served: Served) -> None:
    """Ctrl-C in a terminal sends SIGINT to every process of the foreground group."""
    procs = served.processes()
    assert len(procs) == 2
    os.killpg(served.proc.pid, signal.SIGINT)
    still = _wait_gone(procs, STOP_SECONDS)
    assert not still, f"still running {STOP_SECONDS} s after Ctrl-C: {[p.pid for p in still]}"
    assert served.proc.wait(1) in (0, 128 + signal.SIGINT)  # 130: the shell's Ctrl-C status
    assert port_is_free(served.port)


def test_web_workers_setting_is_the_default(db_file: Path) -> None:
    with _serving(db_file, env={"JARIDA_WEB_WORKERS": "2"}) as server:
        procs = server.processes()
        assert len(procs) == 2, [p.cmdline() for p in procs]
        server.proc.send_signal(signal.SIGTERM)
        assert not _wait_gone(procs, STOP_SECONDS)


def test_one_worker_is_one_process(db_file: Path) -> None:
    with _serving(db_file, "--workers", "1") as server:
        assert len(server.processes()) == 1
        server.proc.send_signal(signal.SIGTERM)
        assert server.proc.wait(STOP_SECONDS) == 0


@pytest.mark.parametrize("workers", ["1", "2"])
def test_busy_port_is_a_one_line_error(db_file: Path, workers: str) -> None:
    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        proc = _jarida_serve(db_file, port, "--workers", workers)
        try:
            _, err = proc.communicate(timeout=30)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(10)
    lines = err.decode(errors="replace").strip().splitlines()
    assert proc.returncode == 2
    assert len(lines) == 1 and lines[0].startswith("jarida: error:"), lines
