"""What a reader sees in Chromium (issue 16): ticker speed, loop and keyboard; Arabic dates,
plurals and arrows; every page type in fr, ar and es; layout shift, page weight and tap
targets on a phone."""

from __future__ import annotations

import base64
import os
from pathlib import Path
from typing import Any

import pytest

from tests.browsing import BROWSER_MARKS
from tests.web.seeding import Seeded

pytestmark = BROWSER_MARKS
PHONE = {"width": 375, "height": 740}
# A 1x1 PNG stands in for an outlet's lead image (no test reaches outside the machine).
PIXEL = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kg"
    "AAAABJRU5ErkJggg=="
)


def _route(route: Any) -> None:
    url = route.request.url
    if url.startswith("http://127.0.0.1:"):
        route.continue_()
    elif url.startswith("https://img.example/"):
        route.fulfill(status=200, content_type="image/png", body=PIXEL)
    else:
        route.abort()


def _tab(browser: Any, site: tuple[str, Seeded], lang: str = "fr", *, phone: bool = False,
         motion: str = "no-preference") -> Any:
    context = browser.new_context(
        base_url=site[0], viewport=PHONE if phone else {"width": 1280, "height": 900},
        locale={"fr": "fr-FR", "ar": "ar-MA", "es": "es-ES", "en": "en-US"}[lang],
        reduced_motion=motion, extra_http_headers={"Accept-Language": lang},
    )
    context.route("**/*", _route)
    return context.new_page()


@pytest.mark.parametrize("phone", [False, True])
def test_ticker_pace_loop_and_pauses(browser: Any, site: tuple[str, Seeded], phone: bool) -> None:
    tab = _tab(browser, site, phone=phone)
    tab.goto("/")
    tab.wait_for_selector(".ticker.is-moving")
    measured = tab.evaluate("""() => {
        const track = document.querySelector('.ticker-track');
        const [animation] = track.getAnimations();
        const copies = track.querySelectorAll('li[data-copy]');
        const first = track.querySelector('li');
        return {
          duration: animation.effect.getTiming().duration / 1000,
          loop: track.scrollWidth / 2,
          copyStart: copies[0].offsetLeft - first.offsetLeft,
          copies: copies.length,
          view: document.querySelector('.ticker-viewport').clientWidth,
        };
    }""")
    speed = measured["loop"] / measured["duration"]
    assert 55 <= speed <= 65, measured  # about 60 px/s whatever the strip's width
    assert measured["view"] / speed >= 5  # a headline crosses the strip in 5 s or more
    # Seamless: the copy starts exactly one loop further, and a loop is wider than the strip.
    assert abs(measured["copyStart"] - measured["loop"]) <= 1 and measured["copies"] == 30
    assert measured["loop"] > measured["view"]
    state = "e => getComputedStyle(e).animationPlayState"
    track = tab.locator(".ticker-track")
    tab.mouse.move(1, PHONE["height"] - 1)
    assert track.evaluate(state) == "running"
    tab.locator(".ticker-viewport").hover()
    assert track.evaluate(state) == "paused"
    tab.mouse.move(1, PHONE["height"] - 1)
    tab.locator(".ticker-track li:not([data-copy]) a").first.focus()
    assert track.evaluate(state) == "paused"
    tab.context.close()


