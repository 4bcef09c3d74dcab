"""A crawl of the local test web moves the crawler's metrics, extraction workers included."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from jarida.metrics import render_metrics, watch_feeds
from jarida.pipeline.crawler import Crawler
from jarida.settings import Settings
from jarida.storage import Database
from tests.metrics.scrape import samples, value
from tests.pipeline.site import publish
from tests.pipeline.test_crawl import register
from tests.webserver import TestServer


@pytest.fixture
def web() -> Iterator[TestServer]:
    with TestServer() as server:
        yield server


def _settings(tmp_path: Path, workers: int) -> Settings:
    return Settings(database_url=f"sqlite:///{tmp_path}/jarida.db",
                    private_network_allowlist=["127.0.0.1"], host_delay_seconds=0.0,
                    total_timeout=3.0, connect_timeout=2.0, max_retries=1,
                    retry_max_wait=0.2, extract_workers=workers)


@pytest.mark.parametrize("workers", [1, 2], ids=["inline", "worker-processes"])
def test_a_crawl_moves_fetch_store_and_extraction_metrics(
    web: TestServer, tmp_path: Path, workers: int
) -> None:
    settings = _settings(tmp_path, workers)
    db = Database.open(settings.database_url)
    db.upgrade()
    unwatch = watch_feeds(db)
    try:
        publish(web, 4)
        register(db, web.url("/feed.xml"))
        before = render_metrics().decode()
        assert value(before, "jarida_feeds_due") == 1  # a new feed is due at once

        async def go() -> None:
            async with Crawler(settings, db) as crawler:
                await crawler.crawl_once()

        asyncio.run(go())
        after = render_metrics().decode()
    finally:
        unwatch()
        db.close()

    def moved(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert moved("jarida_fetches_total", outcome="ok") == 5  # the feed and its 4 pages
    assert moved("jarida_articles_stored_total", outcome="new") == 4
    # Timed in the worker process when there is one, counted by the crawl process.
    assert moved("jarida_extraction_duration_seconds_count") == 4
    assert moved("jarida_extraction_duration_seconds_sum") > 0
    assert moved("jarida_fetch_duration_seconds_count") == 5
    assert moved("jarida_crawl_pass_duration_seconds_count") == 1
    assert value(after, "jarida_feeds_due") == 0  # polled: its next time is ahead
    assert value(after, "jarida_host_turns_waiting") == 0  # nothing queued once done


def test_failed_fetches_are_counted_by_error_kind(web: TestServer, tmp_path: Path) -> None:
    settings = _settings(tmp_path, 1)
    db = Database.open(settings.database_url)
    db.upgrade()
    register(db, web.url("/missing-feed.xml"))
    before = render_metrics().decode()

    async def go() -> None:
        async with Crawler(settings, db) as crawler:
            await crawler.crawl_once()

    asyncio.run(go())
    db.close()
    after = render_metrics().decode()
    assert (value(after, "jarida_fetches_total", outcome="http")
            - value(before, "jarida_fetches_total", outcome="http")) == 1
    labels = {dict(k[1]).get("outcome") for k in samples(after) if k[0] == "jarida_fetches_total"}
    assert labels <= {"ok", "not_modified", "gone", "url", "scheme", "ssrf", "robots", "timeout",
                      "too_large", "http", "network", "redirects", "decoding", "tls", "error"}
