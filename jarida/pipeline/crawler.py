"""The inline crawler: every due feed polled, new entries fetched, extracted and stored.

Ordering is what keeps a crash harmless: a feed's new validators (ETag, body
hash) are saved only after all of its articles are committed, so a killed
crawl re-reads the feed on restart and the unique canonical URL turns any
repeated work into updates, never duplicates.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime
from types import TracebackType
from typing import TypeVar

from sqlalchemy import Connection

from jarida.crawl.fetcher import Fetcher
from jarida.crawl.result import FetchResult
from jarida.dedup import canonical_url
from jarida.model import ArticleRecord, Entry, Feed, Source
from jarida.pipeline.build import EmptyArticle
from jarida.pipeline.extraction import ExtractJob, ExtractorPool, RecordJob
from jarida.pipeline.hooks import StoredArticle, after_store_hooks
from jarida.pipeline.observer import CrawlObserver, NullObserver
from jarida.pipeline.poll import PollResult, poll_feed
from jarida.pipeline.report import CrawlReport
from jarida.pipeline.schedule import failure_delay, next_interval, next_poll_time
from jarida.settings import Settings
from jarida.storage import Database
from jarida.storage import articles as article_store
from jarida.storage import feeds as feed_store
from jarida.storage import sources as source_store
from jarida.storage.fetchlog import FetchLogEntry, log_fetches

_T = TypeVar("_T")


def _log_entry(
    result: FetchResult, feed_id: int | None, outcome: str | None = None
) -> FetchLogEntry:
    if outcome is None:
        outcome = "not_modified" if result.not_modified else "ok" if result.ok else "error"
        if result.gone:
            outcome = "gone"
    return FetchLogEntry(
        url=result.url, outcome=outcome, fetched_at=datetime.now(UTC), feed_id=feed_id,
        status=result.status, error=result.error, bytes=len(result.body),
        elapsed_ms=int(result.elapsed * 1000),
    )


# Fetched pages waiting for extraction, per fetch slot (crawl_concurrency).
BACKLOG_PER_SLOT = 4


class Crawler:
    """Use as `async with Crawler(settings, db) as crawler: await crawler.crawl_once()`."""

    def __init__(
        self,
        settings: Settings,
        db: Database,
        *,
        fetcher: Fetcher | None = None,
        observer: CrawlObserver | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.settings = settings
        self.db = db
        self.fetcher = fetcher or Fetcher.from_settings(settings)
        self.observer = observer or NullObserver()
        self._rng = rng or random.Random()
        self._pool = ExtractorPool(settings.extract_workers)
        self._sqlite = db.engine.dialect.name == "sqlite"  # workers stem for its index
        # One thread for every database call: SQLite has one writer, and the loop never blocks.
        self._db_thread = ThreadPoolExecutor(1, thread_name_prefix="jarida-db")
        self._slots = asyncio.Semaphore(settings.crawl_concurrency)
        # Pages fetched but not yet extracted, at most this many: fetching outruns the
        # extraction workers, and without a bound a large sitemap would hold every page
        # body in memory at once while they catch up.
        self._backlog = asyncio.Semaphore(BACKLOG_PER_SLOT * settings.crawl_concurrency)
        self._in_flight: set[str] = set()
        self._hooks = after_store_hooks(settings)

    async def __aenter__(self) -> Crawler:
        return self

    async def __aexit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self.fetcher.aclose()
        self._pool.close()
        self._db_thread.shutdown(wait=True)

    async def _db(self, fn: Callable[[Connection], _T], *, write: bool = True) -> _T:
        def run() -> _T:
            with self.db.write() if write else self.db.read() as conn:
                return fn(conn)

        return await asyncio.get_running_loop().run_in_executor(self._db_thread, run)

    async def crawl_once(self, source: str | None = None, *, force: bool = False) -> CrawlReport:
        """Poll every feed that is due (of one source, or all) once, and wait for the end."""
        started = time.monotonic()
        now = datetime.now(UTC)
        if force:
            await self._db(lambda c: feed_store.make_feeds_due(c, now, source_slug=source))
        feeds = await self._db(
            lambda c: feed_store.due_feeds(c, now, source_slug=source), write=False
        )
        sources = await self._db(
            lambda c: {s.id: s for s in source_store.all_sources(c)}, write=False
        )
        report = CrawlReport(feeds_total=len(feeds))
        self.observer.feeds_planned(len(feeds))
        self._in_flight.clear()
        await asyncio.gather(*(self._crawl_feed(f, sources[f.source_id], report) for f in feeds))
        report.seconds = time.monotonic() - started
        return report

    async def _crawl_feed(self, feed: Feed, source: Source, report: CrawlReport) -> None:
        tally = report.tally(source.slug)
        tally.feeds += 1
        try:
            poll = await poll_feed(
                self.fetcher, feed, timezone=source.timezone or self.settings.timezone
            )
            logs = [_log_entry(poll.fetch, feed.id)]
            logs += [_log_entry(r, feed.id) for r in poll.extra_fetches]
            if poll.gone or poll.error:
                await self._feed_failed(feed, poll, logs)
                report.fail(source.slug, poll.error or "feed gone (HTTP 410)")
                return
            todo = await self._db(lambda c: _entries_to_fetch(c, feed, poll.entries))
            records: list[ArticleRecord] = []
            # Store as pages finish, a batch at a time: memory stays bounded and a crash
            # keeps everything committed so far.
            for done in asyncio.as_completed(
                [self._article(feed, source, e, report) for e in todo]
            ):
                record, log = await done
                if log is not None:
                    logs.append(log)
                if record is not None:
                    records.append(record)
                if len(records) >= self.settings.write_batch_size:
                    await self._store(records, logs, report, source)
                    records, logs = [], []
            await self._store(records, logs, report, source)
            await self._feed_succeeded(feed, poll, new=len(todo))
        except Exception as exc:  # one broken feed never stops the crawl
            message = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
            report.fail(source.slug, message)
            when = datetime.now(UTC)
            await self._db(
                lambda c: feed_store.mark_feed_failed(
                    c, feed.id, error=message, polled_at=when,
                    next_poll_at=next_poll_time(
                        when, failure_delay(feed.consecutive_failures + 1, self.settings),
                        self._rng),
                )
            )
        finally:
            report.feeds_done += 1
            self.observer.feed_done(source.slug)

    async def _article(
        self, feed: Feed, source: Source, entry: Entry, report: CrawlReport
    ) -> tuple[ArticleRecord | None, FetchLogEntry | None]:
        """Fetch and extract one entry; the record (None when nothing can be stored)
        and the fetch log line."""
        key = canonical_url(entry.url)
        if key in self._in_flight:  # listed by two feeds in this crawl
            return None, None
        self._in_flight.add(key)
        async with self._backlog:
            return await self._fetch_and_extract(feed, source, entry, report)

    async def _fetch_and_extract(
        self, feed: Feed, source: Source, entry: Entry, report: CrawlReport
    ) -> tuple[ArticleRecord | None, FetchLogEntry | None]:
        async with self._slots:
            page = await self.fetcher.fetch(entry.url)
        report.pages_fetched += 1
        report.tally(source.slug).pages += 1
        self.observer.page_fetched()
        log = _log_entry(page, feed.id)
        job = ExtractJob(
            body=page.body if page.ok else b"",
            encoding=page.encoding,
            url=page.final_url if page.ok else entry.url,
            timezone=source.timezone or self.settings.timezone,
            fallback=entry,
            source_name=source.name,
            languages=source.languages,
        )
        try:
            record = await self._pool.record(
                RecordJob(job, entry, feed, source, fetched_at=datetime.now(UTC),
                          index_forms=self._sqlite)
            )
            if record.extraction == "fallback":
                report.tally(source.slug).fallback += 1
            return record, log
        except EmptyArticle as exc:
            detail = f"; page: {page.error}" if page.error else ""
            report.fail(source.slug, f"{exc}{detail}")
        except Exception as exc:
            report.fail(source.slug, f"extraction failed for {entry.url}: {exc}"[:300])
        return None, log

    async def _store(
        self, records: list[ArticleRecord], logs: list[FetchLogEntry], report: CrawlReport,
        source: Source,
    ) -> None:
        if not records and not logs:
            return

        def write(conn: Connection) -> list[article_store.SaveResult]:
            saved = article_store.save_articles(conn, records)
            stored = [StoredArticle(s.article_id, s.outcome, r)
                      for s, r in zip(saved, records, strict=True)]
            for hook in self._hooks:
                hook(conn, stored)
            log_fetches(conn, logs)
            return saved

        saved = await self._db(write)
        tally = report.tally(source.slug)
        for s in saved:
            setattr(tally, s.outcome, getattr(tally, s.outcome) + 1)
        self.observer.articles_stored(sum(1 for s in saved if s.outcome != "unchanged"))

    async def _feed_succeeded(self, feed: Feed, poll: PollResult, *, new: int) -> None:
        now = datetime.now(UTC)
        interval = next_interval(feed.poll_interval, new, len(poll.entries), self.settings)
        fetch = poll.fetch

        def write(conn: Connection) -> None:
            moved = poll.new_url is not None and poll.new_url != feed.url
            relocated = moved and feed_store.update_feed_url(conn, feed.id, str(poll.new_url))
            if relocated and poll.new_kind:
                feed_store.set_feed_kind(conn, feed.id, poll.new_kind)
            feed_store.record_feed_success(
                conn, feed.id, polled_at=now,
                next_poll_at=next_poll_time(now, interval, self._rng), poll_interval=interval,
                etag=fetch.etag or feed.etag,
                last_modified=fetch.last_modified or feed.last_modified,
                body_hash=fetch.body_hash or feed.body_hash,
            )

        await self._db(write)

    async def _feed_failed(self, feed: Feed, poll: PollResult, logs: list[FetchLogEntry]) -> None:
        now = datetime.now(UTC)

        def write(conn: Connection) -> None:
            log_fetches(conn, logs)
            if poll.gone:
                feed_store.mark_feed_gone(conn, feed.id, error="HTTP 410 Gone", polled_at=now)
                return
            delay = failure_delay(feed.consecutive_failures + 1, self.settings)
            if poll.fetch.retry_after:
                delay = max(delay, int(poll.fetch.retry_after))
            feed_store.mark_feed_failed(
                conn, feed.id, error=poll.error or "unknown error", polled_at=now,
                next_poll_at=next_poll_time(now, delay, self._rng),
            )

        await self._db(write)


def _entries_to_fetch(conn: Connection, feed: Feed, entries: list[Entry]) -> list[Entry]:
    """Entries not stored yet, or changed by the publisher since we stored them."""
    keyed = {(e.guid or e.url): e for e in entries}
    by_guid = article_store.stored_versions_by_guid(conn, feed.id, list(keyed))
    urls = {canonical_url(e.url): k for k, e in keyed.items() if k not in by_guid}
    by_url = article_store.stored_versions_by_url(conn, list(urls))
    todo: list[Entry] = []
    for key, entry in keyed.items():
        stored = by_guid.get(key) or by_url.get(canonical_url(entry.url))
        changed = entry.updated is not None and stored is not None and entry.updated > stored
        if stored is None or changed:
            todo.append(entry if entry.guid else _with_guid(entry, key))
    return todo


def _with_guid(entry: Entry, guid: str) -> Entry:
    return replace(entry, guid=guid)