def test_ticker_is_one_tab_stop_and_read_once(browser: Any, site: tuple[str, Seeded]) -> None:
    tab = _tab(browser, site)
    tab.goto("/")
    tab.wait_for_selector(".ticker.is-moving")
    reachable = tab.evaluate("""() => [...document.querySelectorAll('.ticker-track a')]
        .filter(a => a.tabIndex >= 0).length""")
    assert reachable == 1
    hidden = tab.evaluate("""() => [...document.querySelectorAll('.ticker-track li[data-copy]')]
        .every(li => li.getAttribute('aria-hidden') === 'true')""")
    assert hidden
    # What assistive technology gets: one list of the 30 headlines, each once.
    tree = tab.locator("section.ticker").aria_snapshot()
    headline = tab.locator(".ticker-track li a span[lang]").first.inner_text().strip()
    assert tree.count(headline) == 1, tree
    assert tree.count("- listitem") == 30, tree
    # Tab: skip link, brand, navigation, search, language menu, theme, the ticker's skip
    # link, pause and one headline, the language filter, then the first section (50
    # presses before).
    presses, in_ticker = 0, 0
    while presses < 30:
        tab.keyboard.press("Tab")
        presses += 1
        in_ticker += tab.evaluate("!!document.activeElement.closest('.ticker')")
        if tab.evaluate("!!document.activeElement.closest('.section-block')"):
            break
    assert in_ticker == 3 and presses <= 18, (presses, in_ticker)
    # Or past it at once: the ticker's first stop is a "skip the headlines" link.
    tab.locator(".ticker-skip").focus()
    tab.keyboard.press("Enter")
    tab.keyboard.press("Tab")
    assert not tab.evaluate("!!document.activeElement.closest('.ticker')")
    tab.locator(".ticker-track li:not([data-copy]) a").first.focus()
    tab.keyboard.press("ArrowRight")
    assert tab.evaluate("document.activeElement.closest('li').previousElementSibling !== null")
    tab.context.close()


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_reduced_motion_shows_a_short_wrapped_list(
    browser: Any, site: tuple[str, Seeded], lang: str
) -> None:
    tab = _tab(browser, site, lang, phone=True, motion="reduce")
    tab.goto("/")
    shown = tab.locator(".ticker-track li:visible")
    assert 1 <= shown.count() <= 5
    viewport = tab.locator(".ticker-viewport")
    assert viewport.evaluate("e => e.scrollWidth <= e.clientWidth + 1")
    box = viewport.bounding_box()
    for index in range(shown.count()):
        item = shown.nth(index).bounding_box()
        assert box["x"] - 1 <= item["x"]
        assert item["x"] + item["width"] <= box["x"] + box["width"] + 1
    assert tab.locator(".ticker-track").evaluate("e => getComputedStyle(e).animationName") == "none"
    tab.context.close()


def test_arabic_dates_plurals_and_arrows(browser: Any, site: tuple[str, Seeded]) -> None:
    tab = _tab(browser, site, "ar")
    tab.goto(f"/articles/{site[1].ids['fr0']}")
    # "… يوم 20 - 11 - 2026": the day stands next to يوم, at the right of the date.
    order = tab.evaluate("""() => {
        const time = document.querySelector('p.attribution time');
        const text = time.firstChild;
        const rect = (start, end) => { const r = document.createRange();
            r.setStart(text, start); r.setEnd(text, end); return r.getBoundingClientRect(); };
        const day = rect(0, 2), year = rect(text.length - 4, text.length);
        const before = document.createRange();
        before.selectNodeContents(document.querySelector('p.attribution'));
        before.setEndBefore(time);
        return {day: day.left, year: year.left, yom: before.getBoundingClientRect().left};
    }""")
    assert order["year"] < order["day"] < order["yom"], order
    tab.goto("/archive/2026/11/20")
    assert "نونبر" in tab.locator("h1").inner_text()
    stamp = tab.locator("li.card time").first.inner_text()
    assert ":" in stamp and not any(mark in stamp for mark in ("ص", "م"))  # 24-hour time
    prev_link = tab.locator("nav.day-nav a[rel=prev]")
    assert prev_link.inner_text().startswith("→")  # back points right in right-to-left text
    tab.goto("/sources")
    counts = tab.locator("ul.source-list .meta").all_inner_texts()
    assert any(t.startswith("3 مقالات") for t in counts), counts
    assert any(t.startswith("26 مقالا") for t in counts), counts
    tab.goto("/articles")
    older = tab.locator("nav.pager a")
    arrow, label = older.locator("span[aria-hidden]"), older
    assert arrow.inner_text() == "←"
    assert arrow.bounding_box()["x"] < label.bounding_box()["x"] + 5  # at the reading end
    tab.context.close()


PAGE_TYPES = ["/", "/articles/{fr0}", "/articles/{ar0}", "/articles", "/sources",
              "/sources/hespress", "/sections/Deportes", "/archive/2026/11/20",
              "/search?q=%D8%A7%D9%84%D8%A8%D8%B1%D9%84%D9%85%D8%A7%D9%86", "/sections/Nope"]


