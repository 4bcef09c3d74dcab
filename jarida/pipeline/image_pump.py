"""A crawl pass's images, fetched while the pass goes on, as backlog in their hosts' queues.

The after-store hook (pipeline/image_hook.py) registers each stored article's image URL as
pending. After every write the crawler wakes the pump (`wake`), which reads the pending
URLs (on the crawler's database thread) and starts one fetch per URL it has not fetched
in this pass (rows of that URL from articles written since get that fetch's outcome, with
no second fetch), each waiting for its host's turn in the pass's `HostScheduler` at
`Priority.BACKLOG`: after that host's feed polls and fresh pages, through the same fetch
chain (SSRF guard, robots.txt, pacing, size cap). `drain` makes a last round for the
images of the last writes and waits for every fetch. At most `image_fetch_limit` images
are started per pass. When the pass stops, queued fetches are abandoned (their URLs stay
pending for the next pass), as pages are.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Coroutine
from contextlib import AbstractAsyncContextManager
from typing import Any, TypeVar

from sqlalchemy import Connection

from jarida.crawl.fetcher import Fetcher
from jarida.media.ingest import ImageOutcome, ImageReport, JobRunner, fetch_image
from jarida.media.store import MediaStore
from jarida.pipeline.scheduler import HostScheduler, Priority, SchedulerClosed
from jarida.settings import Settings
from jarida.storage import images as image_store

_R = TypeVar("_R")
DbCall = Callable[[Callable[[Connection], Any]], Awaitable[Any]]


class ImagePump:
    """One crawl pass's image fetches (see the module's docstring)."""

    def __init__(self, fetcher: Fetcher, pool: JobRunner | None, settings: Settings,
                 scheduler: HostScheduler, read: DbCall, write: DbCall) -> None:
        self._fetcher = fetcher
        self._pool = pool
        self._settings = settings
        self._scheduler = scheduler
        self._read = read
        self._write = write
        self._store = MediaStore(settings.media_dir)
        self._left = settings.image_fetch_limit
        self._wake = asyncio.Event()
        self._closing = False
        self._started: dict[str, asyncio.Task[ImageOutcome | None]] = {}
        self._handled: dict[str, set[int]] = {}  # image rows settled or being settled, by URL
        self._tasks: set[asyncio.Task[Any]] = set()
        self._runner = asyncio.create_task(self._run())
        self.report = ImageReport()

    def wake(self) -> None:
        """Articles were written: their images may be pending now."""
        self._wake.set()

    async def drain(self) -> ImageReport:
        """One last round, then wait for every image fetch of the pass."""
        self._closing = True
        self._wake.set()
        await self._runner
        while self._tasks:
            await asyncio.gather(*list(self._tasks))
        return self.report

    def cancel(self) -> None:
        self._runner.cancel()
        for task in self._tasks:
            task.cancel()

    async def _run(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            closing = self._closing
            if self._left > 0 or self._started:  # new URLs, or new rows of fetched ones
                pending = await self._read(
                    lambda c: image_store.pending_images(c, self._left + len(self._started)))
                for item in pending:
                    self._launch(item)
            if closing:
                return

    def _launch(self, item: image_store.PendingImage) -> None:
        handled = self._handled.setdefault(item.url, set())
        later = [i for i in item.ids if i not in handled]
        if not later:
            return
        first = self._started.get(item.url)
        if first is not None:
            handled.update(later)
            self._track(self._later(first, later))
        elif self._left > 0:
            handled.update(later)
            self._left -= 1
            self._started[item.url] = self._track(self._one(item))

    def _track(self, work: Coroutine[Any, Any, _R]) -> asyncio.Task[_R]:
        task = asyncio.create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def _one(self, item: image_store.PendingImage) -> ImageOutcome | None:
        # A pass that stops abandons the queued fetches: still pending for the next pass.
        with contextlib.suppress(SchedulerClosed):
            return await fetch_image(item, self._fetcher, self._pool, self._settings,
                                     self._store, self.report, self._write, self._turn)
        return None

    async def _later(self, first: asyncio.Task[ImageOutcome | None], ids: list[int]) -> None:
        """Rows of a URL already fetched (or being fetched) in this pass: its outcome."""
        outcome = await asyncio.shield(first)
        if outcome is not None:
            await self._write(lambda c: outcome.apply(c, self._settings, ids))

    def _turn(self, host: str) -> AbstractAsyncContextManager[object]:
        return self._scheduler.turn(host, Priority.BACKLOG)
