"""The writer of one worker process: the pages its threads finish share a transaction,
each thread returns (its message is acknowledged) only once its page's transaction has
committed, and a batch that fails fails every one of its pages' messages."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
import redis
from sqlalchemy import func, select

from jarida.distributed.tasks import ArticleMessage, Runtime, article_message, entry_to_json
from jarida.distributed.writer import ProcessWriter
from jarida.model import ArticleRecord, Entry, FeedSpec, SourceSpec
from jarida.pipeline.batch import BatchOutcome
from jarida.settings import Settings
from jarida.sources.enroll import enroll_sources
from jarida.storage.articles import SaveResult
from jarida.storage.entry_failures import record_entry_failure
from jarida.storage.failures import StorageUnavailable
from jarida.storage.fetchlog import FetchLogEntry
from jarida.storage.tables import articles, entry_failures, feeds
from tests.distributed.conftest import REDIS_URL, Pg, _redis_up
from tests.pipeline.site import publish
from tests.webserver import TestServer

NOW = datetime(2026, 12, 3, tzinfo=UTC)


def _record(n: int) -> ArticleRecord:
    url = f"https://example.org/{n}"
    return ArticleRecord(source_id=1, feed_id=1, url=url, canonical_url=url, title=f"t{n}",
                         text="x", html="", excerpt="", content_hash=str(n), fetched_at=NOW)


def _log(n: int) -> FetchLogEntry:
    return FetchLogEntry(url=f"https://example.org/{n}", outcome="ok", fetched_at=NOW,
                         feed_id=1)


class FakeStore:
    """Records each transaction's pages; `fail` makes the next one raise."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []
        self.fail: Exception | None = None
        self.release = threading.Event()
        self.release.set()

    def __call__(self, records: list[ArticleRecord], logs: list[FetchLogEntry]
                 ) -> BatchOutcome:
        self.release.wait(10)
        if self.fail is not None:
            raise self.fail
        self.batches.append([r.url for r in records])
        return BatchOutcome(saved=[SaveResult(i, "new") for i, _ in enumerate(records)])


def _threads(writer: ProcessWriter, count: int, *, before_write: Callable[[int], None]
             ) -> tuple[list[threading.Thread], dict[int, Any]]:
    """`count` threads, each with a page on its way: `before_write(i)`, then its write."""
    results: dict[int, Any] = {}

    def one(i: int) -> None:
        with writer.page() as slot:
            before_write(i)
            try:
                results[i] = slot.write(_record(i), _log(i))
            except Exception as exc:
                results[i] = exc

    threads = [threading.Thread(target=one, args=(i,)) for i in range(count)]
    return threads, results


def _run(threads: list[threading.Thread], timeout: float) -> None:
    """Start them all, then wait for each (up to `timeout` seconds)."""
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout)


def test_pages_of_one_process_share_a_transaction() -> None:
    store = FakeStore()
    writer = ProcessWriter(store, max_records=100, linger=5.0)
    all_in = threading.Barrier(3)
    # Every thread has its page on its way before any writes: the batch waits for the
    # pages still coming (up to the linger), then the three share one transaction.
    threads, results = _threads(writer, 3, before_write=lambda i: (all_in.wait(5),
                                                                  time.sleep(0.1 * i)))
    started = time.monotonic()
    _run(threads, 10)
    assert time.monotonic() - started < 3  # no page waited for the whole linger
    assert len(store.batches) == 1 and sorted(store.batches[0]) == [
        f"https://example.org/{i}" for i in range(3)]
    assert all(isinstance(r, BatchOutcome) and len(r.saved) == 1 for r in results.values())
    writer.close()


def test_a_thread_returns_only_once_its_transaction_committed() -> None:
    store = FakeStore()
    store.release.clear()  # the transaction is still running
    writer = ProcessWriter(store, max_records=100, linger=0.0)
    threads, results = _threads(writer, 1, before_write=lambda i: None)
    threads[0].start()
    threads[0].join(0.5)
    assert threads[0].is_alive() and not results
    store.release.set()
    threads[0].join(5)
    assert isinstance(results[0], BatchOutcome) and store.batches == [["https://example.org/0"]]
    writer.close()


