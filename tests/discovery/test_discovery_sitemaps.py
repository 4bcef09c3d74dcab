"""Sitemaps, sitemap indexes, Google News sitemaps, gzip and text forms."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime
from pathlib import Path

from jarida.crawl.discovery import parse_feed

DATA = Path(__file__).parent / "data"


def test_sitemap_urls_dedup_and_lastmod() -> None:
    feed = parse_feed((DATA / "sitemap.xml").read_bytes(), "https://site.example/sitemap.xml")
    assert feed.kind == "sitemap" and feed.error is None
    assert [e.url for e in feed.entries] == [
        "https://site.example/a/first-article",
        "https://site.example/a/second?x=1&y=2",
    ]
    assert feed.entries[0].updated == datetime(2025, 3, 1, tzinfo=UTC)
    assert feed.entries[0].image == "https://site.example/img/1.jpg"
    assert feed.entries[1].updated == datetime(2025, 3, 2, 10, 0, tzinfo=UTC)


def test_sitemap_index_children() -> None:
    body = (DATA / "sitemap_index.xml").read_bytes()
    feed = parse_feed(body, "https://site.example/sitemap.xml")
    assert feed.kind == "sitemap_index" and feed.entries == []
    assert feed.child_sitemaps == [
        "https://site.example/sitemap-2025-03.xml",
        "https://site.example/sitemap-2025-02.xml.gz",
    ]
    assert feed.child_lastmod == {
        "https://site.example/sitemap-2025-03.xml": datetime(2025, 3, 31, tzinfo=UTC)
    }


def test_google_news_sitemap() -> None:
    feed = parse_feed((DATA / "news_sitemap.xml").read_bytes(), "https://news.example/news.xml")
    (entry,) = feed.entries
    assert entry.url == "https://news.example/fr/politique/2025/04/gouvernement-remaniement.html"
    assert entry.title == "Remaniement & nouveaux ministres"
    assert entry.published == datetime(2025, 4, 2, 7, 15, tzinfo=UTC)
    assert entry.language == "fr"


def test_gzipped_sitemap_matches_plain() -> None:
    plain = (DATA / "sitemap.xml").read_bytes()
    zipped = parse_feed(gzip.compress(plain), "https://site.example/sitemap.xml.gz")
    assert zipped.error is None
    assert zipped.entries == parse_feed(plain, "https://site.example/sitemap.xml").entries


def test_sitemap_without_namespace_and_with_wrong_content_type() -> None:
    body = b"<urlset><url><loc>https://s.example/x-1</loc></url></urlset>"
    feed = parse_feed(body, "https://s.example/sitemap.xml", content_type="text/html")
    assert feed.kind == "sitemap" and [e.url for e in feed.entries] == ["https://s.example/x-1"]


def test_malformed_sitemap_recovers_what_it_can() -> None:
    body = (
        b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<url><loc>https://s.example/ok-1</loc></url><url><loc>https://s.example/ok-2</loc>"
    )
    feed = parse_feed(body, "https://s.example/sitemap.xml")
    assert feed.kind == "sitemap"
    assert feed.error is not None and feed.error.startswith("malformed XML")
    assert "https://s.example/ok-1" in [e.url for e in feed.entries]


def test_text_sitemap() -> None:
    body = b"https://s.example/a-1\n\nhttps://s.example/b-2\r\nnot a url\nhttps://s.example/a-1\n"
    feed = parse_feed(body, "https://s.example/sitemap.txt", kind_hint="sitemap")
    assert feed.kind == "sitemap"
    assert [e.url for e in feed.entries] == ["https://s.example/a-1", "https://s.example/b-2"]
