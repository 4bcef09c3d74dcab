"""One writer for the whole crawl: pages from every feed share transactions.

Each feed hands its finished pages (and fetch log lines) over as they come and goes on
fetching; a single writer loop takes what is waiting, up to `max_records` records, and
writes it in one transaction, after-store hooks included, on the database thread. While
pages are still on their way it lets a batch fill for up to `linger` seconds (counted
from the oldest waiting page), then writes whatever there is.

Why: a feed that awaited each write stored its pages one per transaction (a crawl of one
large outlet, 2,000 transactions of one article), and a batch of one costs about twice
the CPU per article of a batch of 200 (the hooks' lookups and the commit are per batch);
a feed that waited for a full batch instead wrote everything at its end. Sharing one
batch across feeds also means 40 outlets paced alike do not make 40 transactions a
second.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from jarida.model import ArticleRecord
from jarida.pipeline.batch import BatchOutcome
from jarida.storage.fetchlog import FetchLogEntry

Write = Callable[[list[ArticleRecord], list[FetchLogEntry]], Awaitable[BatchOutcome]]


@dataclass
class _Request:
    records: list[ArticleRecord]
    logs: list[FetchLogEntry]
    done: asyncio.Future[BatchOutcome]
    at: float


class WriteCombiner:
    def __init__(self, write: Write, *, max_records: int, linger: float,
                 more_coming: Callable[[], bool]) -> None:
        self._write = write
        self._max = max(1, max_records)
        self._linger = linger
        self._more_coming = more_coming
        self._queue: deque[_Request] = deque()
        self._arrived = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def submit(self, records: Sequence[ArticleRecord], logs: Sequence[FetchLogEntry]
                     ) -> BatchOutcome:
        """Queue a feed's pages for writing; returns what became of these pages only."""
        loop = asyncio.get_running_loop()
        request = _Request(list(records), list(logs), loop.create_future(), loop.time())
        self._queue.append(request)
        self._arrived.set()
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run())
        return await request.done

    def nudge(self) -> None:
        """Something changed what `more_coming` says: stop waiting for a fuller batch."""
        self._arrived.set()

    async def close(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    def _waiting_records(self) -> int:
        return sum(len(r.records) for r in self._queue)

    async def _fill(self) -> None:
        """Wait, while pages are still coming, until a full batch waits or the oldest
        waiting page has waited `linger` seconds."""
        loop = asyncio.get_running_loop()
        while self._queue and self._waiting_records() < self._max and self._more_coming():
            wait = self._queue[0].at + self._linger - loop.time()
            if wait <= 0:
                return
            self._arrived.clear()
            try:
                await asyncio.wait_for(self._arrived.wait(), wait)
            except TimeoutError:
                return

    def _take(self) -> list[_Request]:
        taken: list[_Request] = []
        count = 0
        while self._queue and (not taken or count + len(self._queue[0].records) <= self._max):
            request = self._queue.popleft()
            taken.append(request)
            count += len(request.records)
        return taken

    async def _run(self) -> None:
        while self._queue:
            await self._fill()
            taken = self._take()
            try:
                outcome = await self._write([r for t in taken for r in t.records],
                                            [e for t in taken for e in t.logs])
            except asyncio.CancelledError:
                for request in taken + list(self._queue):
                    request.done.cancel()
                raise
            except Exception as exc:  # e.g. StorageUnavailable: every waiting feed hears it
                for request in taken:
                    if not request.done.done():
                        request.done.set_exception(exc)
                continue
            for request, part in zip(taken, split(outcome, [t.records for t in taken]),
                                     strict=True):
                if not request.done.done():
                    request.done.set_result(part)


def split(outcome: BatchOutcome, groups: list[list[ArticleRecord]]) -> list[BatchOutcome]:
    """The outcome of a combined batch, per request. `store_batch` lists saved results in
    the order of the records it saved and names failed records by identity."""
    failed = {id(record): error for record, error in outcome.failed}
    saved = iter(outcome.saved)
    parts = []
    for records in groups:
        part = BatchOutcome()
        for record in records:
            if id(record) in failed:
                part.failed.append((record, failed[id(record)]))
            else:
                part.saved.append(next(saved))
        parts.append(part)
    return parts
