"""Nothing fetched is dropped: a page without article text is stored as a fallback
(its title and meta description), counted in the crawl report, shown as a summary with
the link to the original, and replaced by a later full extraction of the same URL."""

from __future__ import annotations

from dataclasses import replace
from email.utils import format_datetime

from fastapi.testclient import TestClient

from jarida.model import ArticleRecord
from jarida.settings import Settings
from jarida.storage import Database
from jarida.storage import articles as store
from jarida.web import create_app
from tests.pipeline.site import T0, article_page, rss
from tests.pipeline.test_crawl import all_articles, crawl, register
from tests.webserver import TestServer

DESCRIPTION = "Le budget municipal 2027 prévoit une hausse des investissements dans l'eau."
# Rendered by a script in the browser: no article text in the served HTML.
APP_PAGE = f"""<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>Budget municipal : les chiffres clés | Le Journal Test</title>
<meta name="description" content="{DESCRIPTION}"></head>
<body><nav><a href="/">Accueil</a></nav><div id="app"></div>
<script>render()</script></body></html>"""
HTML = {"Content-Type": "text/html; charset=utf-8"}


def _publish(web: TestServer) -> None:
    web.route("/a/1", article_page(1, "Mobilité urbaine : le plan adopté"), headers=HTML)
    web.route("/a/2", APP_PAGE, headers=HTML)
    items = [{"title": "Mobilité urbaine : le plan adopté", "link": web.url("/a/1"),
              "guid": "guid-1", "date": format_datetime(T0)},
             {"title": "", "link": web.url("/a/2"), "guid": "guid-2",
              "date": format_datetime(T0)}]  # no title, no summary in the feed
    web.route("/feed.xml", rss(items), headers={"Content-Type": "application/rss+xml"})


def test_page_without_text_is_stored_as_a_fallback(
    web: TestServer, settings: Settings, db: Database
) -> None:
    _publish(web)
    register(db, web.url("/feed.xml"))
    report = crawl(settings, db)
    assert report.tally("journal").new == 2 and report.tally("journal").failed == 0
    assert report.tally("journal").fallback == 1
    assert report.as_dict()["fallback"] == 1
    arts = {a.guid: a for a in all_articles(db)}
    full, fallback = arts["guid-1"], arts["guid-2"]
    assert full.extraction == "full" and "1,2 milliard" in full.text
    assert fallback.extraction == "fallback" and fallback.status == "feed_only"
    assert fallback.title == "Budget municipal : les chiffres clés"
    assert fallback.text == DESCRIPTION

    app = create_app(settings.model_copy(update={"base_url": "http://testserver"}), db,
                     version_ttl=0)
    with TestClient(app, base_url="http://testserver") as client:
        api = client.get(f"/api/articles/{fallback.id}").json()
        assert api["extraction"] == "fallback" and api["text"] == DESCRIPTION
        assert client.get(f"/api/articles/{full.id}").json()["extraction"] == "full"
        page = client.get(f"/articles/{fallback.id}").text
        assert "fallback-note" in page and DESCRIPTION in page
        assert f'href="{web.url("/a/2")}"' in page


def test_full_extraction_replaces_a_fallback_and_never_the_reverse(
    web: TestServer, settings: Settings, db: Database
) -> None:
    _publish(web)
    register(db, web.url("/feed.xml"))
    crawl(settings, db)
    fallback = next(a for a in all_articles(db) if a.guid == "guid-2")
    record = ArticleRecord(
        source_id=fallback.source_id, feed_id=fallback.feed_id, url=fallback.url,
        canonical_url=fallback.canonical_url, title="Budget municipal : les chiffres clés",
        text="Le conseil a voté le budget. " * 20, html="<p>Le conseil a voté.</p>",
        excerpt="Le conseil a voté le budget.", content_hash="full-hash",
        fetched_at=T0, guid="guid-2",
    )
    with db.write() as conn:
        assert store.save_articles(conn, [record])[0].outcome == "updated"
        again = replace(record, text=DESCRIPTION, content_hash="other", status="feed_only",
                        extraction="fallback")
        assert store.save_articles(conn, [again])[0].outcome == "unchanged"
    stored = next(a for a in all_articles(db) if a.guid == "guid-2")
    assert stored.extraction == "full" and stored.text.startswith("Le conseil a voté")