def test_a_failing_batch_fails_each_of_its_messages() -> None:
    store = FakeStore()
    store.fail = StorageUnavailable(RuntimeError("connection refused"))
    writer = ProcessWriter(store, max_records=100, linger=5.0)
    all_in = threading.Barrier(3)
    threads, results = _threads(writer, 3, before_write=lambda i: all_in.wait(5))
    _run(threads, 10)
    # Each thread raises: its actor fails and the broker retries its message.
    assert sorted(results) == [0, 1, 2]
    assert all(isinstance(r, StorageUnavailable) for r in results.values())
    # The retried messages are written by the next batches.
    store.fail = None
    threads, results = _threads(writer, 3, before_write=lambda i: None)
    _run(threads, 10)
    assert sorted(u for b in store.batches for u in b) == [
        f"https://example.org/{i}" for i in range(3)]
    writer.close()


def test_a_page_that_never_comes_does_not_hold_the_batch() -> None:
    store = FakeStore()
    writer = ProcessWriter(store, max_records=100, linger=30.0)
    wrote = threading.Event()
    failing = threading.Event()

    def fails() -> None:
        with writer.page():
            wrote.wait(5)  # the other page is queued while this one is on its way
            time.sleep(0.2)
            failing.set()  # ... then this one fails: no write

    other = threading.Thread(target=fails)
    other.start()
    threads, results = _threads(writer, 1, before_write=lambda i: None)
    started = time.monotonic()
    threads[0].start()
    time.sleep(0.1)
    wrote.set()
    threads[0].join(10)
    other.join(5)
    assert failing.is_set() and isinstance(results[0], BatchOutcome)
    assert time.monotonic() - started < 5  # not the 30 s linger
    writer.close()


@pytest.mark.parametrize("batch", [1, 2])
def test_at_most_write_batch_size_pages_a_transaction(batch: int) -> None:
    store = FakeStore()
    writer = ProcessWriter(store, max_records=batch, linger=5.0)
    all_in = threading.Barrier(4)
    threads, results = _threads(writer, 4, before_write=lambda i: all_in.wait(5))
    _run(threads, 20)
    assert len(results) == 4 and all(len(b) <= batch for b in store.batches)
    assert sum(len(b) for b in store.batches) == 4
    writer.close()


def test_article_messages_of_one_process_share_a_transaction(pg: Pg, web: TestServer) -> None:
    """Three article messages run by three threads of one process: while the first page's
    transaction is held (its hooks slow), the other two pages arrive and are then written
    together, each message's entry failure forgotten in it."""
    if not _redis_up():
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    items = publish(web, count=3)
    prefix = f"w{uuid.uuid4().hex[:8]}"
    settings = Settings(database_url=pg.url, politeness_redis_url=REDIS_URL,
                        queue_prefix=prefix, host_delay_seconds=0,
                        private_network_allowlist=["127.0.0.1"], image_fetch_limit=0,
                        total_timeout=10, host_slot_seconds=15, worker_write_linger_seconds=0.05)
    rt = Runtime(settings, send_poll=_ignore, send_article=_ignore, send_image=_ignore,
                 db=pg.db)
    with pg.db.write() as conn:
        enroll_sources(conn, [SourceSpec(slug="journal", name="Journal", languages=("fr",),
                                         feeds=(FeedSpec(url=web.url("/feed.xml"),
                                                         kind="rss"),))])
        feed_id = int(conn.execute(select(feeds.c.id)).scalar_one())
        for item in items:  # each entry failed once before: forgotten when stored
            record_entry_failure(conn, feed_id, item["link"], "timeout", NOW)
    sizes: list[int] = []
    first = threading.Event()

    def slow_first(conn: Any, stored: Any) -> None:
        sizes.append(len(stored))
        if not first.is_set():
            first.set()
            time.sleep(2.0)  # the other two pages arrive meanwhile

    rt.hooks = [*rt.hooks, slow_first]
    outcomes: list[str] = []

    def run(item: dict[str, str]) -> None:
        entry = Entry(url=item["link"], title=item["title"], guid=item["guid"])
        payload = ArticleMessage(feed_id, entry_to_json(entry), booked=True).as_json()
        outcomes.append(article_message(rt, payload))

    try:
        threads = [threading.Thread(target=run, args=(item,)) for item in items]
        threads[0].start()
        assert first.wait(20)
        for t in threads[1:]:
            t.start()
        for t in threads:
            t.join(30)
        assert sorted(outcomes) == ["new"] * 3
        assert sizes == [1, 2]
        with pg.db.read() as conn:
            assert int(conn.execute(select(func.count()).select_from(articles)
                                    ).scalar_one()) == 3
            assert int(conn.execute(select(func.count()).select_from(entry_failures)
                                    ).scalar_one()) == 0
    finally:
        rt.writer.close()
        client = redis.Redis.from_url(REDIS_URL)
        for key in client.scan_iter(match=f"{prefix}:*"):
            client.delete(key)


def _ignore(*args: Any, **kwargs: Any) -> None:
    return None
