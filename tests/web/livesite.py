"""The real server (granian, as `jarida serve` runs it) on 127.0.0.1 in a thread, for the
browser tests and the server's own tests."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from jarida.web.server import EmbeddedServer


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


@contextmanager
def served_in_thread(app: Any, port: int) -> Iterator[threading.Thread]:
    """EmbeddedServer in its own thread and event loop; stopped (and checked) on exit."""
    server = EmbeddedServer(app, "127.0.0.1", port)
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_until_complete, args=(server.serve(),),
                              daemon=True)
    thread.start()
    try:
        yield thread
    finally:
        loop.call_soon_threadsafe(server.stop)  # the server belongs to its loop's thread
        thread.join(timeout=10)
        assert not thread.is_alive(), "the embedded server did not stop"
        loop.close()


@contextmanager
def live_server(app: Any, port: int | None = None) -> Iterator[str]:
    """Serve `app` on loopback (a free port unless given); yields its base URL."""
    port = port or free_port()
    with served_in_thread(app, port) as thread:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline or not thread.is_alive():
                    raise RuntimeError("the test server did not start") from None
                time.sleep(0.02)
        yield f"http://127.0.0.1:{port}"
