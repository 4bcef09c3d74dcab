"""The crawl's writer: pages of many feeds share transactions, and each feed hears only
about its own pages."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from jarida.model import ArticleRecord
from jarida.pipeline.batch import BatchOutcome
from jarida.pipeline.write_combiner import WriteCombiner, split
from jarida.storage.articles import SaveResult
from jarida.storage.fetchlog import FetchLogEntry

T0 = datetime(2026, 12, 2, tzinfo=UTC)
BASE = ArticleRecord(source_id=1, feed_id=None, url="https://x.example/0",
                     canonical_url="https://x.example/0", title="t", text="x", html="",
                     excerpt="", content_hash="h", fetched_at=T0)


def _record(n: int) -> ArticleRecord:
    return replace(BASE, url=f"https://x.example/{n}", canonical_url=f"https://x.example/{n}")


class FakeStore:
    """Stores everything except records whose url ends in /bad; logs each transaction."""

    def __init__(self) -> None:
        self.transactions: list[list[str]] = []
        self.gate = asyncio.Event()
        self.gate.set()

    async def write(self, records: list[ArticleRecord], logs: list[FetchLogEntry]
                    ) -> BatchOutcome:
        await self.gate.wait()
        self.transactions.append([r.url for r in records])
        out = BatchOutcome()
        for n, r in enumerate(records):
            if r.url.endswith("/bad"):
                out.failed.append((r, "refused"))
            else:
                out.saved.append(SaveResult(len(self.transactions) * 1000 + n, "new"))
        return out


def test_pages_waiting_while_a_write_runs_go_together_up_to_the_batch_size() -> None:
    store = FakeStore()

    async def go() -> list[BatchOutcome]:
        combiner = WriteCombiner(store.write, max_records=3, linger=0, more_coming=lambda: True)
        store.gate.clear()
        first = asyncio.create_task(combiner.submit([_record(0)], []))
        await asyncio.sleep(0)
        rest = [asyncio.create_task(combiner.submit([_record(n)], [])) for n in range(1, 6)]
        await asyncio.sleep(0)
        store.gate.set()
        return await asyncio.gather(first, *rest)

    parts = asyncio.run(go())
    assert [len(t) for t in store.transactions] == [1, 3, 2]
    assert all(len(p.saved) == 1 and not p.failed for p in parts)


def test_a_batch_fills_while_pages_are_coming_and_goes_at_once_when_none_are() -> None:
    store = FakeStore()
    coming = [True]

    async def go() -> float:
        loop = asyncio.get_running_loop()
        combiner = WriteCombiner(store.write, max_records=100, linger=0.3,
                                 more_coming=lambda: coming[0])
        started = loop.time()
        tasks = [asyncio.create_task(combiner.submit([_record(n)], [])) for n in range(3)]
        await asyncio.sleep(0.1)
        tasks += [asyncio.create_task(combiner.submit([_record(n)], [])) for n in range(3, 5)]
        await asyncio.gather(*tasks)
        lingered = loop.time() - started
        coming[0] = False
        await combiner.submit([_record(9)], [])
        return lingered

    lingered = asyncio.run(go())
    assert [len(t) for t in store.transactions] == [5, 1]
    assert 0.25 <= lingered < 1.0


def test_each_feed_hears_about_its_own_pages_only() -> None:
    records = [_record(0), replace(_record(1), url="https://x.example/bad"), _record(2),
               _record(3)]
    outcome = BatchOutcome(saved=[SaveResult(10, "new"), SaveResult(12, "updated"),
                                  SaveResult(13, "unchanged")],
                           failed=[(records[1], "refused")])
    a, b = split(outcome, [records[:2], records[2:]])
    assert [s.article_id for s in a.saved] == [10] and a.failed == [(records[1], "refused")]
    assert [s.article_id for s in b.saved] == [12, 13] and not b.failed


def test_a_storage_failure_reaches_every_waiting_feed() -> None:
    async def broken(records: list[ArticleRecord], logs: list[FetchLogEntry]) -> BatchOutcome:
        raise OSError("disk full")

    async def go() -> list[object]:
        combiner = WriteCombiner(broken, max_records=10, linger=0, more_coming=lambda: False)
        return await asyncio.gather(combiner.submit([_record(0)], []),
                                    combiner.submit([_record(1)], []), return_exceptions=True)

    results = asyncio.run(go())
    assert all(isinstance(r, OSError) for r in results)


@pytest.mark.parametrize("pages", [12])
def test_a_large_feed_is_written_in_a_few_transactions(pages: int) -> None:
    """Before the shared writer, a feed awaited each write: one transaction per page."""
    store = FakeStore()

    async def go() -> None:
        combiner = WriteCombiner(store.write, max_records=100, linger=0.2,
                                 more_coming=lambda: True)

        async def page(n: int) -> BatchOutcome:
            await asyncio.sleep(0.01 * n)  # pages finishing one after another
            return await combiner.submit([_record(n)], [])

        await asyncio.gather(*(page(n) for n in range(pages)))

    asyncio.run(go())
    assert sum(len(t) for t in store.transactions) == pages
    assert len(store.transactions) <= 2
