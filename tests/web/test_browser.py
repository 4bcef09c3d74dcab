"""The site in Debian's Chromium through Playwright: ticker, keyboard, rtl, hostile markup."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browsing import BROWSER_MARKS, only_loopback
from tests.web.seeding import Seeded

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

pytestmark = BROWSER_MARKS


@pytest.fixture
def page(browser: Any, site: tuple[str, Seeded]) -> Iterator[Any]:
    context = browser.new_context(
        base_url=site[0], viewport={"width": 1280, "height": 900}, locale="fr-FR",
        reduced_motion="no-preference",
    )
    context.route("**/*", only_loopback)
    tab = context.new_page()
    yield tab
    context.close()


def test_ticker_scrolls_and_pauses(page: Any) -> None:
    page.goto("/")
    items = page.locator("section.ticker ul.ticker-track > li:not([data-copy])")
    assert items.count() == 30  # app.js adds a hidden copy of each for a seamless loop
    track = page.locator(".ticker-track")
    assert track.evaluate("e => getComputedStyle(e).animationName") == "ticker-scroll"
    page.mouse.move(0, 0)
    assert track.evaluate("e => getComputedStyle(e).animationPlayState") == "running"
    page.locator("label.ticker-pause").click()
    page.mouse.move(0, 800)  # away from the ticker so hovering does not explain the pause
    assert page.locator("#ticker-pause").is_checked()
    assert track.evaluate("e => getComputedStyle(e).animationPlayState") == "paused"
    assert page.locator("label.ticker-pause .when-paused").is_visible()


def test_reduced_motion_stops_the_ticker(browser: Any, site: tuple[str, Seeded]) -> None:
    context = browser.new_context(base_url=site[0], locale="fr-FR", reduced_motion="reduce")
    context.route("**/*", only_loopback)
    tab = context.new_page()
    tab.goto("/")
    track = tab.locator(".ticker-track")
    assert track.evaluate("e => getComputedStyle(e).animationName") == "none"
    context.close()


def test_attribution_and_link_to_the_source(page: Any, site: tuple[str, Seeded]) -> None:
    page.goto(f"/articles/{site[1].ids['fr0']}")
    assert page.locator("p.attribution").inner_text() == "Publié dans Le Matin le 20 - 11 - 2026"
    link = page.get_by_role("link", name="Cliquez ici pour lire l'article depuis sa source")
    assert link.get_attribute("href") == "https://news.example/fr0"
    assert "noopener" in (link.get_attribute("rel") or "")


def test_search_from_the_header(page: Any) -> None:
    page.goto("/")
    page.locator("#header-q").fill("réforme électorale")
    page.locator("#header-q").press("Enter")
    page.wait_for_url("**/search?q=*")
    assert page.locator("li.card").count() == 1
    assert page.locator("li.card mark").first.inner_text().lower() == "réforme électorale"


def test_arabic_interface_is_right_to_left(page: Any) -> None:
    page.goto("/lang/ar?next=/")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert page.locator("a.skip-link").inner_text() == "انتقل إلى المحتوى"
    page.goto("/lang/fr?next=/")
    assert page.evaluate("document.documentElement.dir") == "ltr"


def test_tab_reaches_skip_link_then_main_navigation(page: Any) -> None:
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.locator("a.skip-link").is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('nav.main-nav')")
    page.goto("/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_hostile_markup_never_runs(page: Any, site: tuple[str, Seeded]) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    hostile = site[1].ids["hostile"]
    for path in ("/", f"/articles/{hostile}", "/search?q=Titre", "/archive/2026/11/18"):
        page.goto(path)
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__xss") == "undefined", path
    page.goto(f"/articles/{hostile}")
    heading = page.locator("article h1").inner_text()
    assert "<script>" in heading  # shown as text
    page.locator("div.article-body a").first.click()
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert dialogs == []


def test_theme_toggle_and_phone_width(page: Any) -> None:
    page.goto("/")
    page.emulate_media(color_scheme="light")
    toggle = page.locator("[data-theme-toggle]")
    assert toggle.is_visible() and toggle.get_attribute("aria-pressed") == "false"
    background = "getComputedStyle(document.body).backgroundColor"
    light = page.evaluate(background)
    toggle.click()
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert toggle.get_attribute("aria-pressed") == "true"
    assert page.evaluate(background) != light
    page.reload()  # the choice is remembered
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto("/articles")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_home_screenshot(page: Any) -> None:
    page.emulate_media(reduced_motion="reduce")  # a still ticker makes a stable picture
    page.goto("/")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / "home.png"
    page.screenshot(path=str(target), full_page=False)
    assert target.stat().st_size > 10_000
