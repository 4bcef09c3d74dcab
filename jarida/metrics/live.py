"""Gauges read at scrape time: pages waiting for their host, feeds due, queues, the page cache.

Each `watch_*` function adds one source of values to the collector `LIVE` (registered
once) and returns a function that removes it. Nothing on the crawl's or the web's hot
path updates these numbers: they are computed when Prometheus asks.

Room `dist` wires the broker's queues with one line, in the scheduler:
`watch_queues(lambda: [QueueStat(q.name, q.ready, q.oldest_age_seconds or 0.0, q.dead,
q.delayed) for q in queue_status(broker, queues(settings))])`
(jarida.distributed.queues.queue_status, what `jarida queue status` prints).
"""

from __future__ import annotations

import itertools
import logging
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import REGISTRY, Collector

from jarida.metrics import definitions as m

if TYPE_CHECKING:
    from jarida.storage import Database

log = logging.getLogger("jarida.metrics")

# A feed due for longer than this is overdue: the crawl is not keeping up.
OVERDUE_AFTER = timedelta(minutes=10)

Produce = Callable[[], Iterable[Metric]]


class LiveCollector(Collector):
    """Metrics produced by the registered callables at each scrape; a failing one is
    logged and skipped (a scrape never fails because the database is down)."""

    def __init__(self) -> None:
        self._sources: dict[int, Produce] = {}
        self._ids = itertools.count()
        self._lock = threading.Lock()

    def add(self, produce: Produce) -> Callable[[], None]:
        with self._lock:
            key = next(self._ids)
            self._sources[key] = produce

        def remove() -> None:
            with self._lock:
                self._sources.pop(key, None)

        return remove

    def collect(self) -> Iterator[Metric]:
        with self._lock:
            sources = list(self._sources.values())
        for produce in sources:
            try:
                yield from list(produce())
            except Exception as exc:
                log.warning("metrics source failed: %s", f"{type(exc).__name__}: {exc}"[:300])

    def describe(self) -> Iterable[Metric]:
        return ()  # not collected at registration (sources come and go)


LIVE = LiveCollector()
REGISTRY.register(LIVE)


class _Waiting(Protocol):
    @property
    def waiting(self) -> int: ...


_schedulers: weakref.WeakSet[_Waiting] = weakref.WeakSet()


def _host_turns() -> Iterable[Metric]:
    gauge = GaugeMetricFamily(
        m.HOST_TURNS_WAITING,
        "Fetches queued behind their host (waiting for its turn; politeness at work).")
    gauge.add_metric([], float(sum(s.waiting for s in list(_schedulers))))
    return [gauge]


LIVE.add(_host_turns)


def track_scheduler(scheduler: _Waiting) -> None:
    """Count this scheduler's waiting turns while it lives (pipeline.scheduler.HostScheduler)."""
    _schedulers.add(scheduler)


def watch_feeds(database: Database, overdue_after: timedelta = OVERDUE_AFTER
                ) -> Callable[[], None]:
    """Feeds due, overdue and the age of the oldest due one, read from the database."""
    from jarida.storage.feed_lateness import feed_lateness

    def produce() -> Iterable[Metric]:
        now = datetime.now(UTC)
        with database.read() as conn:
            late = feed_lateness(conn, now, overdue_after)
        oldest = (now - late.oldest_due_at).total_seconds() if late.oldest_due_at else 0.0
        return [
            GaugeMetricFamily(m.FEEDS_DUE, "Active or failing feeds whose poll time has come.",
                              value=late.due),
            GaugeMetricFamily(m.FEEDS_OVERDUE, "Feeds due for longer than "
                              f"{int(overdue_after.total_seconds())} s.", value=late.overdue),
            GaugeMetricFamily(m.FEEDS_OLDEST_DUE_AGE,
                              "How long the longest-waiting due feed has been due.",
                              value=max(oldest, 0.0)),
        ]

    return LIVE.add(produce)


@dataclass(frozen=True)
class QueueStat:
    queue: str
    messages: int  # waiting to be consumed (not counting those being processed)
    oldest_age_seconds: float  # age of the oldest waiting message; 0 when empty
    dead_letters: int = 0
    delayed: int = 0  # waiting for their time (a host's turn, a retry's back-off)


def watch_queues(stats: Callable[[], Iterable[QueueStat]]) -> Callable[[], None]:
    """Queue depth, age and dead letters from `stats()`, called at each scrape."""

    def produce() -> Iterable[Metric]:
        depth = GaugeMetricFamily(m.QUEUE_MESSAGES, "Messages waiting in a broker queue.",
                                  labels=["queue"])
        age = GaugeMetricFamily(m.QUEUE_OLDEST_AGE,
                                "Age of the oldest message waiting in a queue.",
                                labels=["queue"])
        delayed = GaugeMetricFamily(m.QUEUE_DELAYED,
                                    "Messages of a queue waiting for their time.",
                                    labels=["queue"])
        dead = GaugeMetricFamily(m.QUEUE_DEAD_LETTERS,
                                 "Messages in a queue's dead-letter queue (retries exhausted).",
                                 labels=["queue"])
        for stat in stats():
            depth.add_metric([stat.queue], stat.messages)
            age.add_metric([stat.queue], stat.oldest_age_seconds)
            dead.add_metric([stat.queue], stat.dead_letters)
            delayed.add_metric([stat.queue], stat.delayed)
        return [depth, age, delayed, dead]

    return LIVE.add(produce)


class _Cache(Protocol):
    hits: int
    misses: int

    def __len__(self) -> int: ...


_caches: weakref.WeakSet[_Cache] = weakref.WeakSet()


def _page_caches() -> Iterable[Metric]:
    caches = list(_caches)
    if not caches:
        return []
    return [
        CounterMetricFamily(m.PAGE_CACHE_HITS, "Pages answered from the page cache.",
                            value=sum(c.hits for c in caches)),
        CounterMetricFamily(m.PAGE_CACHE_MISSES, "Pages rendered because not cached.",
                            value=sum(c.misses for c in caches)),
        GaugeMetricFamily(m.PAGE_CACHE_ENTRIES, "Pages held in the page cache.",
                          value=sum(len(c) for c in caches)),
    ]


LIVE.add(_page_caches)


def watch_page_cache(cache: _Cache) -> None:
    """Export this page cache's own counts (web.caching.PageCache keeps them) while it lives."""
    _caches.add(cache)
