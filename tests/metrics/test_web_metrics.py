"""`/metrics` on the website: parseable, counted by route class (never by raw path), cache hits."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from jarida.metrics.web import ROUTE_CLASSES, route_class
from jarida.storage import Database
from jarida.web import create_app
from tests.metrics.scrape import samples, value
from tests.web.seeding import Seeded, make_settings, seed


@pytest.fixture
def seeded(tmp_path: Path) -> Iterator[Seeded]:
    db = Database.open(f"sqlite:///{tmp_path}/web.db")
    db.upgrade()
    yield seed(db)
    db.close()


def test_requests_are_counted_by_route_class_and_cache_hits_show(seeded: Seeded) -> None:
    client = TestClient(create_app(make_settings(str(seeded.db.engine.url)), seeded.db,
                                   version_ttl=0))
    before = client.get("/metrics").text
    article = seeded.ids[next(iter(seeded.ids))]
    for _ in range(3):
        assert client.get("/").status_code == 200
    assert client.get(f"/articles/{article}").status_code == 200
    assert client.get(f"/articles/{article + 10_000}").status_code == 404
    assert client.get("/api/articles").status_code == 200
    assert client.get("/no/such/page").status_code == 404
    response = client.get("/metrics")
    assert response.headers["content-type"].startswith("text/plain")
    assert response.headers["cache-control"] == "no-store"
    after = response.text

    def moved(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert moved("jarida_http_requests_total", route="home", status="2xx") == 3
    assert moved("jarida_http_requests_total", route="article", status="2xx") == 1
    assert moved("jarida_http_requests_total", route="article", status="4xx") == 1
    assert moved("jarida_http_requests_total", route="api", status="2xx") == 1
    assert moved("jarida_http_requests_total", route="other", status="4xx") == 1
    assert moved("jarida_http_request_duration_seconds_count", route="home") == 3
    # The home page was rendered once, then answered twice from the cache.
    assert moved("jarida_page_cache_hits_total") >= 2
    assert moved("jarida_page_cache_misses_total") >= 1
    routes = {dict(k[1])["route"] for k in samples(after)
              if k[0] == "jarida_http_requests_total"}
    assert routes <= set(ROUTE_CLASSES.values()) | {"other"}  # no raw path became a label


@pytest.mark.parametrize(("path", "expected"), [
    ("/", "home"), ("/articles/12", "article"), ("/articles", "article"),
    ("/api/articles/3", "api"), ("/sources/lematin", "list"),
    ("/sources/lematin/feed.atom", "feed"), ("/feed.rss", "feed"), ("/search", "search"),
    ("/media/4/640.webp", "media"), ("/static/style.css", "static"),
    ("/admin/sources", "admin"), ("/healthz", "health"), ("/metrics", "metrics"),
    ("/wp-login.php", "other"), ("/%2e%2e/etc", "other"),
])
def test_route_classes(path: str, expected: str) -> None:
    assert route_class(path) == expected


def test_an_application_error_counts_as_a_500() -> None:
    import asyncio

    from jarida.metrics.web import observe_request

    async def broken(scope: object, receive: object, send: object) -> None:
        raise RuntimeError("boom")

    async def go() -> None:
        with pytest.raises(RuntimeError):
            await observe_request(broken, {"type": "http", "path": "/search"},  # type: ignore[arg-type]
                                  None, None)  # type: ignore[arg-type]

    from jarida.metrics import render_metrics

    before = value(render_metrics().decode(), "jarida_http_requests_total", route="search",
                   status="5xx")
    asyncio.run(go())
    after = value(render_metrics().decode(), "jarida_http_requests_total", route="search",
                  status="5xx")
    assert after - before == 1
