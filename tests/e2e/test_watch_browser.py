"""Media monitoring over the crawled sample news web, in Debian's Chromium: an analyst logs
in, the dashboard of a demo subject shows its timeline (with the outage spike) and its
share of voice, and a tone correction made with one click sticks after a reload."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import func, select

from jarida.storage.tables import alerts
from jarida.storage.watch_analysis import MentionFilter, mention_count
from jarida.storage.watch_subjects import subject_by_slug
from jarida.watch import demo_setup
from jarida.web import create_app
from jarida.web.watch_api import MENTION_COLUMNS, TIMELINE_COLUMNS
from tests.browsing import BROWSER_MARKS, only_loopback
from tests.web.livesite import live_server

pytestmark = BROWSER_MARKS
_EXPECTED: dict[str, tuple[int, int]] = {}
_SPANISH: dict[str, int] = {}  # the bank's original Spanish mentions
_ALERTS: dict[str, int] = {}


def _stored_counts(db: Any) -> dict[str, tuple[int, int]]:
    """Each demo subject's mentions as the database counts them: (originals, with copies)."""
    out = {}
    with db.read() as conn:
        for slug in ("banque-du-sahel", "credit-de-l-atlas"):
            subject = subject_by_slug(conn, slug)
            assert subject is not None
            out[slug] = (mention_count(conn, subject.id, MentionFilter()),
                         mention_count(conn, subject.id, MentionFilter(), with_copies=True))
    return out


@pytest.fixture(scope="module")
def watched(crawled: tuple[Any, ...]) -> Iterator[tuple[str, demo_setup.DemoLogin]]:
    _, db, settings, _ = crawled
    demo_setup.install_subjects(db)
    login = demo_setup.finish(db, settings)  # the demo's own steps: backfill, analyst login
    _EXPECTED.update(_stored_counts(db))
    with db.read() as conn:
        bank = subject_by_slug(conn, "banque-du-sahel")
        assert bank is not None and bank.id is not None
        _SPANISH["banque-du-sahel"] = mention_count(conn, bank.id, MentionFilter(language="es"))
    with db.read() as conn:  # the alerts the demo's replay recorded for the bank
        subject = subject_by_slug(conn, "banque-du-sahel")
        assert subject is not None
        _ALERTS.update((str(rule), int(n)) for rule, n in conn.execute(
            select(alerts.c.rule, func.count()).where(alerts.c.subject_id == subject.id)
            .group_by(alerts.c.rule)))
    with live_server(create_app(settings, db)) as url:
        yield url, login


def _rows(page: Any, selector: str) -> list[list[str]]:
    return [[c.strip() for c in row] for row in page.eval_on_selector_all(
        selector, "rows => rows.map(r => [...r.children].map(c => c.textContent))")]


