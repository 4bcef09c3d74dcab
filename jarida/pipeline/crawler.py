"""The inline crawler: every due feed polled, new entries fetched, extracted and stored.

Ordering is what keeps a crash harmless: a feed's new validators (ETag, body
hash) are saved only after all of its articles are committed, so a killed
crawl re-reads the feed on restart and the unique canonical URL turns any
repeated work into updates, never duplicates.

Which request goes next is the scheduler's decision (`pipeline/scheduler.py`):
per-host queues that hold nothing global while they wait, polls before fresh
entries before backlog. Failures are contained by construction: anything raised
while fetching, decoding, extracting or building one article is that article's
failure; a record the database refuses fails alone (`pipeline/batch.py`); a
failure of the storage itself (`StorageUnavailable`) stops the whole pass and is
blamed on nobody.
"""

from __future__ import annotations

import asyncio
import logging
import os
import random
import socket
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from types import TracebackType
from typing import TypeVar

from sqlalchemy import Connection

from jarida.crawl.fetcher import Fetcher
from jarida.crawl.result import FetchResult
from jarida.dedup import canonical_url
from jarida.media.ingest import ImageReport
from jarida.metrics.crawl import record_crawl_pass
from jarida.model import ArticleRecord, Entry, Feed, Source
from jarida.pipeline.batch import BatchOutcome, store_batch
from jarida.pipeline.build import EmptyArticle
from jarida.pipeline.entries import Todo, entries_to_fetch, retries_due
from jarida.pipeline.extraction import ExtractorPool
from jarida.pipeline.hooks import after_store_hooks
from jarida.pipeline.image_pump import ImagePump
from jarida.pipeline.observer import CrawlObserver, NullObserver
from jarida.pipeline.poll import PollResult, poll_feed
from jarida.pipeline.report import CrawlReport
from jarida.pipeline.schedule import (
    PollObservation,
    plan_next_poll,
)
from jarida.pipeline.scheduler import HostScheduler, Priority, SchedulerClosed
from jarida.pipeline.stages import (
    fetch_log_entry,
    host_of,
    one_line,
    record_job,
    settle_entries,
    write_feed_broken,
    write_poll_failure,
    write_poll_success,
)
from jarida.pipeline.write_combiner import WriteCombiner
from jarida.settings import Settings
from jarida.storage import Database, host_leases
from jarida.storage import feeds as feed_store
from jarida.storage import sources as source_store
from jarida.storage.failures import StorageUnavailable, is_storage_failure
from jarida.storage.fetchlog import FetchLogEntry
from jarida.websub.link import WebSubLink

_T = TypeVar("_T")
log = logging.getLogger("jarida.crawl")

# Pages being fetched or waiting for extraction, per fetch slot (crawl_concurrency).
BACKLOG_PER_SLOT = 4
# A claimed feed (and its host) is free again after this long if its crawler died.
CLAIM_LEASE_SECONDS = 3600
# A feed whose host another crawler is crawling is tried again this much later.
BUSY_HOST_RETRY = timedelta(seconds=30)


def _dead_here(owner: str) -> bool:
    """True for a crawler of this machine ("host:pid:nonce") whose process is gone."""
    host, _, rest = owner.partition(":")
    pid_text = rest.partition(":")[0]
    if host != socket.gethostname() or not pid_text.isdigit():
        return False
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False


@dataclass(frozen=True)
class _Outcome:
    """What became of one entry: a record to store, a fetch to log, a failure to retry."""

    entry_url: str
    record: ArticleRecord | None = None
    log: FetchLogEntry | None = None
    error: str | None = None


