"""Errors: localised HTML pages with a way back for browsers, RFC 9457 JSON for the API."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from lxml import html as lxml_html

from jarida.storage import articles as store

BROWSER = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
LATIN = re.compile(r"[A-Za-z]")

# (path, status) a reader may reach by a mistyped or stale address.
MISTAKES = [
    ("/sections/Nope", 404),
    ("/sources/nope", 404),
    ("/archive/2026/02/30", 404),
    ("/archive/2026/13/01", 404),
    ("/archive/1900/01/01", 404),
    ("/archive/2026/11/20/feed.rss?lang=%01", 422),
    ("/articles/999999", 404),
    ("/articles/abc", 422),
    ("/articles?lang=%01", 422),
    ("/articles?cursor=forged", 400),
    ("/nope", 404),
    ("/lang/xx", 404),
]


def _page(client: TestClient, path: str, lang: str, status: int) -> lxml_html.HtmlElement:
    response = client.get(path, headers={**BROWSER, "Accept-Language": lang})
    assert response.status_code == status, (path, response.text[:200])
    assert response.headers["content-type"].startswith("text/html")
    page = lxml_html.fromstring(response.text)
    assert page.get("lang") == lang
    return page


@pytest.mark.parametrize(("path", "status"), MISTAKES)
def test_browsers_get_a_page_in_their_language_with_a_way_back(
    client: TestClient, path: str, status: int
) -> None:
    for lang in ("fr", "ar", "es", "en"):
        page = _page(client, path, lang, status)
        main = page.cssselect("main")[0]
        assert main.cssselect('a[href="/"]'), (path, lang)
        if lang == "ar":  # nothing of the explanation is left in English
            assert not LATIN.search(main.text_content()), (path, main.text_content())
        assert page.get("dir") == ("rtl" if lang == "ar" else "ltr")


def test_error_pages_are_not_cached(client: TestClient) -> None:
    response = client.get("/sections/Nope", headers=BROWSER)
    assert response.headers["cache-control"] == "no-store"


def test_raw_parameter_values_never_reach_the_page(client: TestClient) -> None:
    response = client.get("/articles?lang=%3Cb%3Eevil", headers=BROWSER)
    assert response.status_code == 422
    assert "<b>evil" not in response.text and "&lt;b&gt;evil" not in response.text


def test_the_api_keeps_problem_details(client: TestClient) -> None:
    for path, status in (("/api/articles/999999", 404), ("/api/articles?limit=0", 422),
                         ("/api/articles?cursor=forged", 400)):
        response = client.get(path, headers=BROWSER)
        assert response.status_code == status
        assert response.headers["content-type"].startswith("application/problem+json")
        assert response.json()["status"] == status


def test_known_addresses_still_answer(client: TestClient) -> None:
    for path in ("/sections/Deportes", "/sources/lematin", "/archive/2026/11/20"):
        assert client.get(path, headers=BROWSER).status_code == 200, path


@pytest.fixture
def failing_client(app: FastAPI, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store, "latest_headlines", broken)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def test_an_unexpected_failure_is_a_page_not_a_trace(failing_client: TestClient) -> None:
    page = _page(failing_client, "/", "ar", 500)
    text = page.cssselect("main")[0].text_content()
    assert "disk on fire" not in text and not LATIN.search(text)
    api = failing_client.get("/", headers={"Accept": "application/json"})
    assert api.status_code == 500 and api.json()["type"].endswith("/server-error")
