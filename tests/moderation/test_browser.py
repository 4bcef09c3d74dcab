"""In Chromium: readers on three networks withdraw an image with the no-JavaScript form, one
reader with fresh cookies cannot, a moderator restores it, and no outlet is ever contacted."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from jarida.accounts.service import create_user
from jarida.storage import Database
from jarida.web import create_app
from tests.browsing import BROWSER_MARKS
from tests.moderation.conftest import PROXY
from tests.web.livesite import live_server
from tests.web.seeding import Seeded, make_settings

pytestmark = BROWSER_MARKS
PASSWORD = "correct horse battery"


@pytest.fixture
def site(seeded_template: tuple[Path, Seeded], tmp_path: Path
         ) -> Iterator[tuple[str, Seeded, Database]]:
    template, seeded = seeded_template
    path = tmp_path / "web.db"
    shutil.copyfile(template, path)
    db = Database.open(f"sqlite:///{path}")
    with db.write() as conn:
        create_user(conn, "amina", "moderator", PASSWORD, datetime.now(UTC))
    # Served over plain HTTP here: a https base URL would make the admin cookies Secure.
    settings = make_settings(f"sqlite:///{path}", trusted_proxies=[PROXY],
                             base_url="http://127.0.0.1")
    app = create_app(settings, db)
    with live_server(app) as url:
        yield url, seeded, db
    db.close()


class Outside:
    """Requests for anything but the local site: refused, and remembered."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def __call__(self, route: Any) -> None:
        if route.request.url.startswith("http://127.0.0.1:"):
            route.continue_()
        else:
            self.urls.append(route.request.url)
            route.abort()


def _reader(browser: Any, base: str, network: str, outside: Outside) -> Any:
    context = browser.new_context(base_url=base, locale="fr-FR",
                                  extra_http_headers={"X-Forwarded-For": network})
    context.route("**/*", outside)
    return context


def _report_with_the_form(tab: Any, article: int, reason: str = "Violence") -> tuple[int, str]:
    """Open the article, unfold the report control, choose a reason, send; the answer's
    status and text."""
    tab.goto(f"/articles/{article}")
    tab.get_by_text("Signaler cette image").click()
    tab.get_by_label(reason).check()
    with tab.expect_response(lambda r: r.request.method == "POST") as posted:
        tab.get_by_role("button", name="Envoyer le signalement").click()
    return posted.value.status, str(tab.locator("main").inner_text())


def _until(check: Any, seconds: float = 15.0) -> float:
    started = time.monotonic()
    while not check():
        assert time.monotonic() - started < seconds, "the change never showed"
        time.sleep(0.05)
    return time.monotonic() - started


def test_three_readers_withdraw_an_image_and_a_moderator_restores_it(
    browser: Any, site: tuple[str, Seeded, Database]
) -> None:
    base, seeded, _db = site
    article = seeded.ids["fr0"]
    outside = Outside()
    first = _reader(browser, base, "203.0.113.10", outside)
    tab = first.new_page()
    tab.goto(f"/articles/{article}")
    image = tab.locator("figure.lead-image img")
    assert image.evaluate("i => i.complete && i.naturalWidth > 0")
    src = image.get_attribute("src")
    assert src and src.startswith("/media/") and "320w" in (image.get_attribute("srcset") or "")
    status, thanks = _report_with_the_form(tab, article)
    assert status == 200 and "plusieurs personnes différentes" in thanks
    for network in ("198.51.100.10", "192.0.2.10"):
        context = _reader(browser, base, network, outside)
        _report_with_the_form(context.new_page(), article, "Haine")
        context.close()
    lag = _until(lambda: tab.goto(f"/articles/{article}") and
                 tab.locator(".image-withdrawn").count() == 1)
    assert tab.locator("figure.lead-image img").count() == 0
    assert "Image retirée après des signalements de lecteurs" in tab.locator(
        ".image-withdrawn").first.inner_text()
    tab.goto("/")
    assert tab.locator(f"img[src='{src}']").count() == 0
    assert tab.locator(".image-withdrawn").count() >= 1
    api = tab.request.get(f"/api/articles/{article}").json()
    assert api["image_url"] is None and api["image_blocked"] is True
    assert src not in tab.request.get("/feed.rss").text()
    assert tab.request.get(src).status == 410
    print(f"block visible to the next page after {lag:.2f} s")

    moderator = browser.new_context(base_url=base, locale="fr-FR")
    moderator.route("**/*", outside)
    admin = moderator.new_page()
    admin.goto("/admin")
    admin.get_by_label("Nom").fill("amina")
    admin.get_by_label("Mot de passe").fill(PASSWORD)
    with admin.expect_navigation():
        admin.keyboard.press("Enter")
    assert admin.get_by_role("heading", name="File de modération").is_visible(), \
        admin.content()[-3000:]
    admin.get_by_role("button", name="Rétablir l'image").click()
    _until(lambda: tab.goto(f"/articles/{article}") and
           tab.locator("figure.lead-image img").count() == 1)
    assert tab.locator("figure.lead-image img").evaluate("i => i.complete && i.naturalWidth > 0")
    admin.goto("/admin/audit")
    assert admin.get_by_text("image.restored").is_visible()
    assert outside.urls == []  # no page ever made the browser contact an outlet
    for context in (first, moderator):
        context.close()


def test_fifty_fresh_cookies_from_one_network_never_withdraw_it(
    browser: Any, site: tuple[str, Seeded, Database]
) -> None:
    base, seeded, _db = site
    article = seeded.ids["fr0"]
    outside = Outside()
    context = _reader(browser, base, "203.0.113.99", outside)
    tab = context.new_page()
    answers = []
    for _ in range(50):
        context.clear_cookies()
        answers.append(_report_with_the_form(tab, article)[0])
        if answers[-1] == 429:
            break
    assert set(answers) <= {200, 429}
    tab.goto(f"/articles/{article}")
    assert tab.locator(".image-withdrawn").count() == 0
    assert tab.locator("figure.lead-image img").evaluate("i => i.complete && i.naturalWidth > 0")
    context.close()
