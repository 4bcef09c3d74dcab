"""Running the website: one process in an event loop, or several on one listening socket.

`jarida serve` uses these (and `jarida run --serve` the embedded server, next to the
crawler). Nothing here imports the crawler, so a serving process only loads the web stack.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import os
import signal
import socket
import threading
import time
from collections.abc import Coroutine, Iterator
from types import FrameType
from typing import Any

from jarida.settings import Settings
from jarida.storage import Database


def run_loop(main: Coroutine[Any, Any, None]) -> None:
    """Run `main` on uvloop when it is installed (faster sockets), else on asyncio's loop."""
    try:
        uvloop = importlib.import_module("uvloop")  # optional: uvicorn[standard] brings it
    except ImportError:
        asyncio.run(main)
        return
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        runner.run(main)


def _config(settings: Settings, db: Database, host: str, port: int) -> Any:
    import uvicorn

    from jarida.web.app import create_app

    # uvicorn picks uvloop and httptools by itself when they are installed.
    # Access lines are INFO and the level is WARNING: skip building them at all.
    return uvicorn.Config(create_app(settings, db, background_version=True), host=host,
                          port=port, log_level="warning", access_log=False)


def embedded_server(settings: Settings, db: Database, host: str, port: int) -> Any:
    import uvicorn

    class EmbeddedServer(uvicorn.Server):
        """Leaves signal handling to us: one Ctrl-C stops crawler and server together."""

        @contextlib.contextmanager
        def capture_signals(self) -> Iterator[None]:
            yield

    return EmbeddedServer(_config(settings, db, host, port))


def _exit_on_sigterm(signum: int, _frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def _serve_on_socket(settings: Settings, sock: socket.socket) -> None:
    """One serving process: its own database connections, uvicorn on the shared socket."""
    import uvicorn

    db = Database.open(settings.database_url)
    try:
        host, port = sock.getsockname()[:2]
        server = uvicorn.Server(_config(settings, db, host, port))
        run_loop(server.serve(sockets=[sock]))
    finally:
        db.close()


def _follow_parent(parent: int) -> None:
    """In a forked worker: stop (as on SIGTERM) if the first process disappears.

    That process stops the others when it stops, but not if it is killed outright.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, daemon=True, name="jarida-parent-watch").start()


def serve_processes(settings: Settings, db: Database, *, host: str, port: int,
                    workers: int) -> None:
    """Serve from `workers` processes sharing one listening socket (Linux/Unix: fork).

    This process is one of them; the others are forked once the socket is bound. SIGTERM or
    Ctrl-C stop this one gracefully, and it then stops and waits for the others.
    """
    import jarida.web.app  # noqa: F401 - loaded once, before forking: the code is shared

    sock = socket.create_server((host, port), backlog=2048)
    sock.set_inheritable(True)
    db.close()  # no database connection may cross a fork
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    children: list[int] = []
    parent = os.getpid()
    try:
        for _ in range(workers - 1):
            pid = os.fork()
            if pid == 0:  # pragma: no cover - runs in the child
                code = 1
                _follow_parent(parent)
                try:
                    _serve_on_socket(settings, sock)
                    code = 0
                except SystemExit as exc:
                    code = 0 if exc.code in (None, 0, 128 + signal.SIGTERM) else 1
                finally:
                    os._exit(code)
            children.append(pid)
        _serve_on_socket(settings, sock)
    finally:
        for pid in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        for pid in children:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
        sock.close()


def stop_event() -> asyncio.Event:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    return stop


async def serve_until_stopped(settings: Settings, db: Database, *, host: str, port: int) -> None:
    stop = stop_event()
    server = embedded_server(settings, db, host, port)
    task = asyncio.create_task(server.serve())
    await asyncio.wait([task, asyncio.create_task(stop.wait())],
                       return_when=asyncio.FIRST_COMPLETED)
    server.should_exit = True
    await task
