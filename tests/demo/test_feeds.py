"""Feeds parse cleanly, sitemaps are valid XML, autodiscovery works, validators give 304."""

from __future__ import annotations

import re
from collections.abc import Callable

import feedparser
import httpx
from lxml import etree

from jarida.demo import DemoWeb

GetOk = Callable[[httpx.Client, str], httpx.Response]

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_every_declared_feed_parses_without_bozo(
    web: DemoWeb, client: httpx.Client, get_ok: GetOk
) -> None:
    kinds = set()
    for spec in web.sources():
        for feed in spec.feeds:
            kinds.add(feed.kind)
            resp = get_ok(client, feed.url)
            assert resp.status_code == 200, feed.url
            if feed.kind in ("rss", "atom"):
                parsed = feedparser.parse(resp.content)
                assert not parsed.bozo, (feed.url, parsed.get("bozo_exception"))
                assert parsed.entries, feed.url
                assert parsed.version.startswith(feed.kind), (feed.url, parsed.version)
                assert all(e.get("published_parsed") for e in parsed.entries)
    assert kinds == {"rss", "atom", "sitemap", "listing"}


def test_google_news_sitemap_and_index_are_valid_xml(web: DemoWeb, client: httpx.Client) -> None:
    root = f"{web.base_url}/casablanca-business"
    news = etree.fromstring(client.get(f"{root}/sitemap-news.xml").content)
    urls = news.findall(f"{SITEMAP_NS}url")
    mine = [r for r in web.articles() if r.outlet == "casablanca-business"]
    assert len(urls) == len(mine)
    ns = {"n": "http://www.google.com/schemas/sitemap-news/0.9"}
    assert len(news.findall(".//n:publication_date", ns)) == len(mine)
    index = etree.fromstring(client.get(f"{root}/sitemap-index.xml").content)
    children = [e.text for e in index.iter(f"{SITEMAP_NS}loc")]
    assert len(children) == 2
    for child in children:
        assert etree.fromstring(client.get(str(child)).content).tag == f"{SITEMAP_NS}urlset"


def test_autodiscovery_outlet_has_no_feed_but_advertises_one(
    web: DemoWeb, client: httpx.Client
) -> None:
    spec = next(s for s in web.sources() if s.slug == "echo-souss")
    assert spec.feeds == () and spec.homepage
    home = client.get(spec.homepage).content.decode("cp1252")
    link = re.search(r'<link rel="alternate" type="application/rss\+xml"[^>]*href="([^"]+)"', home)
    assert link
    parsed = feedparser.parse(client.get(link.group(1)).content)
    assert not parsed.bozo and len(parsed.entries) >= 10
    assert any("é" in e.title for e in parsed.entries)


def test_listing_pages_link_exactly_the_outlets_articles(
    web: DemoWeb, client: httpx.Client
) -> None:
    spec = next(s for s in web.sources() if s.slug == "rif-express")
    found = set()
    for feed in spec.feeds:
        assert feed.kind == "listing" and feed.listing_pattern
        page = client.get(feed.url).text
        hrefs = re.findall(r'href="([^"]+)"', page)
        found |= {h for h in hrefs if re.search(feed.listing_pattern, h)}
    expected = {r.url for r in web.articles() if r.outlet == "rif-express"}
    assert found == expected


def test_etag_and_last_modified_give_304(web: DemoWeb, client: httpx.Client) -> None:
    url = f"{web.base_url}/courrier-atlas/rss.xml"
    first = client.get(url)
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
    assert client.get(url, headers={"If-Modified-Since": modified}).status_code == 304
    assert client.get(url, headers={"If-None-Match": '"other"'}).status_code == 200
    old = "Mon, 01 Jan 2024 00:00:00 GMT"
    assert client.get(url, headers={"If-Modified-Since": old}).status_code == 200
