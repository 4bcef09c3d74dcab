"""robots.txt: obeyed, cached, and read the RFC 9309 way when it cannot be fetched."""

from __future__ import annotations

import asyncio

from jarida.crawl import Fetcher, FetchResult
from jarida.settings import Settings
from tests.crawl.conftest import fetch_once, make_settings
from tests.webserver import Reply, TestServer

RULES = "User-agent: *\nDisallow: /private/\n\nUser-agent: OtherBot\nDisallow: /\n"


def fetch_all(settings: Settings, *urls: str) -> list[FetchResult]:
    async def run() -> list[FetchResult]:
        async with Fetcher(settings) as fetcher:
            return [await fetcher.fetch(url) for url in urls]

    return asyncio.run(run())


def test_disallowed_path_is_not_fetched(web: TestServer) -> None:
    web.route("/robots.txt", RULES)
    web.route("/private/a", body="secret")
    web.route("/public/a", body="news")
    blocked, allowed = fetch_all(make_settings(), web.url("/private/a"), web.url("/public/a"))
    assert blocked.error_kind == "robots" and blocked.body == b""
    assert allowed.status == 200
    assert web.count("/private/a") == 0
    assert web.count("/robots.txt") == 1  # cached between the two fetches


def test_rules_for_our_user_agent_apply(web: TestServer) -> None:
    web.route("/robots.txt", "User-agent: jarida\nDisallow: /feeds\n")
    web.route("/feeds", body="x")
    assert fetch_once(web.url("/feeds")).error_kind == "robots"
    other = make_settings(user_agent="OtherCrawler/1.0")
    assert fetch_once(web.url("/feeds"), other).status == 200


def test_robots_5xx_disallows_everything(web: TestServer) -> None:
    web.route("/robots.txt", status=503, body="down")
    web.route("/a", body="x")
    result = fetch_once(web.url("/a"))
    assert result.error_kind == "robots" and "unreachable" in (result.error or "")
    assert web.count("/a") == 0


def test_robots_404_allows_everything(web: TestServer) -> None:
    web.route("/a", body="x")
    assert fetch_once(web.url("/a")).status == 200
    assert web.count("/robots.txt") == 1


def test_robots_403_allows_everything(web: TestServer) -> None:
    web.route("/robots.txt", status=403)
    web.route("/a", body="x")
    assert fetch_once(web.url("/a")).status == 200


def test_robots_unreachable_disallows(web: TestServer) -> None:
    web.route("/robots.txt", body="User-agent: *\nAllow: /\n", delay=1.0)
    web.route("/a", body="x")
    result = fetch_once(web.url("/a"), make_settings(total_timeout=0.3))
    assert result.error_kind == "robots"
    assert web.count("/a") == 0


def test_robots_redirect_is_followed(web: TestServer) -> None:
    web.redirect("/robots.txt", "/real-robots.txt", status=301)
    web.route("/real-robots.txt", "User-agent: *\nDisallow: /\n")
    web.route("/a", body="x")
    assert fetch_once(web.url("/a")).error_kind == "robots"


def test_robots_cache_expires(web: TestServer) -> None:
    web.route("/robots.txt", sequence=[Reply(body="User-agent: *\nDisallow: /\n"),
                                       Reply(body="User-agent: *\nAllow: /\n")])
    web.route("/a", body="x")
    cached = fetch_all(make_settings(), web.url("/a"), web.url("/a"))
    assert [r.error_kind for r in cached] == ["robots", "robots"]
    assert web.count("/robots.txt") == 1
    expiring = fetch_all(make_settings(robots_cache_seconds=0), web.url("/a"))
    assert expiring[0].status == 200


def test_crawl_delay_spaces_requests(web: TestServer) -> None:
    web.route("/robots.txt", "User-agent: *\nCrawl-delay: 0.3\n")
    web.route("/a", body="x")
    web.route("/b", body="y")
    fetch_all(make_settings(host_delay_seconds=0.0), web.url("/a"), web.url("/b"))
    a, b = web.requests_for("/a")[0], web.requests_for("/b")[0]
    assert b.at - a.at >= 0.29


def test_oversized_robots_is_truncated_and_parsed(web: TestServer) -> None:
    """RFC 9309 §2.5: a 600 KiB robots.txt is read up to 500 KiB, not taken as unreachable."""
    top = "User-agent: *\nDisallow: /private/\n"
    padding = "# a long comment line to pad the file well beyond the cap\n"
    body = top + padding * (600 * 1024 // len(padding)) + "Disallow: /late/\n"
    assert len(body.encode()) > 600 * 1024
    web.route("/robots.txt", body)
    web.route("/private/a", body="secret")
    web.route("/public/a", body="news")
    web.route("/late/a", body="after the cut")
    blocked, allowed, late = fetch_all(make_settings(), web.url("/private/a"),
                                       web.url("/public/a"), web.url("/late/a"))
    assert allowed.status == 200 and allowed.error is None
    assert blocked.error_kind == "robots" and web.count("/private/a") == 0
    assert late.status == 200  # the rule past 500 KiB is not read
