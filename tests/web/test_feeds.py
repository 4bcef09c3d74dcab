"""Feeds, sitemaps and OPML: every document parses cleanly (feedparser, no bozo)."""

from __future__ import annotations

from urllib.parse import quote

import feedparser
import pytest
from fastapi.testclient import TestClient
from lxml import etree

from tests.web.seeding import BASE_URL, HOSTILE_TITLE, Seeded

FEEDS = [
    "/feed.rss",
    "/feed.atom",
    "/feed.rss?lang=ar",
    "/feed.atom?lang=es",
    "/feed.rss?source=hespress",
    "/feed.rss?q=r%C3%A9forme",
    "/feed.atom?q=%D8%A7%D9%84%D8%A8%D8%B1%D9%84%D9%85%D8%A7%D9%86&lang=ar",
    "/sources/lematin/feed.rss",
    "/sources/elfaro/feed.atom",
    f"/sections/{quote('Économie')}/feed.rss",
    f"/sections/{quote('سياسة')}/feed.atom",
    "/archive/2026/11/20/feed.rss",
]


@pytest.mark.parametrize("path", FEEDS)
def test_feed_parses_without_bozo(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    kind = "atom" if ".atom" in path else "rss"
    assert response.headers["content-type"].startswith(f"application/{kind}+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == ("atom10" if kind == "atom" else "rss20")
    assert parsed.entries
    for entry in parsed.entries:
        assert entry.link.startswith(f"{BASE_URL}/articles/")
        assert entry.get("published_parsed") is not None


def test_feed_contents_follow_the_filters(client: TestClient, seeded: Seeded) -> None:
    arabic = feedparser.parse(client.get("/feed.rss?lang=ar").content)
    assert {e.title for e in arabic.entries} == {
        f"البرلمان يصادق على القانون رقم {n}" for n in range(3)
    }
    search = feedparser.parse(client.get("/feed.rss?q=r%C3%A9forme").content)
    assert [e.link for e in search.entries] == [f"{BASE_URL}/articles/{seeded.ids['fr3']}"]
    whole = feedparser.parse(client.get("/feed.atom").content)
    assert len(whole.entries) == len(seeded.ids)  # under the 50-item cap
    hostile = next(e for e in whole.entries if e.link.endswith(f"/{seeded.ids['hostile']}"))
    assert hostile.title == HOSTILE_TITLE  # carried as text, never as markup


def test_unknown_feed_format_and_source_are_404(client: TestClient) -> None:
    assert client.get("/feed.json").status_code == 404
    assert client.get("/sources/nope/feed.rss").status_code == 404


def test_sitemaps_list_article_pages(client: TestClient, seeded: Seeded) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9",
          "n": "http://www.google.com/schemas/sitemap-news/0.9"}
    tree = etree.fromstring(client.get("/sitemap.xml").content)
    locs = tree.xpath("//s:loc/text()", namespaces=ns)
    assert f"{BASE_URL}/articles/{seeded.ids['ar0']}" in locs
    assert f"{BASE_URL}/sources/lematin" in locs
    news = etree.fromstring(client.get("/sitemap-news.xml").content)
    # The seed articles are from 2026-11-20; only the last two days belong in a news sitemap.
    for url in news.xpath("//s:url", namespaces=ns):
        assert url.xpath("n:news/n:publication/n:name/text()", namespaces=ns)
        assert url.xpath("n:news/n:title/text()", namespaces=ns)


def test_news_sitemap_has_recent_articles(client: TestClient, seeded: Seeded) -> None:
    from datetime import UTC, datetime

    from tests.web.seeding import add_french_article

    new_id = add_french_article(seeded, "today", datetime.now(UTC))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9",
          "n": "http://www.google.com/schemas/sitemap-news/0.9"}
    news = etree.fromstring(client.get("/sitemap-news.xml").content)
    assert news.xpath("//s:loc/text()", namespaces=ns) == [f"{BASE_URL}/articles/{new_id}"]
    assert news.xpath("//n:language/text()", namespaces=ns) == ["fr"]


def test_opml_lists_a_feed_per_source(client: TestClient) -> None:
    response = client.get("/sources.opml")
    tree = etree.fromstring(response.content)
    outlines = tree.xpath("//outline")
    assert [o.get("xmlUrl") for o in outlines] == [
        f"{BASE_URL}/sources/{slug}/feed.rss" for slug in ("elfaro", "hespress", "lematin")
    ]
    assert {o.get("text") for o in outlines} == {"El Faro", "هسبريس", "Le Matin"}
