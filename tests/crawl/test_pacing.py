"""Per-host pacing: one request at a time and a minimum gap, across concurrent tasks."""

from __future__ import annotations

import asyncio
import itertools

from jarida.crawl import Fetcher
from jarida.crawl.pacing import HostPacer, mark_answered
from tests.crawl.conftest import FakeClock, make_settings
from tests.webserver import TestServer

DELAY = 0.15


def test_concurrent_tasks_keep_the_gap_on_one_host(web: TestServer) -> None:
    for i in range(4):
        web.route(f"/p{i}", body=f"page {i}")

    async def run() -> None:
        async with Fetcher(make_settings(host_delay_seconds=DELAY)) as fetcher:
            results = await asyncio.gather(*(fetcher.fetch(web.url(f"/p{i}")) for i in range(4)))
        assert all(r.status == 200 for r in results)

    asyncio.run(run())
    starts = sorted(r.at for r in web.requests)
    assert len(starts) == 5  # robots.txt is paced too
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert min(gaps) >= DELAY - 0.01, gaps


def test_other_hosts_are_not_held_back(web: TestServer, web2: TestServer) -> None:
    """127.0.0.1 and localhost are different hosts for pacing, even on one machine."""
    web.route("/a", body="x")
    web2.route("/a", body="y")

    async def run() -> float:
        settings = make_settings(host_delay_seconds=1.0,
                                 private_network_allowlist=["127.0.0.1", "localhost"])
        async with Fetcher(settings) as fetcher:
            loop = asyncio.get_running_loop()
            started = loop.time()
            await asyncio.gather(fetcher.fetch(web.url("/a")),
                                 fetcher.fetch(f"http://localhost:{web2.port}/a"))
            return loop.time() - started

    # Each host needs robots.txt then the page (one 1 s gap), run side by side: ~1 s, not 3 s.
    assert asyncio.run(run()) < 1.9


def test_pacer_serialises_and_spaces_with_a_fake_clock() -> None:
    clock = FakeClock()
    pacer = HostPacer(clock, delay=2.0, concurrency=1)
    log: list[tuple[str, float]] = []

    async def work(name: str) -> None:
        async with pacer.slot("example.com"):
            log.append((name + " start", clock.now))
            await clock.sleep(0.5)
            log.append((name + " end", clock.now))

    async def run() -> None:
        await asyncio.gather(work("a"), work("b"), work("c"))

    asyncio.run(run())
    assert [event for event, _ in log] == [
        "a start", "a end", "b start", "b end", "c start", "c end"]
    starts = [t for event, t in log if event.endswith("start")]
    ends = [t for event, t in log if event.endswith("end")]
    assert all(s - e >= 2.0 for e, s in zip(ends, starts[1:], strict=False))


def test_the_gap_runs_from_the_answer_and_requests_never_overlap() -> None:
    """Headers at +0.1 s, body read until +0.9 s: the next start is one gap after the
    answer (2.1 s), not after the body (2.9 s), and never while a request is in flight."""
    clock = FakeClock()
    pacer = HostPacer(clock, delay=2.0, concurrency=1)
    log: list[tuple[str, float]] = []

    async def work(name: str, answered: bool) -> None:
        async with pacer.slot("example.com"):
            log.append((name + " start", clock.now))
            await clock.sleep(0.1)
            if answered:
                mark_answered()
                log.append((name + " answer", clock.now))
            await clock.sleep(0.8)
            log.append((name + " end", clock.now))

    async def run() -> None:
        await asyncio.gather(work("a", True), work("b", False), work("c", True))

    asyncio.run(run())
    at = dict(log)
    assert [event for event, _ in log] == [
        "a start", "a answer", "a end", "b start", "b end", "c start", "c answer", "c end"]
    assert at["b start"] == at["a answer"] + 2.0  # counted from a's answer
    assert at["c start"] == at["b end"] + 2.0  # b got no answer: counted from its end
    assert at["b start"] - at["a start"] >= 2.0 and at["c start"] - at["b start"] >= 2.0


def test_an_answer_outside_any_slot_changes_nothing() -> None:
    mark_answered()  # e.g. a transfer used without a pacer: no error, no effect


def test_defer_holds_every_task_back() -> None:
    clock = FakeClock()
    pacer = HostPacer(clock, delay=0.0)
    pacer.defer("example.com", 30.0)

    async def run() -> float:
        async with pacer.slot("example.com"):
            return clock.now

    assert asyncio.run(run()) >= 30.0


def test_host_table_is_bounded() -> None:
    clock = FakeClock()
    pacer = HostPacer(clock, delay=1.0, max_hosts=10)

    async def run() -> None:
        for i in range(50):
            async with pacer.slot(f"host{i}.example"):
                pass
            clock.now += 5.0

    asyncio.run(run())
    assert len(pacer._hosts) <= 11


def test_total_concurrency_caps_requests_across_hosts() -> None:
    clock = FakeClock()
    pacer = HostPacer(clock, delay=0.0, concurrency=4, total_concurrency=2)
    in_flight = peak = 0

    async def work(host: str) -> None:
        nonlocal in_flight, peak
        async with pacer.slot(host):
            in_flight += 1
            peak = max(peak, in_flight)
            await asyncio.sleep(0.01)
            in_flight -= 1

    async def run() -> None:
        await asyncio.gather(*(work(f"h{i % 3}.example") for i in range(9)))

    asyncio.run(run())
    assert peak == 2
