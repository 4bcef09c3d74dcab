"""Running the extractor on every core: a process pool, or inline for one worker.

The crawl process itself never extracts, so the extractor (trafilatura, lxml,
dateparser, the language model: about 2 s of imports) is imported only where
`run_job` runs, in the workers.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime

from jarida.model import ArticleRecord, Entry, Extracted, Feed, Source


@dataclass(frozen=True)
class ExtractJob:
    body: bytes | str
    url: str
    timezone: str
    fallback: Entry | None
    source_name: str | None
    languages: tuple[str, ...]
    encoding: str | None = None  # of `body` when it is bytes, as the fetcher detected it


@dataclass(frozen=True)
class RecordJob:
    """Everything a worker needs to turn a fetched page into a storable record."""

    extract: ExtractJob
    entry: Entry
    feed: Feed
    source: Source
    fetched_at: datetime


def run_record_job(job: RecordJob) -> ArticleRecord:
    """Decode, extract, clean and fingerprint in the worker: the crawl loop stays light."""
    from jarida.pipeline.build import build_record

    extracted = run_job(job.extract)
    return build_record(extracted, entry=job.entry, feed=job.feed, source=job.source,
                        fetched_url=job.extract.url, fetched_at=job.fetched_at)


def run_job(job: ExtractJob) -> Extracted:
    """Top-level so it pickles into worker processes."""
    from jarida.crawl.encoding import decode, detect_encoding
    from jarida.extract import extract_article

    kwargs = {"languages": job.languages} if job.languages else {}
    body = job.body
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


class ExtractorPool:
    """One process per core (`extract_workers`, 0 = all cores); 1 runs in a thread."""

    def __init__(self, workers: int) -> None:
        count = workers or os.cpu_count() or 1
        self._executor: Executor
        if count <= 1:
            self._executor = ThreadPoolExecutor(1, thread_name_prefix="jarida-extract")
        else:
            # spawn: workers must not inherit the event loop, sockets or DB connections.
            ctx = multiprocessing.get_context("spawn")
            self._executor = ProcessPoolExecutor(count, mp_context=ctx)

    async def extract(self, job: ExtractJob) -> Extracted:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, run_job, job)

    async def record(self, job: RecordJob) -> ArticleRecord:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, run_record_job, job)

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
