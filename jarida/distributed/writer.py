"""One writer per worker process: the pages of its actor threads share transactions.

An article message used to store its page in a transaction of its own: one commit, and
one round of the after-store hooks' look-ups, per page: the fleet's PostgreSQL CPU per
page was two to three times the inline crawler's (docs/benchmarks.md).
Here the actor threads of one process hand their finished page to the inline crawler's
combiner (`pipeline/write_combiner.py`), run on an event loop in a thread of its own:
it writes what is waiting in one transaction (`store_batch`, hooks included), letting a
batch fill for up to `worker_write_linger_seconds` (0.2 s) while other threads of the
process are still fetching or extracting a page, at most `max_records` pages (`tasks.Runtime`: the
`write_batch_size`, and at most half the process's threads, since each waits for its
page's commit while the others start the pages whose host's turn comes).

Each thread waits until the transaction holding its page has committed, and only then
does its actor return, so Dramatiq acknowledges a message only after its own page is
stored: a worker killed mid-batch commits nothing and every message of the batch comes
back (the upsert by canonical URL and the hooks are idempotent). A batch whose storage
fails (`StorageUnavailable`) raises in every one of its threads, so each message is
retried by the broker; a record that fails alone (`store_batch` then writes one record
at a time) fails only its own message's entry.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

from jarida.model import ArticleRecord
from jarida.pipeline.batch import BatchOutcome
from jarida.pipeline.write_combiner import WriteCombiner
from jarida.storage.fetchlog import FetchLogEntry

Store = Callable[[list[ArticleRecord], list[FetchLogEntry]], BatchOutcome]


class ProcessWriter:
    """Combines the page writes of the threads of one process (started on first use)."""

    def __init__(self, store: Store, *, max_records: int | Callable[[], int],
                 linger: float) -> None:
        self._store = store
        self._max = max_records
        self._linger = linger
        self._lock = threading.Lock()
        self._on_the_way = 0  # pages of this process being fetched or extracted
        self._loop: asyncio.AbstractEventLoop | None = None
        self._combiner: WriteCombiner | None = None
        self._db_thread = ThreadPoolExecutor(1, thread_name_prefix="jarida-writer-db")

    def _started(self) -> tuple[asyncio.AbstractEventLoop, WriteCombiner]:
        with self._lock:
            if self._loop is None or self._combiner is None:
                loop = asyncio.new_event_loop()
                size = self._max if isinstance(self._max, int) else self._max()
                self._combiner = WriteCombiner(self._write, max_records=size,
                                               linger=self._linger,
                                               more_coming=lambda: self._on_the_way > 0)
                threading.Thread(target=loop.run_forever, daemon=True,
                                 name="jarida-writer").start()
                self._loop = loop
            return self._loop, self._combiner

    @contextmanager
    def page(self) -> Iterator[PageSlot]:
        """Around one page's fetch, extraction and `write`: while any page of the process
        is on its way, a batch may wait for it (up to the linger)."""
        with self._lock:
            self._on_the_way += 1
        slot = PageSlot(self)
        try:
            yield slot
        finally:
            if not slot.arrived:  # no page came of it: no batch waits for it any more
                self._gone()

    def _gone(self) -> None:
        with self._lock:
            self._on_the_way -= 1
            loop, combiner = self._loop, self._combiner
        if loop is not None and combiner is not None:
            loop.call_soon_threadsafe(combiner.nudge)

    def _submit(self, slot: PageSlot, record: ArticleRecord, log: FetchLogEntry
                ) -> BatchOutcome:
        loop, combiner = self._started()

        async def submit() -> BatchOutcome:
            with self._lock:  # arrived and queued in one step: no batch sees a gap
                self._on_the_way -= 1
            return await combiner.submit([record], [log])

        slot.arrived = True
        return asyncio.run_coroutine_threadsafe(submit(), loop).result()

    async def _write(self, records: list[ArticleRecord], logs: list[FetchLogEntry]
                     ) -> BatchOutcome:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._db_thread, self._store, records, logs)

    def close(self) -> None:
        with self._lock:
            loop, combiner = self._loop, self._combiner
            self._loop = self._combiner = None
        if loop is not None and combiner is not None:
            asyncio.run_coroutine_threadsafe(combiner.close(), loop).result(10)
            loop.call_soon_threadsafe(loop.stop)
        self._db_thread.shutdown(wait=False)


class PageSlot:
    """One page on its way to its process's writer."""

    def __init__(self, writer: ProcessWriter) -> None:
        self._writer = writer
        self.arrived = False

    def write(self, record: ArticleRecord, log: FetchLogEntry) -> BatchOutcome:
        """Store the page with the others waiting (once); returns when its transaction
        has committed, what became of it, or raises what its batch raised."""
        if self.arrived:
            raise RuntimeError("a page slot writes one page")
        return self._writer._submit(self, record, log)