def test_dashboard_and_tone_correction(browser: Any,
                                       watched: tuple[str, demo_setup.DemoLogin]) -> None:
    site, login = watched
    context = browser.new_context(base_url=site, locale="fr-FR")
    context.route("**/*", only_loopback)
    page = context.new_page()
    page.goto("/veille/banque-du-sahel")
    assert "/admin/login" in page.url  # monitoring is private
    page.fill("#login-name", login.name)
    page.fill("#login-password", login.password)
    page.click("form.admin-form button[type=submit]")
    page.wait_for_url("**/veille/banque-du-sahel")
    assert page.locator("h1").inner_text() == "Banque du Sahel"

    # the timeline: a drawn chart, and its table holding the outage spike
    assert page.locator("#timeline svg rect").count() >= 5
    days = _rows(page, "#timeline tbody tr")
    counts = [int(r[1]) for r in days]
    # Wire copies count once: the chart holds the originals the database counts, fewer
    # than all the articles naming the bank (three outlets run the agency's dispatch of the
    # bank's apology; the outlets that cover the outage in their own words are originals).
    originals, with_copies = _EXPECTED["banque-du-sahel"]
    assert sum(counts) == originals and originals < with_copies
    assert max(counts) >= 5
    quiet = sorted(counts)[len(counts) // 2]
    assert quiet <= 1  # most days see at most one mention: the spike stands out
    # share of voice in the "Banques" set, drawn and tabulated
    voice = page.locator("section.share-of-voice")
    assert voice.locator("svg rect").count() == 2
    shares = {r[0]: int(r[1]) for r in _rows(page, "section.share-of-voice tbody tr")}
    assert shares == {"Banque du Sahel": originals,
                      "Crédit de l'Atlas": _EXPECTED["credit-de-l-atlas"][0]}
    assert originals > 2 * shares["Crédit de l'Atlas"]  # the outage dominates the set

    # one click sets the tone of the latest mention; the choice survives a reload
    first = page.locator("li.watch-mention").first
    mention_id = first.get_attribute("id")
    first.locator("button[value=positive]").click()
    page.wait_for_load_state()
    badge = page.locator(f"#{mention_id} .tone-badge")
    assert badge.get_attribute("data-tone") == "positive"
    page.reload()
    assert page.locator(f"#{mention_id} .tone-badge").get_attribute("data-tone") == "positive"
    assert page.locator(f"#{mention_id} button[value=positive]").get_attribute(
        "aria-pressed") == "true"
    context.close()


def test_dashboard_in_arabic_is_right_to_left(browser: Any,
                                              watched: tuple[str, demo_setup.DemoLogin]
                                              ) -> None:
    site, login = watched
    context = browser.new_context(base_url=site, locale="ar-MA")
    context.route("**/*", only_loopback)
    page = context.new_page()
    page.goto("/lang/ar?next=/veille/conseil-autonome-des-ports")
    page.goto("/veille/conseil-autonome-des-ports")
    page.fill("#login-name", login.name)
    page.fill("#login-password", login.password)
    page.click("form.admin-form button[type=submit]")
    page.wait_for_url("**/veille/conseil-autonome-des-ports")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h2#timeline-title").inner_text() == "الإشارات عبر الزمن حسب النبرة"
    # the regatta's "Cap Spartel" and "garder le cap" are not the port authority
    titles = page.locator("li.watch-mention .watch-meta a").all_inner_texts()
    assert titles and not any("gata" in t for t in titles)
    context.close()


def _log_in(page: Any, login: demo_setup.DemoLogin, target: str) -> None:
    page.goto(target)
    page.fill("#login-name", login.name)
    page.fill("#login-password", login.password)
    page.click("form.admin-form button[type=submit]")
    page.wait_for_url(f"**{target}")


def test_alerts_of_the_demo_and_a_rule_managed_by_forms(
        browser: Any, watched: tuple[str, demo_setup.DemoLogin]) -> None:
    """`make demo`'s own steps raise the outage's alert without any date given; an
    analyst adds, edits and removes an alert rule with the page's forms."""
    site, login = watched
    context = browser.new_context(base_url=site, locale="fr-FR", java_script_enabled=False)
    context.route("**/*", only_loopback)
    page = context.new_page()
    _log_in(page, login, "/veille/banque-du-sahel")
    # top stories of the subject: a chart and its table, linking to the story pages
    stories = page.locator("#stories")
    assert stories.locator("svg rect").count() >= 3
    rows = _rows(page, "#stories tbody tr")
    assert len(rows) >= 3 and any("panne" in r[0].lower() for r in rows)
    assert all(int(r[1]) >= 1 for r in rows)
    assert [int(r[1]) for r in rows] == sorted((int(r[1]) for r in rows), reverse=True)

    page.click("a[href='/veille/alertes?subject=banque-du-sahel']")
    page.wait_for_url("**/veille/alertes?subject=banque-du-sahel")
    # The demo's replay found these without any date given: the 14 November card outage
    # raises one spike (15 original articles against a baseline of 1 a day) and one
    # negative-tone surge, and each outlet's first mention of the bank its alert.
    assert _ALERTS.get("spike") == 1 and _ALERTS.get("negative") == 1, _ALERTS
    for rule in ("negative", "new_outlet", "spike"):
        shown = page.locator(f"table.alert-history tr[data-rule={rule}]")
        assert shown.count() == _ALERTS.get(rule, 0), rule
    spike = page.locator("table.alert-history tr[data-rule=spike]")
    assert "Pic de mentions : Banque du Sahel" in spike.inner_text()
    assert "(2026-11-14)" in spike.inner_text()
    surge = page.locator("table.alert-history tr[data-rule=negative]")
    assert "Montée du ton négatif : Banque du Sahel" in surge.inner_text()
    assert "(2026-11-14)" in surge.inner_text()

    page.goto("/veille/alertes")
    form = page.locator("form[action='/veille/alertes/regles']")
    # languages by their names, not their codes
    assert form.locator("select[name=language] option").all_inner_texts() == [
        "français", "arabe", "espagnol", "anglais"]
    form.locator("#new-target").fill("presse@example.org")
    form.locator("input[name=rules][value=new_outlet]").uncheck()
    form.locator("input[name=rules][value=query]").uncheck()
    form.locator("#new-subject").select_option("banque-du-sahel")
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert "ajoutée" in page.locator("#created-rule").inner_text()
    row = page.locator("table.alert-rules tbody tr").last
    assert "presse@example.org" in row.inner_text()
    assert "Pic de mentions, Montée du ton négatif" in row.inner_text()

    row.locator("a", has_text="Modifier").click()
    page.wait_for_url("**/veille/alertes/regles/*")
    page.locator("input[name=rules][value=negative]").uncheck()
    page.locator("input[name=active]").check()
    page.locator("form.admin-form button[type=submit]").click()
    page.wait_for_url("**/veille/alertes#rule-*")
    row = page.locator("table.alert-rules tbody tr").last
    assert "Montée" not in row.inner_text() and "active" in row.inner_text()

    row.locator("button", has_text="Retirer").click()
    page.wait_for_load_state()
    assert "presse@example.org" not in page.locator("table.alert-rules").inner_text()
    context.close()


def _download(page: Any, link: str, tmp: Path) -> bytes:
    with page.expect_download() as info:
        page.click(link)
    target = tmp / info.value.suggested_filename
    info.value.save_as(target)
    return target.read_bytes()


def test_a_press_officer_downloads_what_the_dashboard_shows(
        browser: Any, watched: tuple[str, demo_setup.DemoLogin], tmp_path: Path) -> None:
    """The language filter is a list of languages, and the dashboard's download links give
    its mentions (CSV, XLSX) and its timeline (CSV) with the filters chosen, with the
    session: no API token needed."""
    site, login = watched
    context = browser.new_context(base_url=site, locale="fr-FR", accept_downloads=True)
    context.route("**/*", only_loopback)
    page = context.new_page()
    _log_in(page, login, "/veille/banque-du-sahel")
    page.select_option("#f-language", label="espagnol")
    page.click("form.watch-filters button[type=submit]")
    page.wait_for_url("**/veille/banque-du-sahel?*language=es*")
    spanish = _SPANISH["banque-du-sahel"]
    assert spanish >= 3

    rows = list(csv.reader(io.StringIO(_download(
        page, "a[href*='/mentions.csv']", tmp_path).decode("utf-8-sig"))))
    assert tuple(rows[0]) == MENTION_COLUMNS
    language = MENTION_COLUMNS.index("language")
    assert len(rows) - 1 == spanish and {r[language] for r in rows[1:]} == {"es"}

    book = openpyxl.load_workbook(io.BytesIO(_download(page, "a[href*='/mentions.xlsx']",
                                                       tmp_path)))
    sheet = list(book.active.iter_rows(values_only=True))
    assert tuple(sheet[0]) == MENTION_COLUMNS and len(sheet) - 1 == spanish

    periods = list(csv.DictReader(io.StringIO(_download(
        page, "a[href*='/timeline.csv']", tmp_path).decode("utf-8-sig"))))
    assert tuple(periods[0]) == TIMELINE_COLUMNS
    assert sum(int(r["mentions"]) for r in periods) == spanish
    context.close()


def test_arabic_dashboard_charts_tables_and_signed_figures(
        browser: Any, watched: tuple[str, demo_setup.DemoLogin]) -> None:
    """Right to left, the charts keep their labels beside their bars, the net tone reads
    "-0.25" (not "0.25-"), and the timeline's table shows every column, share included."""
    site, login = watched
    context = browser.new_context(base_url=site, locale="ar-MA",
                                  viewport={"width": 1280, "height": 900})
    context.route("**/*", only_loopback)
    page = context.new_page()
    page.goto("/lang/ar?next=/veille/banque-du-sahel")
    _log_in(page, login, "/veille/banque-du-sahel")
    assert page.locator("html").get_attribute("dir") == "rtl"
    for chart in ("section.share-of-voice svg", "section[aria-labelledby=outlets-title] svg"):
        label_right, bar_left = page.eval_on_selector(chart, """svg => [
            svg.querySelector('text').getBoundingClientRect().right,
            svg.querySelector('rect').getBoundingClientRect().left]""")
        assert label_right <= bar_left + 1, chart  # the name ends before its bar starts

    minus_first = page.eval_on_selector_all(
        "section[aria-labelledby=outlets-title] tbody td:last-child", """cells => cells
        .filter(c => c.textContent.trim().startsWith('-')).map(c => {
            const text = document.createTreeWalker(c, NodeFilter.SHOW_TEXT).nextNode();
            const at = text.data.indexOf('-'), end = text.data.trimEnd().length;
            const first = document.createRange(), last = document.createRange();
            first.setStart(text, at); first.setEnd(text, at + 1);
            last.setStart(text, end - 1); last.setEnd(text, end);
            return first.getBoundingClientRect().left < last.getBoundingClientRect().left;
        })""")
    assert minus_first and all(minus_first)

    box = page.locator("#timeline .watch-data")
    widths = box.evaluate("d => [d.scrollWidth, d.clientWidth]")
    assert widths[0] <= widths[1] + 1  # no column hidden behind a scroll bar
    share = page.locator("#timeline thead th").nth(5)
    assert share.is_visible() and share.inner_text() == "النسبة من مجموع المقالات"
    context.close()
