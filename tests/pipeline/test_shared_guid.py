"""One feed, hostile items: items sharing one GUID are all stored (and new ones fetched);
a page sent with thousands of content codings fails alone."""

from __future__ import annotations

from datetime import timedelta
from email.utils import format_datetime

from jarida.settings import Settings
from jarida.storage import Database
from tests.pipeline.site import T0, article_page, publish, rss
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


def test_a_page_with_thousands_of_codings_fails_alone(
    web: TestServer, settings: Settings, db: Database
) -> None:
    publish(web, 3)
    web.route("/a/2", article_page(2, "Trop de codages"),
              headers={"Content-Type": "text/html; charset=utf-8",
                       "Content-Encoding": ", ".join(["identity"] * 3000)})
    register(db, web.url("/feed.xml"))
    report = crawl(settings, db)
    stored = {a.guid: a for a in all_articles(db)}
    assert stored["guid-1"].status == "ok" and stored["guid-3"].status == "ok"
    assert "guid-2" not in stored or stored["guid-2"].status == "feed_only"
    assert report.tally("journal").new >= 2
    with db.read() as conn:  # the feed itself is healthy; the page failed as a decoding error
        assert conn.exec_driver_sql("select consecutive_failures from feeds").scalar() == 0
        errors = [row[0] for row in conn.exec_driver_sql(
            "select error from fetch_log where url like '%/a/2?%'")]
    assert errors and all("3000 content codings" in (e or "") for e in errors), errors