class _Abandoned(Exception):
    """An entry the stopping pass gave up on (not a failure: the next pass does it)."""


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
        self._warming: asyncio.Future[None] | None = None
        self._articles_running = 0  # entries being fetched and extracted
        self._writer = WriteCombiner(
            self._write_now, max_records=settings.write_batch_size,
            linger=settings.write_linger_seconds, more_coming=lambda: self._articles_running > 0)
        self._sqlite = db.engine.dialect.name == "sqlite"  # workers stem for its index
        # One thread for every database call: SQLite has one writer, and the loop never blocks.
        self._db_thread = ThreadPoolExecutor(1, thread_name_prefix="jarida-db")
        self._in_flight: set[str] = set()
        self._hooks = after_store_hooks(settings)
        self._scheduler: HostScheduler | None = None
        self._stopping = False
        self._unsettled: set[int] = set()
        self._owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._websub = WebSubLink(settings, self._db, self.fetcher)  # WebSub (jarida.websub)
        self.images = ImageReport()  # what the last crawl did with images
        self._image_pump: ImagePump | None = None  # this pass's images (pipeline/image_pump)

    async def __aenter__(self) -> Crawler:
        return self

    async def __aexit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._writer.close()
        await self.fetcher.aclose()
        self._pool.close()
        if self._warming is not None:
            await self._warming
        self._db_thread.shutdown(wait=True)

    def _warm_pool(self) -> None:
        try:
            self._pool.warm()
        except Exception as exc:  # the first real job reports a broken pool
            log.debug("extraction workers did not start early: %s", one_line(exc))

    def request_stop(self) -> None:
        """Stop taking new work: queued fetches are abandoned, what is in flight finishes
        and is stored, and feeds left incomplete keep their old validators (the next
        pass sees their entries again)."""
        self._stopping = True
        if self._scheduler is not None:
            self._scheduler.close()

    async def _db(self, fn: Callable[[Connection], _T], *, write: bool = True) -> _T:
        def run() -> _T:
            with self.db.write() if write else self.db.read() as conn:
                return fn(conn)

        return await self._on_db_thread(run)

    async def _on_db_thread(self, fn: Callable[[], _T]) -> _T:
        try:
            return await asyncio.get_running_loop().run_in_executor(self._db_thread, fn)
        except StorageUnavailable:
            raise
        except Exception as exc:
            if is_storage_failure(exc):
                raise StorageUnavailable(exc) from exc
            raise

    async def crawl_once(self, source: str | None = None, *, force: bool = False) -> CrawlReport:
        """Poll every feed that is due (of one source, or all) once, and wait for the end.

        Raises `StorageUnavailable` when the database fails: every pending fetch is
        cancelled and no feed is marked failing for it.
        """
        started = time.monotonic()
        now = datetime.now(UTC)
        if force:
            await self._db(lambda c: feed_store.make_feeds_due(c, now, source_slug=source))
        feeds = await self._db(lambda c: self._claim(c, now, source))
        self._unsettled = {f.id for f in feeds}
        sources = await self._db(
            lambda c: {s.id: s for s in source_store.all_sources(c)}, write=False
        )
        if feeds and self._warming is None and self._pool.in_processes:
            # the worker processes start while robots.txt and the feeds load
            self._warming = asyncio.get_running_loop().run_in_executor(None, self._warm_pool)
        report = CrawlReport(feeds_total=len(feeds))
        self.observer.feeds_planned(len(feeds))
        self._in_flight.clear()
        self._scheduler = HostScheduler(
            self.fetcher.pacer,
            permits=BACKLOG_PER_SLOT * self.settings.crawl_concurrency,
            per_host=self.settings.host_concurrency,
        )
        if self._stopping:
            self._scheduler.close()
        if self.settings.image_fetch_limit:  # images as backlog in their hosts' queues
            self._image_pump = ImagePump(self.fetcher, self._pool, self.settings,
                                         self._scheduler, lambda fn: self._db(fn, write=False),
                                         self._db)
        tasks = [asyncio.create_task(self._crawl_feed(f, sources[f.source_id], report))
                 for f in feeds]
        try:
            await _all_or_first_storage_failure(tasks)
            if self._image_pump is not None:
                self.images = await self._image_pump.drain()
        finally:
            if self._image_pump is not None:
                self._image_pump.cancel()
                self._image_pump = None
            self._scheduler = None
            await self._release_unsettled()
        if not self._stopping:
            await self._websub.maintain()  # WebSub: subscribe, renew leases, unsubscribe
        report.seconds = time.monotonic() - started
        report.stopped = self._stopping
        record_crawl_pass(report.seconds)
        return report

    def _claim(self, conn: Connection, now: datetime, source: str | None) -> list[Feed]:
        """Claim the due feeds, then lease their hosts; a feed whose host another crawler
        holds is handed back for a later pass (one crawler per outlet at a time)."""
        dead = sorted(o for o in feed_store.claim_owners(conn) | host_leases.lease_owners(conn)
                      if _dead_here(o))
        if dead:  # a crawler of this machine was killed: what it held is free again
            feed_store.release_claims_of(conn, dead, now)
            host_leases.release_leases_of(conn, dead)
        feeds = feed_store.claim_due_feeds(conn, now, lease_seconds=CLAIM_LEASE_SECONDS,
                                           source_slug=source, owner=self._owner)
        held = host_leases.lease_hosts(conn, (host_of(f.url) for f in feeds), self._owner,
                                       now, seconds=CLAIM_LEASE_SECONDS)
        busy = [f.id for f in feeds if host_of(f.url) not in held]
        if busy:
            feed_store.release_feed_claims(conn, busy, now + BUSY_HOST_RETRY)
        return [f for f in feeds if host_of(f.url) in held]

    async def _release_unsettled(self) -> None:
        """Feeds claimed by this pass whose poll did not finish (stop, storage failure) are
        due again at once rather than at the end of their lease (best effort: the
        database may be what failed)."""
        unsettled, self._unsettled = sorted(self._unsettled), set()
        now = datetime.now(UTC)

        def release(conn: Connection) -> None:
            feed_store.release_feed_claims(conn, unsettled, now)
            host_leases.release_hosts(conn, self._owner)

        try:
            await self._db(release)
        except StorageUnavailable as exc:
            log.warning("could not release %d claimed feeds: %s", len(unsettled), exc)

    async def _crawl_feed(self, feed: Feed, source: Source, report: CrawlReport) -> None:
        tally = report.tally(source.slug)
        tally.feeds += 1
        try:
            poll = await self._poll(feed, source)
            if poll is None:  # stopping before its turn came
                return
            logs = [fetch_log_entry(poll.fetch, feed.id)]
            logs += [fetch_log_entry(r, feed.id) for r in poll.extra_fetches]
            if poll.gone or poll.error:
                await self._feed_failed(feed, poll, logs)
                report.fail(source.slug, poll.error or "feed gone (HTTP 410)")
                return
            now = datetime.now(UTC)
            todo = await self._db(lambda c: entries_to_fetch(c, feed, poll.entries, now)
                                  + retries_due(c, feed, now), write=False)
            complete = await self._fetch_and_store(feed, source, todo, logs, report)
            if complete:
                await self._feed_succeeded(feed, source, poll, todo)
        except StorageUnavailable:
            raise
        except Exception as exc:  # one broken feed never stops the crawl
            message = one_line(exc)
            log.warning("feed failed", extra={"source": source.slug, "url": feed.url,
                                              "error": message})
            report.fail(source.slug, message)
            when = datetime.now(UTC)
            await self._db(lambda c: write_feed_broken(c, feed, message, self.settings,
                                                       self._rng, when))
            self._unsettled.discard(feed.id)
        finally:
            report.feeds_done += 1
            self.observer.feed_done(source.slug)

    async def _poll(self, feed: Feed, source: Source) -> PollResult | None:
        assert self._scheduler is not None
        zone = source.timezone or self.settings.timezone
        pushed = await self._websub.pushed(feed, zone)  # WebSub: a pushed body stands in
        if pushed is not None:
            return pushed
        try:
            async with self._scheduler.turn(host_of(feed.url), Priority.FEED):
                return await poll_feed(self.fetcher, feed, timezone=zone)
        except SchedulerClosed:
            return None

    async def _fetch_and_store(self, feed: Feed, source: Source, todo: list[Todo],
                               logs: list[FetchLogEntry], report: CrawlReport) -> bool:
        """Fetch every entry and store as pages finish, through the crawl's writer (a
        crash keeps everything committed so far). True when every entry
        was dealt with (stored or failed), False when the stopping pass abandoned some.
        Failed entries are remembered and retried by later passes, feed changed or not."""
        failed: dict[str, str] = {}
        stored: list[str] = []
        abandoned = False
        tasks = [asyncio.create_task(self._article(feed, source, t, report)) for t in todo]
        # Each page goes to the crawl's writer as soon as it is ready (jarida.pipeline.
        # write_combiner), which batches pages of every feed; this feed keeps fetching.
        writes = [asyncio.create_task(
            self._store_outcomes([], list(logs), report, source, failed, stored))]
        try:
            for done in asyncio.as_completed(tasks):
                try:
                    outcome = await done
                except _Abandoned:
                    abandoned = True
                    continue
                if outcome.error is not None:
                    failed[outcome.entry_url] = outcome.error
                if outcome.record is not None or outcome.log is not None:
                    writes.append(asyncio.create_task(self._store_outcomes(
                        [outcome], [outcome.log] if outcome.log is not None else [], report,
                        source, failed, stored)))
            await asyncio.gather(*writes)
        finally:
            for task in tasks + writes:
                task.cancel()
        if failed or stored:
            await self._db(lambda c: settle_entries(c, feed.id, failed, stored))
        return not abandoned

    async def _store_outcomes(self, batch: list[_Outcome], logs: list[FetchLogEntry],
                              report: CrawlReport, source: Source, failed: dict[str, str],
                              stored: list[str]) -> None:
        records = [o.record for o in batch if o.record is not None]
        refused = await self._store(records, logs, report, source)
        for outcome in batch:
            if outcome.record is None:
                continue
            if outcome.record.url in refused:
                failed[outcome.entry_url] = refused[outcome.record.url]
            elif outcome.error is None:
                stored.append(outcome.entry_url)

    async def _article(
        self, feed: Feed, source: Source, todo: Todo, report: CrawlReport
    ) -> _Outcome:
        """`_entry`, counted: the writer lets a batch fill only while pages are coming."""
        self._articles_running += 1
        try:
            return await self._entry(feed, source, todo, report)
        finally:
            self._articles_running -= 1
            if not self._articles_running:
                self._writer.nudge()

    async def _entry(
        self, feed: Feed, source: Source, todo: Todo, report: CrawlReport
    ) -> _Outcome:
        """Fetch and extract one entry: the record (None when nothing can be stored), the
        fetch log line, and the entry's failure if any. Whatever goes wrong here is this
        article's failure only."""
        entry = todo.entry
        key = canonical_url(entry.url)
        if key in self._in_flight:  # listed by two feeds in this crawl
            return _Outcome(entry.url)
        self._in_flight.add(key)
        assert self._scheduler is not None
        try:
            async with self._scheduler.turn(host_of(entry.url), todo.priority,
                                            newest=todo.newest) as turn:
                page = await self.fetcher.fetch(entry.url)
                turn.host_done()
                report.pages_fetched += 1
                report.tally(source.slug).pages += 1
                self.observer.page_fetched()
                return await self._extract(feed, source, entry, page, report)
        except SchedulerClosed:
            self._in_flight.discard(key)
            raise _Abandoned from None
        except Exception as exc:
            message = f"{entry.url}: {one_line(exc)}"
            log.warning("article failed", extra={"source": source.slug, "url": entry.url,
                                                 "error": message})
            report.fail(source.slug, message)
            return _Outcome(entry.url, error=message)

    async def _extract(
        self, feed: Feed, source: Source, entry: Entry, page: FetchResult, report: CrawlReport
    ) -> _Outcome:
        fetch_log = fetch_log_entry(page, feed.id)
        # A page that did not answer may be stored from its feed entry, but it is retried.
        page_error = None if page.ok else f"{entry.url}: {page.error or 'fetch failed'}"
        try:
            record = await self._pool.record(
                record_job(self.settings, feed, source, entry, page, index_forms=self._sqlite))
        except EmptyArticle as exc:
            detail = f"; page: {page.error}" if page.error else ""
            report.fail(source.slug, f"{exc}{detail}")
            return _Outcome(entry.url, log=fetch_log, error=f"{exc}{detail}")
        if record.canonical_url != canonical_url(entry.url):
            if record.canonical_url in self._in_flight:  # two pages, one declared canonical
                return _Outcome(entry.url, log=fetch_log)
            self._in_flight.add(record.canonical_url)
        if record.extraction == "fallback":  # stored from what is known; retried later
            report.tally(source.slug).fallback += 1
            page_error = page_error or f"{entry.url}: no article text on the page"
        return _Outcome(entry.url, record=record, log=fetch_log, error=page_error)

    async def _write_now(self, records: list[ArticleRecord], logs: list[FetchLogEntry]
                         ) -> BatchOutcome:
        """One transaction for whatever the writer took (several feeds' pages at once)."""
        return await self._on_db_thread(
            lambda: store_batch(self.db, records, logs, self._hooks))

    async def _store(
        self, records: list[ArticleRecord], logs: list[FetchLogEntry], report: CrawlReport,
        source: Source,
    ) -> dict[str, str]:
        """Write a batch; the records refused (by URL) with the reason."""
        if not records and not logs:
            return {}
        outcome = await self._writer.submit(records, logs)
        if self._image_pump is not None:
            self._image_pump.wake()  # the images of these articles are pending now
        tally = report.tally(source.slug)
        for s in outcome.saved:
            setattr(tally, s.outcome, getattr(tally, s.outcome) + 1)
        for record, error in outcome.failed:
            report.fail(source.slug, f"{record.url}: not stored: {error}")
        self.observer.articles_stored(sum(1 for s in outcome.saved if s.outcome != "unchanged"))
        return {record.url: f"not stored: {error}" for record, error in outcome.failed}

    async def _feed_succeeded(self, feed: Feed, source: Source, poll: PollResult,
                              todo: list[Todo]) -> None:
        now = datetime.now(UTC)
        zone = source.timezone or self.settings.timezone
        pushed = await self._websub.is_pushed(feed)
        plan = plan_next_poll(
            feed.schedule_state,
            PollObservation([t.entry.published for t in todo], timezone=zone, pushed=pushed,
                            listed=[e.published for e in poll.entries]),
            now, self.settings, self._rng)
        await self._db(lambda c: write_poll_success(c, feed, poll, plan, now))
        self._unsettled.discard(feed.id)
        await self._websub.after_poll(feed, poll)  # WebSub: note the hub it names

    async def _feed_failed(self, feed: Feed, poll: PollResult, logs: list[FetchLogEntry]) -> None:
        now = datetime.now(UTC)
        await self._db(lambda c: write_poll_failure(c, feed, poll, logs, self.settings,
                                                    self._rng, now))
        self._unsettled.discard(feed.id)


async def _all_or_first_storage_failure(tasks: list[asyncio.Task[None]]) -> None:
    """Wait for every task; on the first `StorageUnavailable`, cancel the rest and raise it."""
    try:
        for done in asyncio.as_completed(tasks):
            await done
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
