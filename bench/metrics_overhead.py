"""Cost of counting and timing each request (jarida.metrics.web) on the hottest route.

A cached home page is answered through the whole application (`app(scope)`, metrics
included) and through the same application without the metrics wrapper (`app._answer`),
alternately in rounds, in one process: the difference is what the metrics cost.

    python -m bench.metrics_overhead [--requests 20000]
    python -m bench.metrics_overhead --http [--duration 5]

With `--http`, the same comparison over the network: `jarida serve` as shipped and
`jarida serve` with the wrapper taken out (JaridaApp.__call__ patched in that process
only), each under wrk on the cached home page, alternately.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from starlette.types import Message, Scope

from bench.common import free_port, wait_http
from jarida.settings import Settings
from jarida.storage import Database
from jarida.web.app import JaridaApp, create_app

Call = Callable[[Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]],
                Awaitable[None]]


def _scope() -> Scope:
    return {"type": "http", "method": "GET", "path": "/", "raw_path": b"/", "root_path": "",
            "query_string": b"", "headers": [(b"accept-language", b"fr")], "scheme": "http",
            "server": ("127.0.0.1", 8000), "client": ("127.0.0.1", 5000),
            "http_version": "1.1", "asgi": {"version": "3.0"}}


async def _rate(call: Call, requests: int) -> float:
    async def receive() -> Message:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Message) -> None:
        return None

    started = time.perf_counter()
    for _ in range(requests):
        await call(_scope(), receive, send)
    return (time.perf_counter() - started) / requests * 1e6  # µs per request


async def _measure(app: JaridaApp, requests: int, rounds: int) -> tuple[list[float], list[float]]:
    await _rate(app, 200)  # render and cache the page
    with_metrics, without = [], []
    for _ in range(rounds):
        with_metrics.append(await _rate(app, requests))
        without.append(await _rate(app._answer, requests))
    return with_metrics, without


_UNWRAPPED = """
import sys
from jarida.web.app import JaridaApp
async def call(self, scope, receive, send):
    if scope["type"] == "http":
        await self._answer(scope, receive, send)
    else:
        await super(JaridaApp, self).__call__(scope, receive, send)
JaridaApp.__call__ = call
from jarida.cli import run
sys.argv = ["jarida", *sys.argv[1:]]
run()
"""


def _serve(db: Path, *, metrics: bool) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    head = ["-m", "jarida"] if metrics else ["-c", _UNWRAPPED]
    env = {**os.environ, "JARIDA_DATABASE_URL": f"sqlite:///{db}", "JARIDA_LOG_LEVEL": "WARNING"}
    proc = subprocess.Popen([sys.executable, *head, "serve", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    wait_http(f"{base}/", timeout=120)
    return proc, base


def http_main(duration: int, rounds: int) -> None:
    from bench.web import wrk

    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "bench.db"
        db = Database.open(f"sqlite:///{db_path}")
        db.upgrade()
        db.close()
        servers = {name: _serve(db_path, metrics=name == "with metrics")
                   for name in ("with metrics", "without metrics")}
        rates: dict[str, list[float]] = {name: [] for name in servers}
        try:
            for _ in range(rounds):
                for name, (_, base) in servers.items():
                    rates[name].append(wrk(f"{base}/", duration=duration, connections=16,
                                           threads=1)["rps"])
        finally:
            for proc, _ in servers.values():
                proc.terminate()
                proc.wait(30)
    print(f"cached home page over HTTP, wrk -c16 -t1, {rounds} x {duration} s (req/s):")
    for name, values in rates.items():
        print(f"  {name:16s} median {statistics.median(values):8.0f}  runs "
              + " ".join(f"{v:.0f}" for v in values))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--http", action="store_true")
    parser.add_argument("--duration", type=int, default=5)
    args = parser.parse_args()
    if args.http:
        http_main(args.duration, args.rounds)
        return
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        db = Database.open(url)
        db.upgrade()
        app = create_app(Settings(database_url=url), db)
        assert isinstance(app, JaridaApp)
        with_metrics, without = asyncio.run(_measure(app, args.requests, args.rounds))
        db.close()
    a, b = statistics.median(with_metrics), statistics.median(without)
    print(f"cached home page, {args.requests} requests x {args.rounds} rounds (median µs/request):")
    print(f"  with metrics    {a:7.2f}")
    print(f"  without metrics {b:7.2f}")
    print(f"  cost            {a - b:7.2f} µs ({(a - b) / b * 100:+.1f} %)")


if __name__ == "__main__":
    main()