@pytest.mark.parametrize("lang", ["fr", "ar", "es"])
def test_every_page_type_in_every_language(
    browser: Any, site: tuple[str, Seeded], lang: str, tmp_path: Path
) -> None:
    tab = _tab(browser, site, lang, phone=True, motion="reduce")
    for template in PAGE_TYPES:
        path = template.format(**site[1].ids)
        response = tab.goto(path)
        assert response.status == (404 if "Nope" in path else 200), path
        assert tab.evaluate("document.documentElement.lang") == lang
        assert tab.evaluate("document.documentElement.dir") == ("rtl" if lang == "ar" else "ltr")
        assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
        folder = Path(os.environ.get("JARIDA_SCREENSHOTS") or tmp_path)  # to look at them
        shot = folder / f"{lang}{path.replace('/', '_').replace('?', '_')[:40]}.png"
        tab.screenshot(path=str(shot))
        assert shot.stat().st_size > 5_000
    tab.context.close()


LAYOUT_SHIFT = """() => new Promise(resolve => {
    let total = 0;
    new PerformanceObserver(list => { for (const e of list.getEntries()) {
        if (!e.hadRecentInput) total += e.value; } })
      .observe({type: 'layout-shift', buffered: true});
    setTimeout(() => resolve(total), 1000);
})"""


def test_phone_layout_is_stable_and_light(browser: Any, site: tuple[str, Seeded]) -> None:
    tab = _tab(browser, site, phone=True)
    for path in ("/", f"/articles/{site[1].ids['fr0']}", "/articles"):
        tab.goto(path)
        tab.wait_for_load_state("load")
        assert tab.evaluate(LAYOUT_SHIFT) <= 0.01, path
    tab.goto(f"/articles/{site[1].ids['fr0']}")
    lead = tab.locator(".lead-image img")
    assert lead.get_attribute("loading") == "eager"
    assert lead.get_attribute("fetchpriority") == "high"
    assert lead.get_attribute("width") and lead.get_attribute("height")
    tab.goto("/")
    tab.wait_for_load_state("load")
    weight = tab.evaluate("""() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const parts = performance.getEntriesByType('resource')
          .filter(r => /\\.(css|js)$/.test(new URL(r.name).pathname));
        return {html: nav.transferSize, decoded: nav.decodedBodySize,
                assets: parts.reduce((sum, r) => sum + r.transferSize, 0), count: parts.length};
    }""")
    assert weight["count"] == 2, weight
    assert weight["html"] < weight["decoded"] / 2, weight  # the page came compressed
    assert weight["html"] + weight["assets"] <= 25_000, weight
    tab.context.close()


def test_tap_targets_on_a_phone(browser: Any, site: tuple[str, Seeded]) -> None:
    tab = _tab(browser, site, phone=True, motion="reduce")
    for path in ("/", "/articles", f"/articles/{site[1].ids['fr0']}", "/sources"):
        tab.goto(path)
        small = tab.evaluate("""() => {
            const targets = document.querySelectorAll(
              'header a, header button, header summary, header input, footer a, nav a, ' +
              '.lang-filter a, .meta > a, .ticker a, .ticker label, .read-original a, .facts a');
            return [...targets].filter(e => e.getClientRects().length).map(e => {
              const r = e.getBoundingClientRect();
              const main = !!e.closest('nav.main-nav') && !e.classList.contains('skip-link');
              return {text: e.textContent.trim().slice(0, 30), w: r.width, h: r.height, main};
            }).filter(t => t.w < (t.main ? 44 : 24) || t.h < (t.main ? 44 : 24));
        }""")
        assert not small, (path, small)
    # One interface-language control, and a distinct, labelled content-language filter.
    tab.goto("/")
    assert tab.locator("header .lang-switch summary").count() == 1
    assert not tab.locator("header .lang-switch a").first.is_visible()
    label = tab.locator(".lang-filter").get_attribute("aria-label")
    assert label and label != tab.locator("header .lang-switch").get_attribute("aria-label")
    tab.locator("header .lang-switch summary").click()
    assert tab.locator("header .lang-switch a[lang=ar]").is_visible()
    tab.context.close()
