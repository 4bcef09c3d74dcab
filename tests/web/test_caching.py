"""HTTP caching: weak ETags, 304s, Last-Modified, and invalidation when articles change."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from jarida.web.caching import PageCache, VersionWatch
from tests.web.seeding import T0, Seeded, add_french_article


@pytest.mark.parametrize(
    "path", ["/", "/articles", "/feed.rss", "/feed.atom", "/sitemap.xml", "/api/articles?limit=3"]
)
def test_etag_then_304(client: TestClient, path: str) -> None:
    first = client.get(path)
    etag = first.headers["etag"]
    assert etag.startswith('W/"')
    assert "max-age" in first.headers["cache-control"]
    assert first.headers["last-modified"].endswith("GMT")
    again = client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag
    other = client.get(path, headers={"If-None-Match": 'W/"something-else"'})
    assert other.status_code == 200


def test_pages_vary_by_language_and_etag_differs(client: TestClient) -> None:
    fr = client.get("/")
    ar = client.get("/", headers={"Accept-Language": "ar"})
    assert "Accept-Language" in fr.headers["vary"] and "Cookie" in fr.headers["vary"]
    assert fr.headers["etag"] != ar.headers["etag"]
    stale = client.get("/", headers={"Accept-Language": "ar", "If-None-Match": fr.headers["etag"]})
    assert stale.status_code == 200


def test_if_modified_since_on_feeds(client: TestClient) -> None:
    first = client.get("/feed.rss")
    again = client.get("/feed.rss", headers={"If-Modified-Since": first.headers["last-modified"]})
    assert again.status_code == 304


def test_new_article_invalidates_cached_pages_and_feeds(
    client: TestClient, seeded: Seeded
) -> None:
    page, feed = client.get("/"), client.get("/feed.rss")
    add_french_article(seeded, "breaking", T0 + timedelta(minutes=5))
    page2 = client.get("/", headers={"If-None-Match": page.headers["etag"]})
    feed2 = client.get("/feed.rss", headers={"If-None-Match": feed.headers["etag"]})
    assert page2.status_code == 200 and "Titre breaking" in page2.text
    assert feed2.status_code == 200 and b"Titre breaking" in feed2.content


def test_rendered_pages_come_from_the_cache(app: FastAPI, client: TestClient) -> None:
    cache: PageCache = app.state.jarida.cache
    client.get("/articles")
    misses = cache.misses
    client.get("/articles")
    assert cache.misses == misses and cache.hits >= 1


def test_version_is_checked_at_most_once_per_ttl(seeded: Seeded) -> None:
    now = [100.0]
    watch = VersionWatch(seeded.db, ttl=1.0, clock=lambda: now[0])
    before = watch.current()
    add_french_article(seeded, "later", T0 + timedelta(hours=2))
    assert watch.current() == before  # within the second: no query
    now[0] += 1.0
    assert watch.current() != before


def test_page_cache_is_bounded() -> None:
    cache = PageCache(max_entries=3)
    for n in range(10):
        cache.get_or_render(n, lambda n=n: (str(n).encode(), "text/plain"))  # type: ignore[misc]
    assert len(cache) == 3
    rendered = cache.get_or_render(9, lambda: (b"other", "text/plain"))
    assert rendered.body == b"9"


@pytest.mark.parametrize("path", ["/", "/feed.atom", "/sources.opml"])
def test_head_gives_the_same_validators(client: TestClient, path: str) -> None:
    head, get = client.head(path), client.get(path)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["etag"] == get.headers["etag"]
