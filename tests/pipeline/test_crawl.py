"""Crawl end to end against a local site: store, deduplicate, follow changes, stay safe."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from email.utils import format_datetime

import pytest

from jarida.model import FeedSpec, SourceSpec
from jarida.pipeline.crawler import Crawler
from jarida.pipeline.report import CrawlReport
from jarida.settings import Settings
from jarida.sources.enroll import enroll_sources
from jarida.storage import ArticleFilter, Database
from jarida.storage import articles as store
from jarida.storage import sources as registry
from tests.pipeline.site import T0, article_page, publish, rss
from tests.webserver import TestServer


def register(db: Database, url: str, kind: str = "rss", slug: str = "journal") -> None:
    with db.write() as conn:
        enroll_sources(conn, [SourceSpec(slug=slug, name="Le Journal Test", languages=("fr",),
                                         feeds=(FeedSpec(url=url, kind=kind),))])  # type: ignore[arg-type]


def crawl(settings: Settings, db: Database, *, force: bool = True) -> CrawlReport:
    async def go() -> CrawlReport:
        async with Crawler(settings, db) as crawler:
            return await crawler.crawl_once(force=force)

    return asyncio.run(go())


def all_articles(db: Database) -> list[store.Article]:
    with db.read() as conn:
        return store.list_articles(conn, ArticleFilter(), limit=100).items


def test_first_crawl_stores_clean_articles(web: TestServer, settings: Settings,
                                           db: Database) -> None:
    publish(web, 4)
    register(db, web.url("/feed.xml"))
    report = crawl(settings, db)
    arts = all_articles(db)
    assert report.tally("journal").new == 4 and report.tally("journal").failed == 0
    assert len(arts) == 4
    first = next(a for a in arts if a.guid == "guid-1")
    assert first.title == "Mobilité urbaine : le plan numéro 1 adopté"  # outlet suffix gone
    assert "utm_source" not in first.canonical_url
    assert "1,2 milliard" in first.text and "cookies" not in first.text
    assert first.language == "fr" and first.published_at == T0 - timedelta(hours=1)
    assert first.excerpt and len(first.excerpt) <= 330


def test_second_crawl_fetches_nothing_and_duplicates_nothing(
    web: TestServer, settings: Settings, db: Database
) -> None:
    publish(web, 4)
    register(db, web.url("/feed.xml"))
    crawl(settings, db)
    pages_before = web.count("/a/1")
    report = crawl(settings, db)
    assert report.pages_fetched == 0 and report.new == 0
    assert web.count("/a/1") == pages_before
    assert web.requests_for("/feed.xml")[-1].headers.get("if-none-match") == '"v1"'
    assert len(all_articles(db)) == 4


def test_new_and_updated_entries_are_picked_up(
    web: TestServer, settings: Settings, db: Database
) -> None:
    items = publish(web, 2, etag=None)
    register(db, web.url("/feed.xml"))
    crawl(settings, db)
    # The publisher fixes article 1 (and says so in the feed) and adds article 3.
    web.route("/a/1", article_page(1, "Mobilité : le plan adopté, version corrigée"))
    web.route("/a/3", article_page(3, "Un troisième article"))
    future = format_datetime(T0 + timedelta(days=3650))
    items[0] = {**items[0], "title": "corrigé"}
    feed = rss([*items, {"title": "Un troisième article", "link": web.url("/a/3"),
                         "guid": "guid-3"}])
    feed = feed.replace("<guid isPermaLink=\"false\">guid-1</guid>",
                        f"<guid isPermaLink=\"false\">guid-1</guid><atom:updated xmlns:atom="
                        f"\"http://www.w3.org/2005/Atom\">{(T0 + timedelta(days=3650)).isoformat()}"
                        "</atom:updated>")
    assert future
    web.route("/feed.xml", feed, headers={"Content-Type": "application/rss+xml"})
    report = crawl(settings, db)
    assert report.tally("journal").new == 1
    titles = sorted(a.title for a in all_articles(db))
    assert "Un troisième article" in titles and len(titles) == 3


def test_page_that_fails_falls_back_to_feed_entry(
    web: TestServer, settings: Settings, db: Database
) -> None:
    summary = ("Résumé complet publié dans le flux : le conseil a voté le budget de la ville "
               "pour l'année prochaine après un long débat entre la majorité et l'opposition.")
    web.route("/feed.xml", rss([
        {"title": "Budget voté", "link": web.url("/missing"), "guid": "g1", "summary": summary},
        {"title": "Vide", "link": web.url("/missing2"), "guid": "g2"},
    ]), headers={"Content-Type": "application/rss+xml"})
    register(db, web.url("/feed.xml"))
    report = crawl(settings, db)
    arts = all_articles(db)
    assert [a.title for a in arts] == ["Budget voté"]
    assert arts[0].status == "feed_only" and "budget" in arts[0].text
    assert report.tally("journal").failed == 1  # the empty one, reported, not stored


def test_hostile_markup_never_reaches_storage(
    web: TestServer, settings: Settings, db: Database
) -> None:
    evil = ('<p>Texte <a href="javascript:alert(1)">lien</a></p><img src="x" onerror="alert(2)">'
            "<script>alert(3)</script><iframe src=\"http://evil\"></iframe>")
    web.route("/a/1", article_page(1, "Titre <script>alert(4)</script>", extra=evil))
    web.route("/feed.xml", rss([{"title": "<script>alert(5)</script>Titre",
                                 "link": web.url("/a/1"), "guid": "g"}]),
              headers={"Content-Type": "application/rss+xml"})
    register(db, web.url("/feed.xml"))
    crawl(settings, db)
    (art,) = all_articles(db)
    for bad in ("<script", "onerror", "javascript:", "<iframe"):
        assert bad not in art.html.lower()
    assert "<script" not in art.title


def test_gone_feed_stops_and_failing_feed_is_kept(
    web: TestServer, settings: Settings, db: Database
) -> None:
    web.route("/gone.xml", status=410)
    web.route("/broken.xml", status=500)
    register(db, web.url("/gone.xml"), slug="gone")
    register(db, web.url("/broken.xml"), slug="broken")
    report = crawl(settings, db)
    assert report.tally("gone").failed == 1 and report.tally("broken").failed == 1
    with db.read() as conn:
        feeds = {f.url.rsplit("/", 1)[1]: f for f in registry.all_feeds(conn)}
    assert feeds["gone.xml"].status == "gone" and feeds["gone.xml"].next_poll_at is None
    assert feeds["broken.xml"].status == "failing"
    assert feeds["broken.xml"].consecutive_failures == 1
    assert feeds["broken.xml"].next_poll_at is not None
    assert "500" in (feeds["broken.xml"].last_error or "")
    gone_polls = web.count("/gone.xml")
    crawl(settings, db)
    assert web.count("/gone.xml") == gone_polls  # 410 is never polled again


def test_homepage_is_resolved_by_autodiscovery(
    web: TestServer, settings: Settings, db: Database
) -> None:
    publish(web, 2)
    web.route("/", '<html><head><link rel="alternate" type="application/rss+xml" '
                   'href="/feed.xml"></head><body>Accueil</body></html>',
              headers={"Content-Type": "text/html"})
    register(db, web.url("/"))
    report = crawl(settings, db)
    assert report.tally("journal").new == 2
    with db.read() as conn:
        (feed,) = registry.all_feeds(conn)
    assert feed.url == web.url("/feed.xml") and feed.kind == "rss"
    # Importing the same list again names the homepage: it is the same feed, not a new one.
    register(db, web.url("/"))
    with db.read() as conn:
        assert [f.url for f in registry.all_feeds(conn)] == [web.url("/feed.xml")]


def test_permanent_redirect_updates_the_feed_url(
    web: TestServer, settings: Settings, db: Database
) -> None:
    publish(web, 1)
    web.redirect("/old.xml", "/feed.xml", status=301)
    register(db, web.url("/old.xml"))
    crawl(settings, db)
    with db.read() as conn:
        (feed,) = registry.all_feeds(conn)
    assert feed.url == web.url("/feed.xml")
    register(db, web.url("/old.xml"))  # the old address again: still one feed
    with db.read() as conn:
        assert len(registry.all_feeds(conn)) == 1


def test_worker_processes_extract_and_stem_for_the_index(web: TestServer, settings: Settings,
                                                         db: Database) -> None:
    """The production set-up: extraction in forked worker processes that start warm
    (forkserver), each sending its record with the search index forms already computed."""
    from jarida.pipeline.extraction import ExtractorPool
    from jarida.storage.search import search_ids

    pool = ExtractorPool(2)
    try:
        assert pool._executor._mp_context.get_start_method() == "forkserver"  # type: ignore[attr-defined]
        # warm() starts both workers before any page needs them (the crawl calls it from a
        # helper thread while robots.txt and the feeds load)
        assert len(pool._executor._processes or {}) == 0  # type: ignore[attr-defined]
        pool.warm()
        assert len(pool._executor._processes) == 2  # type: ignore[attr-defined]
    finally:
        pool.close()
    publish(web, 4)
    register(db, web.url("/feed.xml"))
    report = crawl(settings.model_copy(update={"extract_workers": 2}), db)
    assert report.tally("journal").new == 4 and report.tally("journal").failed == 0
    with db.read() as conn:
        found = search_ids(conn, "mobilités urbaines", ArticleFilter(), limit=10).ids
    assert sorted(found) == sorted(a.id for a in all_articles(db))


def test_fetched_pages_waiting_for_extraction_are_bounded(
    web: TestServer, settings: Settings, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fetching outruns extraction; the crawl stops fetching ahead once BACKLOG_PER_SLOT
    pages per fetch slot wait for the extractor, so a large sitemap never holds all its
    pages in memory. Nothing is lost on the way."""
    from jarida.pipeline import crawler as crawler_module
    from jarida.pipeline.extraction import ExtractorPool

    bound = 2 * 3  # BACKLOG_PER_SLOT x crawl_concurrency, set below
    waiting = {"now": 0, "peak": 0}
    full = asyncio.Event()
    extract = ExtractorPool.record

    async def slow_record(self: ExtractorPool, job: object) -> object:
        """Holds every page until `bound` of them wait: without the bound, more would come."""
        waiting["now"] += 1
        waiting["peak"] = max(waiting["peak"], waiting["now"])
        if waiting["now"] >= bound:
            full.set()
        try:
            await asyncio.wait_for(full.wait(), 10)
            return await extract(self, job)  # type: ignore[arg-type]
        finally:
            waiting["now"] -= 1

    monkeypatch.setattr(ExtractorPool, "record", slow_record)
    monkeypatch.setattr(crawler_module, "BACKLOG_PER_SLOT", 2)
    publish(web, 30)
    register(db, web.url("/feed.xml"))
    report = crawl(settings.model_copy(update={"crawl_concurrency": 3}), db)
    assert report.tally("journal").new == 30
    assert len(all_articles(db)) == 30
    assert waiting["peak"] == bound
