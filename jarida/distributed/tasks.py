"""What a worker does with one message: poll a feed, or fetch, extract and store a page.

Both are the inline crawler's stages (`pipeline/poll.py`, `pipeline/entries.py`,
`pipeline/stages.py`, `pipeline/batch.py` with the after-store hooks), called from a
Dramatiq actor instead of an event loop. Messages carry ids and URLs (and the feed's
own few lines about an entry, its fallback), never a page body.

Every effect is idempotent, so a message delivered twice (its worker was killed after
storing, before the broker heard the acknowledgement) changes nothing: the article
upsert by canonical URL, the hooks (idempotent by contract), entry failures keyed by
URL, a feed's state overwritten by each poll. A failure of the database raises
(`StorageUnavailable`): Dramatiq retries the message with back-off, then dead-letters
it. Anything else wrong with one feed or page is that feed's or page's failure,
written down as the inline crawler writes it.

A feed's new entries are booked on their host when they are enqueued (one start a
gap apart each, `FleetPacer.book`) and sent with those delays, so each comes back about
when its host is free. A message whose host is not free yet waits in its thread when
the host's turn is near (`LOCAL_WAIT_MS`, with at most half the threads of a process
waiting at once), else goes back to the broker, timed to come back `EARLY_MS` before
the turn Redis answers (the broker's delays are late by up to a tenth of a second).
A page is stored by its process's writer (`writer.py`), with the pages the process's
other threads finished meanwhile, in one transaction; the actor returns (and its message
is acknowledged) once that transaction has committed. A stored article's picture
becomes its own message (`images.py`); a feed with WebSub pushes waiting is read from
its inbox instead of fetched (`websub.py`).
"""

from __future__ import annotations

import asyncio
import logging
import random
import threading
import time
import uuid
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from typing import Any, TypeVar

from jarida.crawl.fetcher import Fetcher
from jarida.crawl.result import FetchResult
from jarida.crawl.retry import backoff_delay, is_retryable
from jarida.crawl.robots import robots_url
from jarida.crawl.transport import warm_tls
from jarida.dedup import canonical_url
from jarida.distributed import websub as fleet_websub
from jarida.distributed.broker import politeness_client
from jarida.distributed.pacing import FleetPacer
from jarida.distributed.robots import SharedRobots
from jarida.distributed.writer import ProcessWriter
from jarida.model import ArticleRecord, Entry, Feed, Source
from jarida.pipeline.batch import BatchOutcome, store_batch
from jarida.pipeline.build import EmptyArticle
from jarida.pipeline.entries import Todo, entries_to_fetch, retries_due
from jarida.pipeline.extraction import run_record_job
from jarida.pipeline.hooks import StoredArticle, after_store_hooks
from jarida.pipeline.poll import PollResult, poll_feed
from jarida.pipeline.schedule import PollObservation, plan_next_poll
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
from jarida.settings import Settings
from jarida.storage import Database
from jarida.storage import sources as source_store
from jarida.storage.failures import StorageUnavailable, is_storage_failure
from jarida.storage.fetchlog import FetchLogEntry, log_fetches
from jarida.storage.websub import drop_inbox

log = logging.getLogger("jarida.worker")
_T = TypeVar("_T")
# How long a worker process reuses a feed and source it read for article messages, and
# how many it keeps: a source renamed or a feed removed shows within this many seconds.
LOADED_SECONDS = 30.0
LOADED_MAX = 10_000

_DATES = ("published", "updated")
# A message whose host is free within this long waits for it in its thread (ms).
LOCAL_WAIT_MS = 300
# A message sent back to the broker to wait for its host comes back this much before the
# host's turn, and waits the rest in its thread: delayed messages come back late by up to
# `dramatiq_worker_timeout` plus a broker round trip, and lateness stretches the gap.
EARLY_MS = 150
# Shortest delay of a message sent back to the broker (ms).
MIN_SEND_BACK_MS = 20


def entry_to_json(entry: Entry) -> dict[str, Any]:
    data = asdict(entry)
    for key in _DATES:
        if data[key] is not None:
            data[key] = data[key].isoformat()
    return data


def entry_from_json(data: dict[str, Any]) -> Entry:
    values = dict(data)
    for key in _DATES:
        if values.get(key):
            values[key] = datetime.fromisoformat(values[key])
    return Entry(**values)


