"""Failure isolation by construction: one article's failure at any stage is its own;
a failure of the storage itself stops the pass and is blamed on no feed."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

from jarida.pipeline.crawler import Crawler
from jarida.settings import Settings
from jarida.storage import Database
from jarida.storage import feeds as feed_store
from jarida.storage.failures import StorageUnavailable
from tests.pipeline.site import publish
from tests.pipeline.test_crawl import all_articles, crawl, register
from tests.webserver import TestServer

BAD = "/a/2"


def _raise_for_bad(original: Callable[..., Any], url_of: Callable[..., str],
                   exc: BaseException) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if BAD in url_of(*args, **kwargs):
            raise exc
        return original(*args, **kwargs)

    return wrapper


def _stage_patches(monkeypatch: pytest.MonkeyPatch, stage: str) -> None:
    import jarida.crawl.encoding as encoding
    import jarida.extract as extract
    import jarida.pipeline.build as build
    from jarida.crawl.fetcher import Fetcher

    if stage == "fetch":
        original = Fetcher.fetch

        async def fetch(self: Fetcher, url: str, **kw: Any) -> Any:
            if BAD in url:
                raise RecursionError("maximum recursion depth exceeded")
            return await original(self, url, **kw)

        monkeypatch.setattr(Fetcher, "fetch", fetch)
    elif stage == "decode":
        monkeypatch.setattr(encoding, "decode", _raise_for_bad(
            encoding.decode,
            lambda body, enc: BAD if b"(article 2)" in body else "",
            LookupError("unknown encoding: x-hostile")))
    elif stage == "extract":
        monkeypatch.setattr(extract, "extract_article", _raise_for_bad(
            extract.extract_article, lambda html, url, **kw: url,
            MemoryError("lxml could not allocate")))
    elif stage == "build":
        monkeypatch.setattr(build, "build_record", _raise_for_bad(
            build.build_record, lambda extracted, **kw: kw["fetched_url"],
            TypeError("unexpected value in the page's metadata")))
    elif stage == "store":
        import jarida.pipeline.hooks as hooks

        def refuse(conn: Any, stored: Any) -> None:
            if any(BAD in s.record.url for s in stored):
                raise IntegrityError("INSERT", {}, Exception("CHECK constraint failed"))

        original_hooks = hooks.after_store_hooks
        monkeypatch.setattr(hooks, "after_store_hooks",
                            lambda settings: [*original_hooks(settings), refuse])
        import jarida.pipeline.crawler as crawler_module

        monkeypatch.setattr(crawler_module, "after_store_hooks", hooks.after_store_hooks)


@pytest.mark.parametrize("stage", ["fetch", "decode", "extract", "build", "store"])
def test_one_article_failing_at_any_stage_fails_alone(
    stage: str, web: TestServer, settings: Settings, db: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    publish(web, 4)
    register(db, web.url("/feed.xml"))
    _stage_patches(monkeypatch, stage)
    report = crawl(settings.model_copy(update={"write_batch_size": 10}), db)
    stored = sorted(a.url for a in all_articles(db))
    assert len(stored) == 3 and not any(BAD in u for u in stored)
    tally = report.tally("journal")
    assert tally.new == 3 and tally.failed == 1
    assert BAD in (tally.last_error or "")
    with db.read() as conn:
        feed = feed_store.due_feeds(conn, feed_store_now_far())[0]
    assert feed.status == "active" and feed.consecutive_failures == 0


def feed_store_now_far() -> Any:
    from datetime import UTC, datetime, timedelta

    return datetime.now(UTC) + timedelta(days=400)


def test_storage_failure_stops_the_pass_and_blames_no_feed(
    web: TestServer, settings: Settings, db: Database, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A full disk: the pass stops at the first failed write, pending fetches are
    cancelled, the feed is not marked failing and keeps its old validators."""
    import jarida.storage.articles as article_store

    publish(web, 30, delay=0.05)
    register(db, web.url("/feed.xml"))

    def disk_full(conn: Any, records: Any) -> Any:
        raise OperationalError("INSERT", {}, Exception("database or disk is full"))

    monkeypatch.setattr(article_store, "save_articles", disk_full)
    slow = settings.model_copy(update={"write_batch_size": 2, "crawl_concurrency": 2,
                                       "host_concurrency": 2})
    with pytest.raises(StorageUnavailable, match="database or disk is full"):
        crawl(slow, db)
    fetched = sum(web.count(f"/a/{n}") for n in range(1, 31))
    assert fetched < 30  # what was queued was abandoned, not fetched to be thrown away
    with db.read() as conn:
        feed = feed_store.due_feeds(conn, feed_store_now_far())[0]
    assert feed.status == "active" and feed.consecutive_failures == 0
    assert feed.etag is None  # validators not saved: the next pass sees every entry again


def test_stop_request_abandons_queued_work_and_keeps_the_feed_for_next_pass(
    web: TestServer, settings: Settings, db: Database,
) -> None:
    publish(web, 20, delay=0.05)
    register(db, web.url("/feed.xml"))
    paced = settings.model_copy(update={"host_delay_seconds": 0.1})

    async def go() -> Any:
        async with Crawler(paced, db) as crawler:
            task = asyncio.create_task(crawler.crawl_once(force=True))
            # Stop once a few pages have been asked for (not after a fixed time: on a
            # loaded machine the pass may not have reached the pages yet).
            for _ in range(400):
                if sum(r.path.startswith("/a/") for r in list(web.requests)) >= 3:
                    break
                await asyncio.sleep(0.025)
            crawler.request_stop()
            return await asyncio.wait_for(task, 10)

    report = asyncio.run(go())
    assert report.stopped
    kept = len(all_articles(db))
    assert 0 < kept < 20
    with db.read() as conn:
        feed = feed_store.due_feeds(conn, feed_store_now_far())[0]
    assert feed.etag is None and feed.consecutive_failures == 0
    again = crawl(settings, db, force=False)  # the next pass finishes the job
    assert again.tally("journal").new == 20 - kept
    assert len(all_articles(db)) == 20


def test_a_page_not_live_when_listed_is_stored_by_the_next_crawl(
    web: TestServer, settings: Settings, db: Database,
) -> None:
    """The feed lists /a/3 before it is published (404). The feed does not change, yet
    the next crawl (not forced) fetches /a/3 again and stores it."""
    publish(web, 3)
    web.route("/a/3", "not yet", status=404)
    register(db, web.url("/feed.xml"))
    first = crawl(settings, db)
    assert first.tally("journal").new == 2 and first.tally("journal").failed == 1
    from tests.pipeline.site import article_page

    web.route("/a/3", article_page(3, "Publié un peu après son annonce"),
              headers={"Content-Type": "text/html; charset=utf-8"})
    second = crawl(settings, db, force=False)
    assert second.tally("journal").new == 1
    assert web.requests_for("/feed.xml")[-1].headers.get("if-none-match") == '"v1"'
    assert len(all_articles(db)) == 3
    third = crawl(settings, db, force=False)  # nothing left to retry: nothing fetched
    assert third.pages_fetched == 0
