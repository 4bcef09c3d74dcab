"""Retries: 408/429/5xx and network errors, exponential backoff, Retry-After honoured."""

from __future__ import annotations

import random
from email.utils import formatdate

from jarida.crawl.retry import backoff_delay, parse_retry_after
from tests.crawl.conftest import FakeClock, fetch_once, make_settings
from tests.webserver import Reply, TestServer


def test_500_then_success(web: TestServer) -> None:
    web.route("/a", sequence=[Reply(status=500), Reply(status=502), Reply(body="ok")])
    clock = FakeClock()
    result = fetch_once(web.url("/a"), make_settings(max_retries=3), clock=clock)
    assert result.status == 200 and result.body == b"ok" and result.error is None
    assert result.attempts == 3
    assert web.count("/a") == 3
    # Two backoffs: about 1 s then 2 s, with jitter in [50 %, 100 %].
    assert 0.5 + 1.0 <= clock.now <= 1.0 + 2.0 + 0.01


def test_429_with_retry_after_seconds(web: TestServer) -> None:
    web.route("/a", sequence=[Reply(status=429, headers={"Retry-After": "7"}), Reply(body="ok")])
    clock = FakeClock()
    result = fetch_once(web.url("/a"), clock=clock)
    assert result.status == 200 and result.body == b"ok"
    assert 7.0 in clock.sleeps


def test_503_with_retry_after_http_date(web: TestServer) -> None:
    clock = FakeClock()
    when = formatdate(clock.wall() + 42, usegmt=True)
    web.route("/a", sequence=[Reply(status=503, headers={"Retry-After": when}), Reply(body="ok")])
    result = fetch_once(web.url("/a"), clock=clock)
    assert result.status == 200
    assert 41.0 <= clock.now <= 43.0


def test_retry_after_beyond_the_cap_gives_up(web: TestServer) -> None:
    web.route("/a", status=429, headers={"Retry-After": "3600"})
    clock = FakeClock()
    result = fetch_once(web.url("/a"), make_settings(retry_max_wait=60), clock=clock)
    assert result.status == 429 and result.error_kind == "http"
    assert result.retry_after == 3600.0
    assert web.count("/a") == 1


def test_retries_are_bounded(web: TestServer) -> None:
    web.route("/a", status=503)
    result = fetch_once(web.url("/a"), make_settings(max_retries=2), clock=FakeClock())
    assert result.status == 503 and result.error == "HTTP 503 Service Unavailable"
    assert result.attempts == 3 and web.count("/a") == 3


def test_408_is_retried_but_403_is_not(web: TestServer) -> None:
    web.route("/slow", sequence=[Reply(status=408), Reply(body="ok")])
    web.route("/forbidden", status=403)
    assert fetch_once(web.url("/slow"), clock=FakeClock()).status == 200
    assert fetch_once(web.url("/forbidden"), clock=FakeClock()).status == 403
    assert web.count("/forbidden") == 1


def test_network_errors_are_retried(web: TestServer) -> None:
    web.route("/a", sequence=[Reply(drop=True), Reply(drop=True), Reply(body="ok")])
    result = fetch_once(web.url("/a"), make_settings(max_retries=2), clock=FakeClock())
    assert result.status == 200 and result.body == b"ok" and result.attempts == 3


def test_network_errors_give_up_with_a_clear_error(web: TestServer) -> None:
    web.route("/a", sequence=[Reply(drop=True)])
    result = fetch_once(web.url("/a"), make_settings(max_retries=1), clock=FakeClock())
    assert result.error_kind == "network" and result.attempts == 2
    assert result.error is not None and "\n" not in result.error


def test_unreachable_host_is_refused_by_robots_without_hammering() -> None:
    with TestServer() as gone:
        port = gone.port
    result = fetch_once(f"http://127.0.0.1:{port}/a", make_settings(max_retries=2),
                        clock=FakeClock())
    assert result.error_kind == "robots" and "unreachable" in (result.error or "")


def test_parse_retry_after() -> None:
    assert parse_retry_after("120", now=0) == 120.0
    assert parse_retry_after(formatdate(1000.0 + 30, usegmt=True), now=1000.0) == 30.0
    assert parse_retry_after(formatdate(500.0, usegmt=True), now=1000.0) == 0.0
    assert parse_retry_after("soon", now=0) is None
    assert parse_retry_after(None, now=0) is None


def test_backoff_grows_and_is_capped() -> None:
    rng = random.Random(1)
    delays = [backoff_delay(n, cap=10.0, rng=rng) for n in range(8)]
    assert 0.5 <= delays[0] <= 1.0 and 4.0 <= delays[3] <= 8.0
    assert all(d <= 10.0 for d in delays) and delays[7] >= 5.0
