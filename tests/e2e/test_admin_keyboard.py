"""In Chromium, with the keyboard only (Tab, Shift+Tab, Enter, Space and typing): a moderator
logs in, reaches the sources page, adds a source and pauses it, every focused control
showing a visible focus ring."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from jarida.accounts.service import create_user
from jarida.storage import Database
from jarida.storage import sources as source_store
from jarida.web import create_app
from tests.browsing import BROWSER_MARKS, only_loopback
from tests.web.conftest import seeded_template  # noqa: F401 - fixture
from tests.web.livesite import live_server
from tests.web.seeding import Seeded, make_settings

pytestmark = BROWSER_MARKS
PASSWORD = "correct horse battery"
MAX_TABS = 60

# What the focused element is, and whether its focus is visible (an outline or a shadow).
_FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
               || style.boxShadow !== 'none';
  return {tag: el.tagName.toLowerCase(), name: (el.getAttribute('aria-label')
          || el.textContent || el.getAttribute('name') || '').trim(),
          id: el.id, href: el.getAttribute('href'), ring: ring};
}"""


@pytest.fixture
def site(seeded_template: tuple[Path, Seeded], tmp_path: Path  # noqa: F811
         ) -> Iterator[tuple[str, Database]]:
    template, _ = seeded_template
    path = tmp_path / "web.db"
    shutil.copyfile(template, path)
    db = Database.open(f"sqlite:///{path}")
    with db.write() as conn:
        create_user(conn, "nadia", "moderator", PASSWORD, datetime.now(UTC))
    # Plain HTTP here: a https base URL would make the admin cookies Secure.
    app = create_app(make_settings(f"sqlite:///{path}", base_url="http://127.0.0.1"), db)
    with live_server(app) as url:
        yield url, db
    db.close()


def _tab_to(tab: Any, wanted: str, *, tag: str | None = None, href: str | None = None,
            backwards: bool = False) -> dict[str, Any]:
    """Press Tab (or Shift+Tab) until the focused element's name is `wanted`; every element
    passed on the way must show its focus."""
    for _ in range(MAX_TABS):
        tab.keyboard.press("Shift+Tab" if backwards else "Tab")
        focused: dict[str, Any] | None = tab.evaluate(_FOCUSED)
        if focused is None:
            continue
        assert focused["ring"], f"no visible focus on {focused}"
        if (focused["name"] == wanted and (tag is None or focused["tag"] == tag)
                and (href is None or focused["href"] == href)):
            return focused
    raise AssertionError(f"{wanted!r} never got the focus in {MAX_TABS} presses")


def test_add_and_pause_a_source_with_the_keyboard_only(browser: Any, site: tuple[str, Database]
                                                       ) -> None:
    base, db = site
    context = browser.new_context(base_url=base, locale="en-GB")
    context.route("**/*", only_loopback)
    tab = context.new_page()
    tab.goto("/admin/login")  # typed in the address bar; the rest is keys only
    assert tab.evaluate(_FOCUSED)["name"] == "name"  # the name field has the focus
    tab.keyboard.type("nadia")
    tab.keyboard.press("Tab")
    tab.keyboard.type(PASSWORD)
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert tab.url.endswith("/admin")

    _tab_to(tab, "Sources", tag="a", href="/admin/sources")  # not the site's /sources
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert tab.url.endswith("/admin/sources")

    _tab_to(tab, "Add a source", tag="a")
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert tab.evaluate(_FOCUSED)["id"] == "source-url"  # the form starts on its first field
    tab.keyboard.type("https://sahara-tribune.example/feed.xml")
    _tab_to(tab, "name", tag="input")
    tab.keyboard.type("Sahara Tribune")
    _tab_to(tab, "languages", tag="input")
    tab.keyboard.type("fr, es")
    _tab_to(tab, "Add the source", tag="button")
    _tab_to(tab, "languages", tag="input", backwards=True)  # Shift+Tab goes back...
    _tab_to(tab, "Add the source", tag="button")  # ...and Tab forward again
    with tab.expect_navigation():
        tab.keyboard.press("Space")
    assert "added=sahara-tribune" in tab.url
    assert "Source sahara-tribune added." in tab.locator("main").inner_text()

    _tab_to(tab, "Pause Sahara Tribune", tag="button")
    with tab.expect_navigation():
        tab.keyboard.press("Space")
    assert tab.url.endswith("/admin/sources")
    row = tab.locator("#source-sahara-tribune")
    assert "paused" in row.inner_text()
    assert row.get_by_role("button", name="Resume Sahara Tribune").count() == 1
    with db.read() as conn:
        source = source_store.source_by_slug(conn, "sahara-tribune")
        assert source is not None and source.languages == ("fr", "es")
        assert {f.status for f in source_store.feeds_of_source(conn, source.id)} == {"paused"}
    context.close()
