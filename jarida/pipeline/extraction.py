"""Running the extractor on every core: a process pool, or inline for one worker.

The crawl process itself never extracts, so the extractor (trafilatura, lxml,
dateparser, the language model: about 2 s of imports) is imported only where
`run_job` runs, in the workers.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from types import FrameType
from typing import TypeVar

from jarida.lxml_turn import lxml_turn
from jarida.metrics.crawl import record_extraction
from jarida.model import ArticleRecord, Entry, Extracted, Feed, Source
from jarida.pipeline.allocator import keep_freed_memory
from jarida.pipeline.orphans import exit_with_parent

_J = TypeVar("_J")
_R = TypeVar("_R")

# No honest page takes this long (a few hundred milliseconds is usual); a page that
# does is hostile or pathological, and it fails alone instead of holding a worker.
PAGE_TIME_LIMIT_SECONDS = 30.0


class ExtractionTimeout(Exception):
    """Extracting one page took longer than its time limit."""


class _Expired(BaseException):
    """Raised by the alarm; a BaseException so no `except Exception` inside a library
    swallows it. run_job turns it into ExtractionTimeout."""


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Interrupt the block after `seconds` (SIGALRM: worker processes' main thread only;
    the one-worker thread mode and platforms without setitimer run unlimited)."""
    if (seconds <= 0 or not hasattr(signal, "setitimer")
            or threading.current_thread() is not threading.main_thread()):
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    outer, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer > 0:  # someone else's alarm (a test runner's timeout) keeps running
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - started), 1e-3))


@dataclass(frozen=True)
class ExtractJob:
    body: bytes | str
    url: str
    timezone: str
    fallback: Entry | None
    source_name: str | None
    languages: tuple[str, ...]
    encoding: str | None = None  # of `body` when it is bytes, as the fetcher detected it
    time_limit: float = PAGE_TIME_LIMIT_SECONDS


@dataclass(frozen=True)
class RecordJob:
    """Everything a worker needs to turn a fetched page into a storable record."""

    extract: ExtractJob
    entry: Entry
    feed: Feed
    source: Source
    fetched_at: datetime
    # SQLite's search index forms of the title and text (storage.searchtext.index_text)
    index_forms: bool = False


def run_record_job(job: RecordJob) -> ArticleRecord:
    """Decode, extract, clean, fingerprint, prepare the after-store hooks' signatures and
    features and (for SQLite) stem in the worker: the crawl process, whose one core also
    runs the event loop and every database write, stays light."""
    from jarida.pipeline.build import build_record
    from jarida.pipeline.derived import derive

    extracted = run_job(job.extract)
    record = build_record(extracted, entry=job.entry, feed=job.feed, source=job.source,
                          fetched_url=job.extract.url, fetched_at=job.fetched_at)
    # The after-store hooks' database-free work, here rather than on the writer thread.
    record = replace(record, derived=derive(record))
    if not job.index_forms:
        return record
    from jarida.storage.searchtext import index_pair

    return replace(record, index_forms=index_pair(record.language, record.title, record.text))


def timed_record_job(job: RecordJob) -> tuple[ArticleRecord, float]:
    """`run_record_job` and its duration in the worker (the crawl process records it)."""
    started = time.perf_counter()
    record = run_record_job(job)
    return record, time.perf_counter() - started


def run_job(job: ExtractJob) -> Extracted:
    """Top-level so it pickles into worker processes."""
    from jarida.crawl.encoding import decode, detect_encoding
    from jarida.extract import extract_article

    kwargs = {"languages": job.languages} if job.languages else {}
    body = job.body
    try:
        # One thread of a process extracts at a time: lxml crashes the process when
        # threads use it at once (jarida/lxml_turn.py).
        with lxml_turn(), _time_limit(job.time_limit):
            if isinstance(body, bytes) and body:
                body = decode(body, job.encoding or detect_encoding(body, None))
            return extract_article(
                body,
                job.url,
                timezone=job.timezone,
                fallback=job.fallback,
                source_name=job.source_name,
                **kwargs,  # type: ignore[arg-type]
            )
    except _Expired:
        raise ExtractionTimeout(
            f"extraction of {job.url} took longer than {job.time_limit:g} s") from None


def _worker_context() -> multiprocessing.context.BaseContext:
    """Workers must not inherit the crawl's event loop, sockets or database connections.

    forkserver: a fresh interpreter (not a fork of this process) imports the extraction
    stack once (jarida.pipeline.warmup) and every worker is forked from it, ready. Where
    there is no forkserver, each worker is a fresh interpreter (spawn).
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["jarida.pipeline.warmup"])
    return ctx


def _ready() -> bool:
    return True


def worker_start() -> None:
    """Each worker process: exit with the crawl, keep freed memory (see allocator)."""
    exit_with_parent()
    keep_freed_memory()


class ExtractorPool:
    """One process per core (`extract_workers`, 0 = all cores); 1 runs in a thread."""

    def __init__(self, workers: int) -> None:
        count = workers or os.cpu_count() or 1
        self._workers = count
        self._executor: Executor
        if count <= 1:
            self._executor = ThreadPoolExecutor(1, thread_name_prefix="jarida-extract")
        else:
            self._executor = ProcessPoolExecutor(count, mp_context=_worker_context(),
                                                 initializer=worker_start)

    @property
    def in_processes(self) -> bool:
        return isinstance(self._executor, ProcessPoolExecutor)

    def warm(self) -> None:
        """Start every worker now, in the calling thread (blocking until they are up).

        A worker process is otherwise started by the first job that needs it, and with a
        fork server that start waits for the server to import the extraction stack: about
        a second during which the thread that submitted the job, the crawl's event loop,
        stood still (no host fetched, seen in the many-host benchmark as one second with
        3 hosts of 40 served). The crawl calls this from a helper thread while it fetches
        robots.txt and feeds.
        """
        if isinstance(self._executor, ProcessPoolExecutor):
            for future in [self._executor.submit(_ready) for _ in range(self._workers)]:
                future.result()

    async def extract(self, job: ExtractJob) -> Extracted:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, run_job, job)

    async def record(self, job: RecordJob) -> ArticleRecord:
        loop = asyncio.get_running_loop()
        record, seconds = await loop.run_in_executor(self._executor, timed_record_job, job)
        record_extraction(seconds)  # timed in the worker, counted here: one process counts
        return record

    async def run(self, fn: Callable[[_J], _R], job: _J) -> _R:
        """Any picklable top-level function (image processing, jarida.media.ingest)."""
        return await asyncio.get_running_loop().run_in_executor(self._executor, fn, job)

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
