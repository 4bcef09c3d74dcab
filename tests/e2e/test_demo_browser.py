"""The site over the crawled sample news web, in Debian's Chromium: what a reader sees.

The pages come from a real crawl of the demo outlets (tests/e2e/conftest.py), served by
the real server; tests/web/test_browser.py covers the same features over seeded data.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from jarida.demo.truth import TruthRecord
from jarida.web import create_app
from tests.browsing import BROWSER_MARKS
from tests.web.livesite import live_server

pytestmark = BROWSER_MARKS


@pytest.fixture(scope="module")
def site(crawled: tuple[Any, ...]) -> Iterator[str]:
    _, db, settings, _ = crawled
    with live_server(create_app(settings, db)) as url:
        yield url


@pytest.fixture
def outside() -> list[str]:
    """Addresses the page tried to reach beyond the two local servers (all refused)."""
    return []


@pytest.fixture
def page(browser: Any, site: str, outside: list[str]) -> Iterator[Any]:
    context = browser.new_context(base_url=site, viewport={"width": 1280, "height": 900},
                                  locale="fr-FR")

    def route(r: Any) -> None:
        if r.request.url.startswith("http://127.0.0.1:"):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    tab = context.new_page()
    yield tab
    context.close()


def _api(site: str, path: str, **params: str) -> Any:
    return httpx.get(f"{site}{path}", params=params, timeout=10).json()


def _stored(site: str, truth: TruthRecord) -> dict[str, Any]:
    """The stored article for a demo article, found through the API by outlet and title."""
    items = _api(site, "/api/articles", source=truth.outlet, limit="100")["items"]
    return next(i for i in items if i["title"] == truth.title)


def _pick(crawled: tuple[Any, ...], language: str) -> TruthRecord:
    web = crawled[0]
    return next(t for t in web.articles()
                if t.language == language and not t.hostile and t.outlet != "echo-souss")


def test_ticker_lists_the_latest_headlines(page: Any, site: str) -> None:
    page.goto("/")
    ticker = page.locator("section.ticker ul.ticker-track > li:not([data-copy])")
    latest = _api(site, "/api/articles", limit="30")["items"]
    assert ticker.count() == 30
    assert ticker.locator("a > span[lang]").all_inner_texts() == [i["title"] for i in latest]
    assert ticker.locator("span.ticker-source").all_inner_texts() == [
        i["source_name"] for i in latest]


def test_article_names_its_outlet_and_links_to_it(page: Any, site: str,
                                                  crawled: tuple[Any, ...]) -> None:
    truth = _pick(crawled, "fr")
    item = _stored(site, truth)
    outlet = next(s["name"] for s in _api(site, "/api/sources") if s["slug"] == truth.outlet)
    local = truth.published.astimezone(ZoneInfo(crawled[2].timezone))
    page.goto(f"/articles/{item['id']}")
    assert page.locator("article h1").inner_text() == truth.title
    assert page.locator("p.attribution").inner_text() == (
        f"Publié dans {outlet} le {local:%d - %m - %Y}")
    link = page.get_by_role("link", name="Cliquez ici pour lire l'article depuis sa source")
    assert link.get_attribute("href") == item["url"]
    assert "noopener" in (link.get_attribute("rel") or "")


def test_search_from_the_header_finds_the_article(page: Any, site: str,
                                                  crawled: tuple[Any, ...]) -> None:
    truth = _pick(crawled, "fr")
    word = max(truth.title.split(), key=len).strip(":,.«»")
    page.goto("/")
    page.locator("#header-q").fill(word)
    page.locator("#header-q").press("Enter")
    page.wait_for_url("**/search?q=*")
    titles = page.locator("li.card h3").all_inner_texts()
    assert truth.title in titles
    assert page.locator("li.card mark").count() > 0


def test_arabic_article_reads_right_to_left(page: Any, site: str,
                                            crawled: tuple[Any, ...]) -> None:
    item = _stored(site, _pick(crawled, "ar"))
    page.goto(f"/articles/{item['id']}")
    assert page.evaluate("document.documentElement.dir") == "ltr"  # French interface
    body = page.locator("article[dir]").first
    assert body.get_attribute("dir") == "rtl"
    assert body.evaluate("e => getComputedStyle(e).direction") == "rtl"
    page.goto(f"/lang/ar?next=/articles/{item['id']}")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.locator("p.attribution").inner_text().startswith("نشر في")


def test_keyboard_reaches_the_content(page: Any) -> None:
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_hostile_outlet_runs_nothing_and_calls_nowhere(page: Any, site: str,
                                                       crawled: tuple[Any, ...],
                                                       outside: list[str]) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    hostile = [t for t in crawled[0].articles() if t.hostile]
    assert hostile
    for truth in hostile:
        item = _stored(site, truth)
        page.goto(f"/articles/{item['id']}")
        page.wait_for_load_state("load")
        assert page.locator("article h1").inner_text() == item["title"]  # markup dropped
        for link in page.locator("div.article-body a").all():
            assert not (link.get_attribute("href") or "").lower().startswith("javascript:")
    page.goto("/sources/atlas-tech")
    page.goto("/search?q=Subscribe")
    assert dialogs == []
    assert not [u for u in outside if "evil.example" in u]
