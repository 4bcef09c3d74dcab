"""A cross-language story of the crawled demo web, in Chromium: its page shows the French,
Arabic and Spanish coverage together, and an article links to the other languages."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from jarida.web import create_app
from tests.browsing import BROWSER_MARKS
from tests.web.livesite import live_server

pytestmark = BROWSER_MARKS
EVENT = "drought-dams"  # Maghreb Wire's dispatch in fr/ar/es, plus outlets' own coverage


@pytest.fixture(scope="module")
def site(crawled: tuple[Any, ...]) -> Iterator[str]:
    _, db, settings, _ = crawled
    with live_server(create_app(settings, db)) as url:
        yield url


def _stored_id(site: str, outlet: str, title: str) -> int:
    items = httpx.get(f"{site}/api/articles", params={"source": outlet, "limit": "100"},
                      timeout=10).json()["items"]
    return int(next(i["id"] for i in items if i["title"] == title))


def test_cross_language_story_page_shows_fr_ar_es(browser: Any, site: str,
                                                  crawled: tuple[Any, ...]) -> None:
    web = crawled[0]
    truths = [t for t in web.articles() if t.story_id == EVENT and not t.hostile]
    assert {t.language for t in truths} >= {"fr", "ar", "es"}
    french = next(t for t in truths if t.language == "fr")
    article_id = _stored_id(site, french.outlet, french.title)
    story_id = httpx.get(f"{site}/api/articles/{article_id}", timeout=10).json()["story_id"]
    assert story_id is not None

    context = browser.new_context(base_url=site, locale="fr-FR")
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(
        "http://127.0.0.1:") else r.abort())
    page = context.new_page()
    page.goto(f"/stories/{story_id}")
    for code, heading in (("fr", "En français"), ("ar", "En arabe"), ("es", "En espagnol")):
        section = page.locator(f"section.story-language[data-lang='{code}']")
        assert section.count() == 1, code
        assert heading in section.locator("h2").inner_text()
        shown = section.locator("li a").all_inner_texts()
        expected = {t.title for t in truths if t.language == code}
        assert shown and set(shown) <= expected, (code, shown)
    assert page.locator("section.story-language[data-lang='ar'] li").first.get_attribute(
        "dir") == "rtl"

    page.goto(f"/articles/{article_id}")
    other = page.locator("aside.related .related-other")
    assert "Dans d'autres langues" in other.locator("h2").inner_text()
    assert other.locator("li[lang='ar']").count() >= 1
    assert other.locator("li[lang='es']").count() >= 1
    context.close()
