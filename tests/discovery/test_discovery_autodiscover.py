"""Feed autodiscovery from <link> tags and the list of well-known paths."""

from __future__ import annotations

import pytest

from jarida.crawl.discovery import COMMON_FEED_PATHS, candidate_feed_urls, discover_feeds

HOME = b"""<!DOCTYPE html><html><head>
<link rel="stylesheet" href="/style.css">
<link rel="alternate" type="application/rss+xml" title="Commentaires" href="/comments/feed/">
<link rel="alternate" type="application/rss+xml" title="Le Journal &amp; Co" href="/feed/">
<link rel="Alternate" type="application/atom+xml; charset=utf-8" href="atom.xml">
<link rel="alternate" type="application/rss+xml" href="/feed/">
<link rel="alternate" hreflang="ar" href="/ar/">
<link rel="sitemap" type="application/xml" href="/sitemap.xml">
<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
</head><body><a href="/rss">RSS</a></body></html>"""


def test_discover_feeds() -> None:
    feeds = discover_feeds(HOME, "https://www.journal.example/fr/index.html")
    assert [(f.url, f.kind, f.title) for f in feeds] == [
        ("https://www.journal.example/feed/", "rss", "Le Journal & Co"),
        ("https://www.journal.example/fr/atom.xml", "atom", None),
        ("https://www.journal.example/sitemap.xml", "sitemap", None),
        ("https://www.journal.example/comments/feed/", "rss", "Commentaires"),  # last
    ]


def test_discover_feeds_on_nothing() -> None:
    assert discover_feeds("", "https://x.example/") == []
    assert discover_feeds("<html><body>no feeds</body></html>", "https://x.example/") == []


def test_candidate_urls() -> None:
    urls = candidate_feed_urls("https://www.journal.example/")
    assert urls[0] == "https://www.journal.example/feed"
    assert "https://www.journal.example/rss.xml" in urls
    assert "https://www.journal.example/news-sitemap.xml" in urls
    assert len(urls) == len(COMMON_FEED_PATHS) == len(set(urls))


def test_candidate_urls_for_a_section() -> None:
    urls = candidate_feed_urls("https://journal.example/ar/")
    assert urls[0] == "https://journal.example/ar/feed"
    assert "https://journal.example/feed" in urls
    with pytest.raises(ValueError):
        candidate_feed_urls("ftp://journal.example/")
