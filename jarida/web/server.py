"""Running the website: granian in one process's event loop, or in several processes.

`jarida serve` uses these (and `jarida run --serve` the embedded server, next to the
crawler). Nothing here imports the crawler, so a serving process only loads the web stack.

granian (an HTTP server written in Rust) parses requests and writes responses in its own
thread, outside Python; only the ASGI application runs in the event loop. On the 2-CPU
benchmark machine, with wrk on the same CPUs, one granian process answered Jarida's cached
article page at 0.57-0.62 times nginx's rate for 25-31 µs of CPU per request, one uvicorn
process (httptools, uvloop) at 0.36-0.43 times for 39-42 µs. Two granian processes took
about twice the CPU per request there (six busy threads on two CPUs), so more processes
only pay where CPUs are to spare.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import os
import signal
import threading
import time
from collections.abc import Coroutine
from types import FrameType
from typing import Any

from jarida.settings import Settings
from jarida.storage import Database

# Connections the kernel queues per serving process before one accepts them.
BACKLOG = 2048


def run_loop(main: Coroutine[Any, Any, None]) -> None:
    """Run `main` on uvloop when it is installed (faster sockets), else on asyncio's loop."""
    try:
        uvloop = importlib.import_module("uvloop")  # optional, but a dependency of Jarida
    except ImportError:
        asyncio.run(main)
        return
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        runner.run(main)


class EmbeddedServer:
    """granian serving an ASGI app from the running event loop until `stop()`.

    Signals are left to the caller: one Ctrl-C stops crawler and server together. Each
    process listens on its own socket bound with SO_REUSEPORT (what granian does on Linux),
    and the kernel spreads new connections over the processes listening on the port.
    """

    def __init__(self, app: Any, host: str, port: int) -> None:
        from granian.constants import HTTPModes, Interfaces
        from granian.log import LogLevels
        from granian.server.embed import Server

        # HTTP/1.1 only, as the site always spoke; no WebSocket routes; errors only in the
        # log (the embedded server warns at every start that it is "experimental").
        self._server = Server(app, address=host, port=port, interface=Interfaces.ASGI,
                              http=HTTPModes.http1, websockets=False, backlog=BACKLOG,
                              log_level=LogLevels.error)

    async def serve(self) -> None:
        """Lifespan startup, serve until `stop()`, then lifespan shutdown."""
        await self._server.serve()

    def stop(self) -> None:
        self._server.stop()  # type: ignore[no-untyped-call]  # granian's own is untyped

    @property
    def should_exit(self) -> bool:
        return bool(self._server.interrupt_signal)

    @should_exit.setter
    def should_exit(self, value: bool) -> None:
        """`server.should_exit = True` stops it (what callers of the uvicorn server did)."""
        if value:
            self.stop()


def embedded_server(settings: Settings, db: Database, host: str, port: int) -> EmbeddedServer:
    from jarida.web.app import create_app

    return EmbeddedServer(create_app(settings, db, background_version=True), host, port)


def stop_event() -> asyncio.Event:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    return stop


async def serve_until_stopped(settings: Settings, db: Database, *, host: str, port: int) -> None:
    """Serve until SIGINT or SIGTERM (or until the server stops by itself)."""
    stop = stop_event()
    server = embedded_server(settings, db, host, port)
    task = asyncio.create_task(server.serve())
    waiter = asyncio.create_task(stop.wait())
    await asyncio.wait([task, waiter], return_when=asyncio.FIRST_COMPLETED)
    waiter.cancel()
    server.stop()
    await task


def _exit_on_sigterm(signum: int, _frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def _serve_one_process(settings: Settings, host: str, port: int) -> None:
    """One serving process: its own database connections, its own event loop."""
    db = Database.open(settings.database_url)
    try:
        run_loop(serve_until_stopped(settings, db, host=host, port=port))
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
    """Serve from `workers` processes on one port (Linux/Unix: fork, SO_REUSEPORT).

    This process is one of them; the others are forked before any event loop, database
    connection or server thread exists. SIGTERM or Ctrl-C stop this one gracefully, and it
    then stops and waits for the others.
    """
    import jarida.web.app  # noqa: F401 - loaded once, before forking: the code is shared

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
                    _serve_one_process(settings, host, port)
                    code = 0
                except SystemExit as exc:
                    code = 0 if exc.code in (None, 0, 128 + signal.SIGTERM) else 1
                finally:
                    os._exit(code)
            children.append(pid)
        _serve_one_process(settings, host, port)
    finally:
        for pid in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        for pid in children:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