@dataclass(frozen=True)
class ArticleMessage:
    """One page to fetch: what the article actor's message carries (JSON)."""

    feed_id: int
    entry: dict[str, Any]
    attempt: int = 0     # fetch attempts already made (408/429/5xx, network)
    booked: bool = False  # the host promised this message a start time

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


Send = Callable[..., None]  # (payload, *, delay_ms) -> None


class _Thread(threading.local):
    loop: asyncio.AbstractEventLoop | None = None
    fetcher: Fetcher | None = None


class Runtime:
    """What the actors of one worker process share: settings, database, Redis, and per
    thread an event loop with its own fetcher (the fetch chain needs one)."""

    def __init__(self, settings: Settings, *, send_poll: Send, send_article: Send,
                 send_image: Send, db: Database | None = None) -> None:
        # Retries of 408/429/5xx go back through the broker (no thread sleeps on them).
        self.settings = settings.model_copy(update={"max_retries": 0})
        self.max_fetch_attempts = settings.max_retries + 1
        self.send_poll = send_poll
        self.send_article = send_article
        self.send_image = send_image
        self._db = db
        self._db_lock = threading.Lock()
        self.redis = politeness_client(settings)
        self.pacer = FleetPacer(self.redis, prefix=settings.queue_prefix,
                                delay=settings.host_delay_seconds,
                                slot_seconds=settings.host_slot_seconds)
        self.robots = SharedRobots(self.redis, prefix=settings.queue_prefix,
                                   ttl=settings.robots_cache_seconds)
        self.hooks = after_store_hooks(settings)
        # The pages of this process's threads, written several to a transaction (writer.py).
        self.writer = ProcessWriter(self._store_pages, max_records=self._batch_size,
                                    linger=settings.worker_write_linger_seconds)
        self._settled: dict[int, tuple[int, str]] = {}  # id(record) -> (feed id, entry URL)
        self._settled_lock = threading.Lock()
        self.rng = random.Random()
        self._local = _Thread()
        self._loaded: dict[int, tuple[float, tuple[Feed, Source] | None]] = {}
        self._loaded_lock = threading.Lock()
        self._waiting = 0  # threads of this process waiting in `acquire`
        self._waiting_lock = threading.Lock()
        self._threads = 0

    def threads(self) -> int:
        """This process's Dramatiq worker threads (0 outside a worker process)."""
        if not self._threads:
            self._threads = worker_threads()
        return self._threads

    def _batch_size(self) -> int:
        """Most pages in one transaction of this process's writer: `write_batch_size`,
        and at most half the worker threads (a thread waits for its page's commit, so a
        fuller batch would leave too few threads to start the pages whose turn comes)."""
        threads = self.threads()
        size = self.settings.write_batch_size
        return min(size, max(1, threads // 2)) if threads else size

    def _may_wait(self) -> bool:
        """A thread may wait for its host's turn while at most half the worker threads
        of this process do (so waiting messages never starve the others)."""
        threads = self.threads()
        with self._waiting_lock:
            if self._waiting >= max(1, threads // 2):
                return False
            self._waiting += 1
            return True

    def _done_waiting(self) -> None:
        with self._waiting_lock:
            self._waiting -= 1

    def acquire(self, host: str, token: str, *, booked: bool) -> int:
        """0 once `token` holds `host`'s slot; else the delay (ms) to send the message back
        with, booked. A turn due within `LOCAL_WAIT_MS` is waited for here."""
        waited = 0
        while wait := self.pacer.take(host, token, booked=booked):
            booked = True  # a refused fresh message was booked a start by `take`
            if waited + wait > 2 * LOCAL_WAIT_MS or wait > LOCAL_WAIT_MS \
                    or not self._may_wait():
                return max(MIN_SEND_BACK_MS, wait - EARLY_MS)
            try:
                time.sleep(wait / 1000.0)
            finally:
                self._done_waiting()
            waited += wait
        return 0

    def robots_known(self, url: str) -> bool:
        """Whether the robots.txt governing `url` is known without a request: in this
        thread's fetcher or in the fleet's cache."""
        return self.fetcher().robots_fresh(url) or bool(
            self.redis.exists(self.robots.key(robots_url(url))))

    def feed_and_source(self, feed_id: int) -> tuple[Feed, Source] | None:
        """For article messages: a feed and its source, read at most every
        `LOADED_SECONDS` per process (a page needs their names and languages, not the
        feed's poll state; polls read it fresh)."""
        now = time.monotonic()
        with self._loaded_lock:
            hit = self._loaded.get(feed_id)
        if hit is not None and now - hit[0] < LOADED_SECONDS:
            return hit[1]
        loaded = _load(self, feed_id)
        with self._loaded_lock:
            if len(self._loaded) > LOADED_MAX:
                self._loaded.clear()
            self._loaded[feed_id] = (now, loaded)
        return loaded

    def warm(self) -> None:
        """Open what the first message would: the TLS context, the database (one round
        trip) and Redis; the hooks' imports happened in `__init__`. A worker process
        calls it before it consumes, so its first messages do not pay for start-up.
        Best effort: whatever is down now is opened by the first message instead."""
        try:
            warm_tls(self.settings.ca_bundle)  # every thread's first fetcher shares it
            self.read(lambda conn: source_store.feed_by_id(conn, 0))
            self.redis.ping()
        except Exception as exc:
            log.warning("warm-up incomplete: %s", one_line(exc))

    @property
    def db(self) -> Database:
        with self._db_lock:
            if self._db is None:
                self._db = Database.open(self.settings.database_url,
                                         busy_seconds=self.settings.database_busy_seconds)
            return self._db

    def run(self, coro: Coroutine[Any, Any, _T]) -> _T:
        local = self._local
        if local.loop is None:
            local.loop = asyncio.new_event_loop()
        return local.loop.run_until_complete(coro)

    def fetcher(self) -> Fetcher:
        local = self._local
        if local.fetcher is None:
            local.fetcher = Fetcher(self.settings, pacer=self.pacer, share_robots=self.robots)
        return local.fetcher

    def write(self, fn: Callable[[Any], _T]) -> _T:
        return _storage(lambda: self._in(fn, write=True))

    def read(self, fn: Callable[[Any], _T]) -> _T:
        return _storage(lambda: self._in(fn, write=False))

    def _in(self, fn: Callable[[Any], _T], *, write: bool) -> _T:
        with self.db.write() if write else self.db.read() as conn:
            return fn(conn)

    def store_page(self, write: Callable[[ArticleRecord, FetchLogEntry], BatchOutcome],
                   record: ArticleRecord, fetch_log: FetchLogEntry, *,
                   settles: tuple[int, str] | None) -> BatchOutcome:
        """`write` the page (`PageSlot.write`); `settles` (feed id, entry URL): the
        entry's past failure is forgotten in the transaction that stores it."""
        if settles is not None:
            with self._settled_lock:
                self._settled[id(record)] = settles
        try:
            return write(record, fetch_log)
        finally:
            if settles is not None:
                with self._settled_lock:
                    self._settled.pop(id(record), None)

    def _store_pages(self, records: list[ArticleRecord], logs: list[FetchLogEntry]
                     ) -> BatchOutcome:
        """The writer's batch: one transaction, the hooks, then the entries settled."""
        return _storage(lambda: store_batch(self.db, records, logs,
                                            [*self.hooks, self._forget_failures]))

    def _forget_failures(self, conn: Any, stored: Sequence[StoredArticle]) -> None:
        """A hook: the stored pages' entries forget their past failures (one statement
        per feed of the batch, in the batch's transaction)."""
        by_feed: dict[int, list[str]] = {}
        with self._settled_lock:
            for item in stored:
                settles = self._settled.get(id(item.record))
                if settles is not None:
                    by_feed.setdefault(settles[0], []).append(settles[1])
        for feed_id, urls in by_feed.items():
            settle_entries(conn, feed_id, {}, urls)

    def turn(self, host: str, token: str, work: Callable[[], Awaitable[_T]]) -> _T:
        """Run `work` holding `host`'s slot (taken already); the next gap counts from
        the answer to its last request (from its end when none came)."""
        held = self.pacer.hold(host, token)

        async def within() -> _T:
            with self.pacer.within(held):
                return await work()

        try:
            return self.run(within())
        finally:
            self.pacer.release(host, token, held)


def worker_threads() -> int:
    """The Dramatiq worker threads of this process (0 outside a worker process)."""
    from dramatiq.worker import WorkerThread

    return sum(1 for t in threading.enumerate() if isinstance(t, WorkerThread))


def _storage(fn: Callable[[], _T]) -> _T:
    try:
        return fn()
    except StorageUnavailable:
        raise
    except Exception as exc:
        if is_storage_failure(exc):
            raise StorageUnavailable(exc) from exc
        raise


def _load(rt: Runtime, feed_id: int) -> tuple[Feed, Source] | None:
    def read(conn: Any) -> tuple[Feed, Source] | None:
        feed = source_store.feed_by_id(conn, feed_id)
        if feed is None:
            return None
        source = source_store.source_by_id(conn, feed.source_id)
        return None if source is None else (feed, source)

    return rt.read(read)


def poll_message(rt: Runtime, feed_id: int, booked: bool = False) -> str:
    """Poll one feed and enqueue its new entries; the outcome, for logs and tests."""
    loaded = _load(rt, feed_id)
    if loaded is None:
        return "missing"
    feed, source = loaded
    if feed.status not in ("active", "failing"):
        return "inactive"
    zone = source.timezone or rt.settings.timezone
    push = fleet_websub.pushed(rt.settings, rt.read, rt.write, feed, zone)
    if push is not None:  # WebSub: pushed bodies stand in for the request
        return _after_poll(rt, feed, source, push.poll, zone, push.inbox_ids)
    host, token = host_of(feed.url), uuid.uuid4().hex
    wait = rt.acquire(host, token, booked=booked)
    if wait:
        rt.send_poll(feed_id, booked=True, delay_ms=wait)
        return "waiting"
    try:
        if not rt.robots_known(feed.url):
            # robots.txt first, on a turn of its own; the feed's request waits for the
            # next turn in the broker, not in this thread (a gap is a second or more,
            # and a fleet's first polls would otherwise hold every thread for it).
            fetcher = rt.fetcher()
            rt.turn(host, token, lambda: fetcher.load_robots(feed.url))
            token = uuid.uuid4().hex
            wait = rt.acquire(host, token, booked=False)
            if wait:
                rt.send_poll(feed_id, booked=True, delay_ms=wait)
                return "waiting"
        poll = rt.turn(host, token, lambda: poll_feed(rt.fetcher(), feed, timezone=zone))
        return _after_poll(rt, feed, source, poll, zone)
    except StorageUnavailable:
        raise
    except Exception as exc:  # one broken feed fails alone, as in the inline crawler
        message = one_line(exc)
        log.warning("feed failed", extra={"source": source.slug, "url": feed.url,
                                          "error": message})
        now = datetime.now(UTC)
        rt.write(lambda c: write_feed_broken(c, feed, message, rt.settings, rt.rng, now))
        return "failed"


def _after_poll(rt: Runtime, feed: Feed, source: Source, poll: PollResult, zone: str,
                inbox_ids: list[int] | None = None) -> str:
    """`inbox_ids`: the poll is made of these pushed bodies (no request was made)."""
    host = host_of(feed.url)
    if poll.fetch.retry_after:
        rt.pacer.defer(host, poll.fetch.retry_after)
    logs: list[FetchLogEntry] = []
    if inbox_ids is None:
        logs = [fetch_log_entry(poll.fetch, feed.id)]
        logs += [fetch_log_entry(r, feed.id) for r in poll.extra_fetches]
    now = datetime.now(UTC)
    if poll.gone or poll.error:
        rt.write(lambda c: write_poll_failure(c, feed, poll, logs, rt.settings, rt.rng, now))
        return "gone" if poll.gone else "failed"
    todo: list[Todo] = rt.read(lambda c: entries_to_fetch(c, feed, poll.entries, now)
                               + retries_due(c, feed, now))
    todo.sort(key=lambda t: (int(t.priority), -t.newest))
    seen: set[str] = set()
    fresh: list[Entry] = []
    for item in todo:
        key = canonical_url(item.entry.url)
        if key not in seen:
            seen.add(key)
            fresh.append(item.entry)
    _send_booked(rt, feed.id, fresh)
    subscribed = bool(rt.settings.public_url) and rt.read(
        lambda c: fleet_websub.is_pushed(rt.settings, c, feed.id, now))
    plan = plan_next_poll(
        feed.schedule_state,
        PollObservation([t.entry.published for t in todo], timezone=zone, pushed=subscribed,
                        listed=[e.published for e in poll.entries]),
        now, rt.settings, rt.rng)

    def write(conn: Any) -> None:
        log_fetches(conn, logs)
        write_poll_success(conn, feed, poll, plan, now)
        drop_inbox(conn, inbox_ids or [])
        fleet_websub.after_poll(rt.settings, conn, feed, poll, now)

    rt.write(write)  # the entries are with the broker before the feed's validators move
    return f"polled:{len(seen)}"


def _send_booked(rt: Runtime, feed_id: int, entries: list[Entry]) -> None:
    """Send one article message per entry, each booked a start on its host (in order,
    one gap apart) and delayed to come back `EARLY_MS` before it."""
    by_host: dict[str, list[Entry]] = {}
    for entry in entries:
        by_host.setdefault(host_of(entry.url), []).append(entry)
    for host, listed in by_host.items():
        waits = rt.pacer.book(host, len(listed))
        for entry, wait in zip(listed, waits, strict=True):
            delay = wait - EARLY_MS if wait > EARLY_MS else 0
            rt.send_article(ArticleMessage(feed_id, entry_to_json(entry),
                                           booked=True).as_json(), delay_ms=delay)


def article_message(rt: Runtime, payload: dict[str, Any]) -> str:
    """Fetch, extract and store one page; the outcome, for logs and tests."""
    msg = ArticleMessage(**payload)
    loaded = rt.feed_and_source(msg.feed_id)
    if loaded is None:
        return "missing"
    feed, source = loaded
    entry = entry_from_json(msg.entry)
    host, token = host_of(entry.url), uuid.uuid4().hex
    wait = rt.acquire(host, token, booked=msg.booked)
    if wait:
        rt.send_article(replace(msg, booked=True).as_json(), delay_ms=wait)
        return "waiting"
    with rt.writer.page() as slot:  # a batch of this process may wait for it
        return _fetch_and_store(rt, msg, feed, source, entry, host, token, slot.write)


def _fetch_and_store(rt: Runtime, msg: ArticleMessage, feed: Feed, source: Source,
                     entry: Entry, host: str, token: str,
                     write: Callable[[ArticleRecord, FetchLogEntry], BatchOutcome]) -> str:
    try:
        page: FetchResult = rt.turn(host, token, lambda: rt.fetcher().fetch(entry.url))
    except Exception as exc:
        return _settle(rt, feed, entry, None, f"{entry.url}: {one_line(exc)}")
    if page.retry_after:  # the host asked every client to wait: the whole fleet does
        rt.pacer.defer(host, page.retry_after)
    if is_retryable(page) and msg.attempt + 1 < rt.max_fetch_attempts and (
            page.retry_after or 0.0) <= rt.settings.retry_max_wait:
        wait_s = page.retry_after if page.retry_after is not None else backoff_delay(
            msg.attempt, rt.settings.retry_max_wait, rt.rng)
        rt.pacer.defer(host, wait_s)
        rt.send_article(replace(msg, attempt=msg.attempt + 1, booked=False).as_json(),
                        delay_ms=max(1, int(wait_s * 1000)))
        return "retrying"
    fetch_log = fetch_log_entry(page, feed.id)
    page_error = None if page.ok else f"{entry.url}: {page.error or 'fetch failed'}"
    try:
        record = run_record_job(record_job(rt.settings, feed, source, entry, page,
                                           index_forms=False))
    except EmptyArticle as exc:
        detail = f"; page: {page.error}" if page.error else ""
        return _settle(rt, feed, entry, fetch_log, f"{exc}{detail}")
    except Exception as exc:
        return _settle(rt, feed, entry, fetch_log, f"{entry.url}: {one_line(exc)}")
    if record.extraction == "fallback":
        page_error = page_error or f"{entry.url}: no article text on the page"
    # Stored with the pages other threads of this process finished meanwhile, in one
    # transaction; back here once it committed (its failure, if any, forgotten in it).
    outcome = rt.store_page(write, record, fetch_log,
                            settles=(feed.id, entry.url) if page_error is None else None)
    if outcome.failed:
        return _settle(rt, feed, entry, None, f"not stored: {outcome.failed[0][1]}")
    if record.image_url and rt.settings.image_fetch_limit:  # committed: its picture next
        rt.send_image({"url": record.image_url}, delay_ms=0)
    if page_error is not None:
        return _settle(rt, feed, entry, None, page_error, saved=outcome.saved[0].outcome)
    return outcome.saved[0].outcome


def _settle(rt: Runtime, feed: Feed, entry: Entry, fetch_log: FetchLogEntry | None,
            error: str, saved: str = "failed") -> str:
    """The entry failed (it is retried by a later poll of its feed, as inline)."""
    log.warning("article failed", extra={"url": entry.url, "error": error})

    def write(conn: Any) -> None:
        if fetch_log is not None:
            log_fetches(conn, [fetch_log])
        settle_entries(conn, feed.id, {entry.url: error}, [])

    rt.write(write)
    return saved
