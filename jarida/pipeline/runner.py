"""`jarida run`: crawl whatever is due, sleep until the next feed is due, repeat.

With `serve=True` the website runs in the same event loop, so one process is a
whole news site. Ctrl-C (SIGINT) or SIGTERM stop both cleanly between batches.
"""

from __future__ import annotations

import asyncio
import contextlib
from datetime import UTC, datetime

from rich.console import Console

from jarida.pipeline.crawler import Crawler
from jarida.settings import Settings
from jarida.storage import Database
from jarida.storage.feeds import next_due_time
from jarida.web.server import embedded_server, serve_until_stopped, stop_event

__all__ = ["crawl_loop", "run_forever", "serve_until_stopped"]

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


async def run_forever(settings: Settings, db: Database, *, serve: bool, host: str, port: int,
                      console: Console) -> None:
    stop = stop_event()
    tasks = [asyncio.create_task(crawl_loop(settings, db, stop, console))]
    server = None
    if serve:
        server = embedded_server(settings, db, host, port)
        tasks.append(asyncio.create_task(server.serve()))
        console.print(f"Jarida is serving on http://{host}:{port}/ (Ctrl-C to stop)")
    await stop.wait()
    console.print("stopping…")
    if server is not None:
        server.should_exit = True
    await asyncio.gather(*tasks, return_exceptions=True)
