"""Wire copies on the crawled sample web, in Chromium: a dispatch republished by several
outlets appears once, with every outlet that ran it, and each copy keeps its own page."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

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
def page(browser: Any, site: str) -> Iterator[Any]:
    context = browser.new_context(base_url=site, locale="fr-FR")
    tab = context.new_page()
    yield tab
    context.close()


def _api(site: str, path: str, **params: str) -> Any:
    return httpx.get(f"{site}{path}", params=params, timeout=10).json()


def _wire_groups(crawled: tuple[Any, ...], site: str) -> dict[str, list[dict[str, Any]]]:
    """Each wire dispatch's stored articles (agency first), found by outlet and title."""
    truth: list[TruthRecord] = [t for t in crawled[0].articles() if t.edition == 0]
    stored: dict[tuple[str, str], dict[str, Any]] = {}
    for outlet in {t.outlet for t in truth}:
        for item in _api(site, "/api/articles", source=outlet, limit="100")["items"]:
            stored[(outlet, item["title"])] = item
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for t in sorted(truth, key=lambda t: t.outlet != "maghreb-wire"):
        if t.dup_group.endswith(":wire") and (t.outlet, t.title) in stored:
            groups[t.dup_group].append(stored[(t.outlet, t.title)])
    return groups


def test_the_octopus_dispatch_is_listed_once_with_its_outlets(
    page: Any, site: str, crawled: tuple[Any, ...]
) -> None:
    group = _wire_groups(crawled, site)["octopus-season:fr:wire"]
    original, copies = group[0], group[1:]
    assert len(copies) == 3 and any(c["title"].startswith("Poulpe") for c in copies)
    assert all(c["duplicate_of"] == original["id"] for c in copies)
    listed: list[int] = []
    cursor = None
    while True:  # the whole grouped list, page by page
        body = _api(site, "/api/articles", limit="100", **({"cursor": cursor} if cursor else {}))
        listed += [i["id"] for i in body["items"]]
        if not (cursor := body["next_cursor"]):
            break
    assert listed.count(original["id"]) == 1
    assert not {c["id"] for c in copies} & set(listed)
    page.goto(f"/articles/{original['id']}")
    also = page.locator("article p.also-published")
    assert sorted(also.locator("a").all_inner_texts()) == sorted(c["source_name"] for c in copies)
    assert also.inner_text().startswith("Également publié par")
    for copy in copies:  # every copy keeps its own page, which leads to the original
        page.goto(f"/articles/{copy['id']}")
        assert page.locator("article h1").inner_text() == copy["title"]
        page.locator("p.copy-of a[data-original]").click()
        page.wait_for_url(f"**/articles/{original['id']}")


def test_wire_stories_appear_once_on_the_home_page_with_all_their_outlets(
    page: Any, site: str, crawled: tuple[Any, ...]
) -> None:
    page.goto("/")
    ticker = page.locator("section.ticker ul.ticker-track > li:not([data-copy]) a")
    hrefs = ticker.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    cards = page.locator("main li.card")
    shown = 0
    for group in _wire_groups(crawled, site).values():
        original, copies = group[0], group[1:]
        href = f"/articles/{original['id']}"
        for copy in copies:  # no copy has an entry of its own, in the ticker or a card
            assert f"/articles/{copy['id']}" not in hrefs
            assert cards.locator(f"h3 a[href='/articles/{copy['id']}']").count() == 0
        if href not in hrefs:
            continue
        shown += 1
        assert hrefs.count(href) == 1
        entry = ticker.nth(hrefs.index(href)).locator("span.ticker-also")
        names = [c["source_name"] for c in copies]
        assert entry.inner_text() == f"(également publié par {', '.join(names)})"
        card = cards.filter(has=page.locator(f"h3 a[href='{href}']"))
        for n in range(card.count()):
            outlets = card.nth(n).locator("p.also-published a").all_inner_texts()
            assert sorted(outlets) == sorted(names)
    assert shown >= 1
