"""The fetcher end to end against the local server: the ordinary cases."""

from __future__ import annotations

import asyncio
import hashlib

from jarida.crawl import Fetcher
from jarida.settings import DEFAULT_USER_AGENT
from tests.crawl.conftest import fetch_once, make_settings
from tests.webserver import TestServer


def test_ok_result_has_body_validators_and_hash(web: TestServer) -> None:
    web.route("/a", body="<p>bonjour</p>", etag='"v1"',
              last_modified="Wed, 01 Jan 2025 00:00:00 GMT",
              headers={"Content-Type": "text/html; charset=utf-8"})
    result = fetch_once(web.url("/a"))
    assert result.error is None and result.ok
    assert result.status == 200
    assert result.url == result.final_url == web.url("/a")
    assert result.body == b"<p>bonjour</p>"
    assert result.text() == "<p>bonjour</p>"
    assert result.etag == '"v1"'
    assert result.last_modified == "Wed, 01 Jan 2025 00:00:00 GMT"
    assert result.body_hash == hashlib.sha256(b"<p>bonjour</p>").hexdigest()
    assert result.headers["content-type"].startswith("text/html")
    assert not result.not_modified and not result.gone and result.permanent_redirect is None
    assert result.elapsed > 0


def test_user_agent_is_sent_with_page_and_robots(web: TestServer) -> None:
    web.route("/a", body="x")
    fetch_once(web.url("/a"))
    assert [r.path for r in web.requests] == ["/robots.txt", "/a"]
    assert {r.headers["user-agent"] for r in web.requests} == {DEFAULT_USER_AGENT}


def test_404_is_an_http_error_and_not_retried(web: TestServer) -> None:
    result = fetch_once(web.url("/missing"))
    assert result.status == 404
    assert result.error_kind == "http" and result.error == "HTTP 404 Not Found"
    assert not result.gone
    assert web.count("/missing") == 1


def test_410_marks_gone(web: TestServer) -> None:
    web.route("/old-feed", status=410, body="gone")
    result = fetch_once(web.url("/old-feed"))
    assert result.gone and result.status == 410 and result.error_kind == "http"
    assert web.count("/old-feed") == 1


def test_non_http_schemes_are_refused() -> None:
    for url in ("file:///etc/passwd", "ftp://example.com/x", "gopher://x/", "/relative"):
        result = fetch_once(url)
        assert result.error_kind == "scheme", url


def test_invalid_url_is_a_clean_error() -> None:
    result = fetch_once("http://example.com:notaport/")
    assert result.error_kind == "url"
    assert result.error is not None and "\n" not in result.error


def test_one_fetcher_serves_many_concurrent_fetches(web: TestServer) -> None:
    for i in range(5):
        web.route(f"/p{i}", body=f"page {i}")

    async def run() -> list[str]:
        async with Fetcher(make_settings()) as fetcher:
            results = await asyncio.gather(*(fetcher.fetch(web.url(f"/p{i}")) for i in range(5)))
        return [r.text() for r in results]

    assert asyncio.run(run()) == [f"page {i}" for i in range(5)]
    assert web.count("/robots.txt") == 1  # cached and shared by the concurrent tasks


def test_from_settings_builds_a_working_fetcher(web: TestServer) -> None:
    web.route("/a", body="x")

    async def run() -> int | None:
        fetcher = Fetcher.from_settings(make_settings())
        try:
            return (await fetcher.fetch(web.url("/a"))).status
        finally:
            await fetcher.aclose()

    assert asyncio.run(run()) == 200


def test_cookies_set_by_a_site_are_not_replayed(web: TestServer) -> None:
    web.route("/set", body="x", headers={"Set-Cookie": "track=1; Path=/"})
    web.route("/next", body="y")

    async def run() -> None:
        async with Fetcher(make_settings()) as fetcher:
            await fetcher.fetch(web.url("/set"))
            await fetcher.fetch(web.url("/next"))

    asyncio.run(run())
    assert "cookie" not in web.requests_for("/next")[0].headers
