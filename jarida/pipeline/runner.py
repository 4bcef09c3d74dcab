"""`jarida run`: crawl whatever is due, sleep until the next feed is due, repeat.

With `serve=True` the website runs in the same event loop, so one process is a
whole news site. The loop survives: a failed pass (the database gone for a few
seconds, a full disk) is logged with its cause, retried after a back-off, and
recorded where `jarida stats`, the admin's status page and `/readyz` read it; after
`crawl_max_failures` failed passes in a row it gives up and the process exits with
status 1, so that a supervisor restarts it. Ctrl-C (SIGINT) or SIGTERM stop taking
new work at once: what is in flight is finished and stored, queued fetches are
left to the next run, and the process exits within `STOP_GRACE_SECONDS`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
from datetime import UTC, datetime

from rich.console import Console

from jarida.alerts.service import alerts_loop
from jarida.pipeline.crawler import Crawler
from jarida.pipeline.report import CrawlReport
from jarida.settings import Settings
from jarida.storage import Database
from jarida.storage.crawl_passes import PassRecord, record_pass
from jarida.storage.failures import describe
from jarida.storage.feeds import next_due_time
from jarida.web.server import embedded_server, serve_until_stopped, stop_event

__all__ = ["CrawlGivingUp", "crawl_loop", "run_forever", "serve_until_stopped"]

log = logging.getLogger("jarida.crawl")

MAX_IDLE_SECONDS = 60.0
STOP_GRACE_SECONDS = 8.0  # systemd waits 90 s before SIGKILL, Docker 10 s
RETRY_FIRST_SECONDS = 5.0
RETRY_MAX_SECONDS = 300.0


class CrawlGivingUp(Exception):
    """Too many failed passes in a row; the message is one line for the operator."""


def runner_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def retry_delay(failures: int) -> float:
    """5 s, 10 s, 20 s ... up to 5 minutes between failed passes."""
    return float(min(RETRY_MAX_SECONDS, RETRY_FIRST_SECONDS * 2.0 ** max(0, failures - 1)))


async def _wait_or_stop(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=max(0.0, seconds))


async def _record(db: Database, record: PassRecord) -> None:
    """Best effort: when the database is what failed, the log line is the record."""
    def write() -> None:
        with db.write() as conn:
            record_pass(conn, record)

    try:
        await asyncio.to_thread(write)
    except Exception as exc:
        log.debug("could not record the crawl pass: %s", describe(exc))


async def _next_wait(db: Database) -> float:
    def read() -> datetime | None:
        with db.read() as conn:
            return next_due_time(conn)

    try:
        due = await asyncio.to_thread(read)
    except Exception as exc:
        log.warning("could not read the next due time: %s", describe(exc))
        return RETRY_FIRST_SECONDS
    if due is None:
        return MAX_IDLE_SECONDS
    return min(MAX_IDLE_SECONDS, (due - datetime.now(UTC)).total_seconds())


def _pass_line(report: CrawlReport) -> str:
    return (f"crawl pass: {report.feeds_done} feeds, {report.pages_fetched} pages, "
            f"{report.new} new, {report.stored - report.new} updated, {report.failed} failed "
            f"in {report.seconds:.1f} s")


async def crawl_loop(settings: Settings, db: Database, stop: asyncio.Event,
                     console: Console | None = None) -> None:
    """Crawl until `stop` is set; raises CrawlGivingUp after too many failed passes."""
    runner = runner_name()
    failures = 0
    async with Crawler(settings, db) as crawler:
        watcher = asyncio.create_task(_stop_on(stop, crawler))
        try:
            while not stop.is_set():
                started = datetime.now(UTC)
                try:
                    report = await crawler.crawl_once()
                except Exception as exc:
                    failures += 1
                    cause = describe(exc)
                    await _record(db, PassRecord(runner, started, datetime.now(UTC), False,
                                                 cause))
                    if failures >= settings.crawl_max_failures:
                        raise CrawlGivingUp(
                            f"crawling failed {failures} times in a row, last: {cause}; "
                            "check the database and the disk, then start Jarida again"
                        ) from exc
                    delay = retry_delay(failures)
                    log.error("crawl pass failed (%d in a row): %s; retrying in %.1f s",
                              failures, cause, delay)
                    await _wait_or_stop(stop, delay)
                    continue
                failures = 0
                if report.feeds_done:
                    line = _pass_line(report)
                    log.info(line)
                    if console is not None:
                        console.print(f"{datetime.now(UTC):%H:%M:%S} {line}")
                await _record(db, PassRecord(
                    runner, started, datetime.now(UTC), True, feeds=report.feeds_done,
                    pages=report.pages_fetched, stored=report.stored,
                    failed=report.failed))
                await _wait_or_stop(stop, await _next_wait(db))
        finally:
            watcher.cancel()


async def _stop_on(stop: asyncio.Event, crawler: Crawler) -> None:
    await stop.wait()
    crawler.request_stop()


async def run_forever(settings: Settings, db: Database, *, serve: bool, host: str, port: int,
                      console: Console) -> int:
    """Crawl (and serve) until stopped; the process's exit status."""
    stop = stop_event()
    crawl = asyncio.create_task(crawl_loop(settings, db, stop, console))
    tasks: list[asyncio.Task[None]] = [crawl]
    tasks.append(asyncio.create_task(alerts_loop(settings, db, stop)))  # room alerts
    server = None
    if serve:
        server = embedded_server(settings, db, host, port)
        tasks.append(asyncio.create_task(server.serve()))
        console.print(f"Jarida is serving on http://{host}:{port}/ (Ctrl-C to stop)")
    stopped = asyncio.create_task(stop.wait())
    await asyncio.wait([stopped, crawl], return_when=asyncio.FIRST_COMPLETED)
    status = 0
    if crawl.done() and not stop.is_set():
        error = crawl.exception()
        message = str(error) if isinstance(error, CrawlGivingUp) else describe(error) \
            if error else "the crawl loop ended"
        console.print(f"error: {message}")
        status = 1
        stop.set()
    else:
        console.print("stopping…")
    if server is not None:
        server.should_exit = True
    _, pending = await asyncio.wait(tasks, timeout=STOP_GRACE_SECONDS)
    for task in pending:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    stopped.cancel()
    return status
