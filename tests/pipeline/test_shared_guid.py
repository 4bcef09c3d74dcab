"""A feed whose items all carry one GUID: every item is stored, and new ones are fetched."""

from __future__ import annotations

from datetime import timedelta
from email.utils import format_datetime

from jarida.settings import Settings
from jarida.storage import Database
from tests.pipeline.site import T0, article_page, rss
from tests.pipeline.test_crawl import all_articles, crawl, register
from tests.webserver import TestServer


def _publish_shared(web: TestServer, count: int, etag: str) -> None:
    items = []
    for n in range(1, count + 1):
        title = f"Article numéro {n} sous un GUID partagé"
        web.route(f"/a/{n}", article_page(n, title),
                  headers={"Content-Type": "text/html; charset=utf-8"})
        items.append({"title": title, "link": web.url(f"/a/{n}"), "guid": "same-guid-for-all",
                      "date": format_datetime(T0 - timedelta(hours=n))})
    web.route("/feed.xml", rss(items), headers={"Content-Type": "application/rss+xml"},
              etag=etag)


def test_items_sharing_one_guid_are_all_stored_and_new_ones_fetched(
    web: TestServer, settings: Settings, db: Database
) -> None:
    _publish_shared(web, 3, '"v1"')
    register(db, web.url("/feed.xml"))
    crawl(settings, db)
    assert sorted(a.canonical_url for a in all_articles(db)) == [
        web.url(f"/a/{n}") for n in (1, 2, 3)]

    _publish_shared(web, 4, '"v2"')  # a new article under the same GUID
    report = crawl(settings, db)
    assert web.count("/a/4") == 1 and report.new == 1
    assert len(all_articles(db)) == 4
    assert web.count("/a/1") == 1  # the ones already stored are not fetched again
