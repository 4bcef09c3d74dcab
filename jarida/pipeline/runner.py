"""`jarida run`: crawl whatever is due, sleep until the next feed is due, repeat.

With `serve=True` the website runs in the same event loop, so one process is a
whole news site. Ctrl-C (SIGINT) or SIGTERM stop both cleanly between batches.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from rich.console import Console

from jarida.pipeline.crawler import Crawler
from jarida.settings import Settings
from jarida.storage import Database
from jarida.storage.feeds import next_due_time

MAX_IDLE_SECONDS = 60.0


async def _wait_or_stop(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=max(0.0, seconds))


async def crawl_loop(settings: Settings, db: Database, stop: asyncio.Event,
                     console: Console) -> None:
    async with Crawler(settings, db) as crawler:
        while not stop.is_set():
            report = await crawler.crawl_once()
            if report.feeds_done:
                console.print(
                    f"{datetime.now(UTC):%H:%M:%S} polled {report.feeds_done} feeds, "
                    f"{report.new} new articles, {report.pages_fetched} pages"
                )
            with db.read() as conn:
                due = next_due_time(conn)
            wait = MAX_IDLE_SECONDS
            if due is not None:
                wait = min(wait, (due - datetime.now(UTC)).total_seconds())
            await _wait_or_stop(stop, wait)


def _server(settings: Settings, db: Database, host: str, port: int) -> Any:
    import uvicorn

    from jarida.web.app import create_app

    class EmbeddedServer(uvicorn.Server):
        """Leaves signal handling to us: one Ctrl-C stops crawler and server together."""

        @contextlib.contextmanager
        def capture_signals(self) -> Iterator[None]:
            yield

    return EmbeddedServer(
        uvicorn.Config(create_app(settings, db), host=host, port=port, log_level="warning")
    )


def _stop_event() -> asyncio.Event:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    return stop


async def serve_until_stopped(settings: Settings, db: Database, *, host: str, port: int) -> None:
    stop = _stop_event()
    server = _server(settings, db, host, port)
    task = asyncio.create_task(server.serve())
    await asyncio.wait([task, asyncio.create_task(stop.wait())],
                       return_when=asyncio.FIRST_COMPLETED)
    server.should_exit = True
    await task


async def run_forever(settings: Settings, db: Database, *, serve: bool, host: str, port: int,
                      console: Console) -> None:
    stop = _stop_event()
    tasks = [asyncio.create_task(crawl_loop(settings, db, stop, console))]
    server = None
    if serve:
        server = _server(settings, db, host, port)
        tasks.append(asyncio.create_task(server.serve()))
        console.print(f"Jarida is serving on http://{host}:{port}/ (Ctrl-C to stop)")
    await stop.wait()
    console.print("stopping…")
    if server is not None:
        server.should_exit = True
    await asyncio.gather(*tasks, return_exceptions=True)
