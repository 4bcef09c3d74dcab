"""The host-aware scheduler on a simulated clock: politeness costs no throughput."""

from __future__ import annotations

import asyncio
import heapq
import itertools

import pytest

from jarida.crawl.pacing import HostPacer
from jarida.pipeline.scheduler import HostScheduler, Priority, SchedulerClosed


class SimClock:
    """Virtual time: a sleeper wakes when every task is idle and its time is the earliest."""

    def __init__(self) -> None:
        self.now = 0.0
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._seq = itertools.count()

    def monotonic(self) -> float:
        return self.now

    def wall(self) -> float:
        return 1_800_000_000.0 + self.now

    async def sleep(self, seconds: float) -> None:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self.now + max(0.0, seconds), next(self._seq), future))
        await future

    async def drive(self, until: asyncio.Future[object]) -> None:
        while not until.done():
            for _ in range(50):  # let every runnable task reach its next sleep
                await asyncio.sleep(0)
            if not self._sleepers:
                continue
            when, _, future = heapq.heappop(self._sleepers)
            self.now = max(self.now, when)
            if not future.done():
                future.set_result(None)


def _crawl(hosts: int, pages: int, *, permits: int, gap: float = 1.0, fetch: float = 0.02,
           extract: float = 0.0) -> tuple[float, dict[str, list[float]]]:
    """Every host's pages queued at once, host after host (as feeds list them)."""
    clock = SimClock()
    pacer = HostPacer(clock, delay=gap, concurrency=1, total_concurrency=32)
    starts: dict[str, list[float]] = {}

    async def page(scheduler: HostScheduler, host: str) -> None:
        async with scheduler.turn(host, Priority.FRESH) as turn:
            async with pacer.slot(host):
                starts.setdefault(host, []).append(clock.now)
                await clock.sleep(fetch)
            turn.host_done()
            await clock.sleep(extract)

    async def run() -> float:
        scheduler = HostScheduler(pacer, permits=permits)
        work = asyncio.gather(*(page(scheduler, f"h{h}") for h in range(hosts)
                                for _ in range(pages)))
        await clock.drive(work)
        await work
        return clock.now

    return asyncio.run(run()), starts


def test_many_hosts_finish_at_the_politeness_bound() -> None:
    """40 hosts x 25 pages with a 1 s gap: the bound is ~25 s, whatever the queue order,
    even with fewer permits than hosts x pages (queued work holds no permit)."""
    elapsed, starts = _crawl(40, 25, permits=16)
    assert len(starts) == 40 and all(len(s) == 25 for s in starts.values())
    assert elapsed <= 25 * 1.05
    for host_starts in starts.values():  # politeness itself is untouched
        assert all(b - a >= 1.0 for a, b in itertools.pairwise(host_starts))


def test_slow_extraction_bounds_pages_in_progress_without_idling_hosts() -> None:
    """With extraction slower than fetching, permits cap the pages held at once; hosts
    still get them in turn (each host's share of the wall time is the same)."""
    _elapsed, starts = _crawl(10, 5, permits=4, extract=3.0)
    assert all(len(s) == 5 for s in starts.values())
    firsts = sorted(s[0] for s in starts.values())
    assert firsts[-1] < 10.0  # every host began early: no host waited for another's backlog


def test_fresh_entries_go_before_backlog_and_feeds_first() -> None:
    clock = SimClock()
    pacer = HostPacer(clock, delay=1.0, concurrency=1)
    order: list[str] = []

    async def job(scheduler: HostScheduler, name: str, priority: Priority,
                  newest: float = 0.0) -> None:
        async with scheduler.turn("h", priority, newest=newest), pacer.slot("h"):
            order.append(name)
            await clock.sleep(0.5)  # "busy" still holds the host while the rest queue

    async def run() -> None:
        scheduler = HostScheduler(pacer, permits=8)
        first = asyncio.create_task(job(scheduler, "busy", Priority.BACKLOG))
        await asyncio.sleep(0)
        rest = [asyncio.create_task(job(scheduler, n, p, t)) for n, p, t in [
            ("archive-1", Priority.BACKLOG, 1.0), ("fresh-old", Priority.FRESH, 10.0),
            ("archive-2", Priority.BACKLOG, 2.0), ("feed", Priority.FEED, 0.0),
            ("fresh-new", Priority.FRESH, 20.0)]]
        work = asyncio.gather(first, *rest)
        await clock.drive(work)

    asyncio.run(run())
    assert order == ["busy", "feed", "fresh-new", "fresh-old", "archive-2", "archive-1"]


def test_close_abandons_queued_turns_and_lets_running_ones_finish() -> None:
    clock = SimClock()
    pacer = HostPacer(clock, delay=1.0, concurrency=1)
    outcomes: list[str] = []

    async def job(scheduler: HostScheduler, name: str) -> None:
        try:
            async with scheduler.turn("h", Priority.FRESH):
                await clock.sleep(0.5)
                outcomes.append(f"{name} done")
        except SchedulerClosed:
            outcomes.append(f"{name} abandoned")

    async def run() -> None:
        scheduler = HostScheduler(pacer, permits=8)
        tasks = [asyncio.create_task(job(scheduler, f"j{i}")) for i in range(3)]
        await asyncio.sleep(0)
        scheduler.close()
        work = asyncio.gather(*tasks)
        await clock.drive(work)
        with pytest.raises(SchedulerClosed):
            async with scheduler.turn("other", Priority.FEED):
                pass

    asyncio.run(run())
    assert sorted(outcomes) == ["j0 done", "j1 abandoned", "j2 abandoned"]


def test_cancelled_waiter_passes_the_turn_on() -> None:
    clock = SimClock()
    pacer = HostPacer(clock, delay=0.0, concurrency=1)
    done: list[str] = []

    async def job(scheduler: HostScheduler, name: str) -> None:
        async with scheduler.turn("h", Priority.FRESH):
            await clock.sleep(1.0)
            done.append(name)

    async def run() -> None:
        scheduler = HostScheduler(pacer, permits=8)
        a = asyncio.create_task(job(scheduler, "a"))
        b = asyncio.create_task(job(scheduler, "b"))
        c = asyncio.create_task(job(scheduler, "c"))
        await asyncio.sleep(0)
        b.cancel()
        work = asyncio.gather(a, c)
        await clock.drive(work)
        assert scheduler.waiting == 0

    asyncio.run(run())
    assert done == ["a", "c"]
