"""A crawl pass's images, fetched while the pass goes on, as backlog in their hosts' queues.

The after-store hook (pipeline/image_hook.py) registers each stored article's image URL as
pending. After every write the crawler wakes the pump (`wake`), which reads the pending
URLs (on the crawler's database thread) and starts one fetch per URL it is not fetching
already, each waiting for its host's turn in the pass's `HostScheduler` at
`Priority.BACKLOG`: after that host's feed polls and fresh pages, through the same fetch
chain (SSRF guard, robots.txt, pacing, size cap). `drain` makes a last round for the
images of the last writes and waits for every fetch. At most `image_fetch_limit` images
are started per pass. When the pass stops, queued fetches are abandoned (their URLs stay
pending for the next pass), as pages are.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from typing import Any

from sqlalchemy import Connection

from jarida.crawl.fetcher import Fetcher
from jarida.media.ingest import ImageReport, JobRunner, fetch_image
from jarida.media.store import MediaStore
from jarida.pipeline.scheduler import HostScheduler, Priority, SchedulerClosed
from jarida.settings import Settings
from jarida.storage import images as image_store

DbCall = Callable[[Callable[[Connection], Any]], Awaitable[Any]]


class ImagePump:
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
        self._started: set[str] = set()
        self._tasks: set[asyncio.Task[None]] = set()
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
            await asyncio.gather(*self._tasks)
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
            if self._left > 0:
                pending = await self._read(
                    lambda c: image_store.pending_images(c, self._left + len(self._started)))
                for item in pending:
                    if item.url not in self._started and self._left > 0:
                        self._left -= 1
                        self._started.add(item.url)
                        task = asyncio.create_task(self._one(item))
                        self._tasks.add(task)
                        task.add_done_callback(self._tasks.discard)
            if closing:
                return

    async def _one(self, item: image_store.PendingImage) -> None:
        # A pass that stops abandons the queued fetches: still pending for the next pass.
        with contextlib.suppress(SchedulerClosed):
            await fetch_image(item, self._fetcher, self._pool, self._settings, self._store,
                              self.report, self._write, self._turn)

    def _turn(self, host: str) -> AbstractAsyncContextManager[object]:
        return self._scheduler.turn(host, Priority.BACKLOG)
