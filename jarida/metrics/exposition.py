"""The metrics text for a scrape, and `serve_metrics(port)` for processes without a website.

One process (`jarida crawl`, `jarida run`, the inline crawl's extraction workers report
to it): the default registry. Several processes that each count (`jarida serve
--workers N`, `jarida worker --processes N`): set `PROMETHEUS_MULTIPROC_DIR` to an empty
directory before they start; every process then writes its counters there (prometheus
multiprocess mode) and any one of them answers a scrape with the sum, plus its own live
gauges (jarida.metrics.live).
"""

from __future__ import annotations

import errno
import os
import tempfile
import threading
from collections.abc import MutableMapping
from wsgiref.simple_server import WSGIServer

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest, start_http_server
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import REGISTRY, CollectorRegistry

from jarida.metrics.live import LIVE

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
CONTENT_TYPE = CONTENT_TYPE_LATEST


def multiprocess_dir() -> str | None:
    return os.environ.get(MULTIPROC_ENV) or None


def exposition_registry() -> CollectorRegistry:
    """The registry a scrape reads: this process's, or every process's in multiprocess mode."""
    path = multiprocess_dir()
    if path is None:
        return REGISTRY
    registry = CollectorRegistry()
    MultiProcessCollector(registry, path=path)  # type: ignore[no-untyped-call]
    registry.register(LIVE)
    return registry


def render_metrics() -> bytes:
    """The Prometheus text format of every metric this process can see."""
    return generate_latest(exposition_registry())


class MetricsServer:
    """A running metrics port; `close()` stops it (tests, graceful exits)."""

    def __init__(self, server: WSGIServer, thread: threading.Thread) -> None:
        self._server, self._thread = server, thread
        self.port: int = server.server_port

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def fresh_multiprocess_dir(env: MutableMapping[str, str]) -> str:
    """Point `env`'s PROMETHEUS_MULTIPROC_DIR at an empty directory, before the processes
    that will share it start (`jarida worker --processes N` does this before it execs
    Dramatiq); a directory already named there is emptied of the last run's files."""
    path = env.get(MULTIPROC_ENV) or tempfile.mkdtemp(prefix="jarida-metrics-")
    os.makedirs(path, exist_ok=True)
    for name in os.listdir(path):
        if name.endswith(".db"):
            os.unlink(os.path.join(path, name))
    env[MULTIPROC_ENV] = path
    return path


def serve_metrics_if_free(port: int, address: str = "127.0.0.1") -> MetricsServer | None:
    """For processes started together (Dramatiq's worker processes, in multiprocess mode):
    the first to bind the port serves everyone's sum; the others serve nothing."""
    try:
        return serve_metrics(port, address)
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE:
            raise
        return None


def serve_metrics(port: int, address: str = "127.0.0.1") -> MetricsServer:
    """Answer `GET /metrics` on `address:port` from a daemon thread (0: any free port).

    Raises OSError when the port is taken (the command turns it into one line).
    """
    server, thread = start_http_server(port, addr=address, registry=exposition_registry())
    return MetricsServer(server, thread)
