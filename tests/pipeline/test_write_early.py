"""A feed's articles are written while its other pages are still being fetched.

Waiting for a full batch (`write_batch_size`) wrote a small feed's articles only at its
end; with many outlets paced alike every feed ends in the same second, and all the
crawl's writing (with its after-store hooks) came after the last fetch.
"""

from __future__ import annotations

import asyncio
from typing import Any

from jarida.pipeline.crawler import Crawler
from jarida.settings import Settings
from jarida.storage import Database
from tests.pipeline.site import article_page, publish
from tests.pipeline.test_crawl import all_articles, register
from tests.webserver import TestServer


def test_articles_are_stored_before_the_feeds_last_page_arrives(
    web: TestServer, settings: Settings, db: Database,
) -> None:
    publish(web, 5)
    # the oldest entry, fetched last; its delay stays under the tests' 3 s timeout
    web.route("/a/5", article_page(5, "Le dernier article arrive tard"),
              headers={"Content-Type": "text/html; charset=utf-8"}, delay=1.5)
    register(db, web.url("/feed.xml"))
    # a short linger: the quick pages' extraction may take a second on a busy machine
    batched = settings.model_copy(update={"write_batch_size": 100, "write_linger_seconds": 0.1})

    async def go() -> tuple[int, Any]:
        async with Crawler(batched, db) as crawler:
            task = asyncio.create_task(crawler.crawl_once(force=True))
            seen = 0
            while not task.done():  # the slow page is still on its way
                seen = max(seen, len(all_articles(db)))
                if seen >= 4:
                    break
                await asyncio.sleep(0.05)
            in_flight = not task.done()
            report = await task
            return (seen if in_flight else -1), report

    seen, report = asyncio.run(go())
    assert seen == 4  # the four quick pages were written while the fifth was in flight
    assert report.tally("journal").new == 5
    assert len(all_articles(db)) == 5


def test_one_feeds_pages_share_transactions(
    web: TestServer, settings: Settings, db: Database, monkeypatch: Any,
) -> None:
    """A feed used to await each write, so a large outlet was stored one page per
    transaction; its pages now reach the crawl's writer while others are being written."""
    import jarida.pipeline.crawler as crawler_module

    publish(web, 30)
    register(db, web.url("/feed.xml"))
    sizes: list[int] = []
    real = crawler_module.store_batch

    def counted(db: Database, records: Any, logs: Any, hooks: Any) -> Any:
        sizes.append(len(records))
        return real(db, records, logs, hooks)

    monkeypatch.setattr(crawler_module, "store_batch", counted)

    async def go() -> Any:
        async with Crawler(settings, db) as crawler:
            return await crawler.crawl_once(force=True)

    report = asyncio.run(go())
    assert report.tally("journal").new == 30 and sum(sizes) == 30
    assert len([s for s in sizes if s]) <= 10, sizes
