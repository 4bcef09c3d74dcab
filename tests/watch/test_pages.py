"""The /veille pages: private, localised, and a tone correction by plain form with CSRF."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from fastapi.testclient import TestClient

from jarida.accounts.service import create_user
from jarida.storage import Database
from jarida.storage import watch_subjects as subject_store
from jarida.watch.model import CompareSet
from jarida.web.app import create_app
from tests.watch.corpus import add_subject, article, make_source, store
from tests.watch.test_api import RIVAL
from tests.web.seeding import BASE_URL, make_settings

WEB = Path(__file__).resolve().parents[2] / "jarida" / "web"
PASSWORD = "correct horse battery"


def _login(client: TestClient, name: str, target: str) -> None:
    page = client.get("/admin/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert token
    answer = client.post("/admin/login", data={"name": name, "password": PASSWORD,
                                                "csrf": token[1], "next": target})
    assert answer.status_code == 303 and answer.headers["location"] == target


@pytest.fixture
def site(db: Database) -> Iterator[TestClient]:
    add_subject(db)
    add_subject(db, RIVAL)
    with db.write() as conn:
        subject_store.save_set(conn, CompareSet("banques", "Banques",
                                                ("banque-sahel", "credit-atlas")))
        create_user(conn, "ana", "analyst", PASSWORD, datetime.now(UTC))
        create_user(conn, "mod", "moderator", PASSWORD, datetime.now(UTC))
    sid, fid = make_source(db, "courrier")
    store(db, [article(sid, fid, i, f"Note {i}", f"La Banque du Sahel recrute, jour {i}.",
                       hours=24 * i) for i in range(3)]
          + [article(sid, fid, 9, "Agences", "Le Crédit de l'Atlas ouvre une agence.")])
    app = create_app(make_settings(str(db.engine.url)), db, version_ttl=0)
    with TestClient(app, base_url=BASE_URL, follow_redirects=False) as client:
        yield client


def test_pages_need_an_analyst_and_correct_tone_by_form(site: TestClient) -> None:
    assert site.get("/veille/banque-sahel").headers["location"].startswith("/admin/login")
    _login(site, "mod", "/veille")
    assert site.get("/veille").status_code == 403  # moderators do not read monitoring
    site.cookies.clear()
    _login(site, "ana", "/veille/banque-sahel")
    page = site.get("/veille/banque-sahel", headers={"Accept-Language": "fr"})
    assert page.status_code == 200 and "no-store" in page.headers["cache-control"]
    html = page.text
    assert html.count('<li id="mention-') == 3
    assert "<svg" in html and "Part de voix" in html and "Crédit de l&#39;Atlas" in html
    assert re.search(r"<th scope=\"row\">2026-11-20</th><td>1</td>", html)
    mention = re.search(r'action="/veille/mentions/(\d+)/tone"', html)
    csrf = re.search(r'name="csrf" value="([^"]+)"', html)
    assert mention and csrf
    refused = site.post(f"/veille/mentions/{mention[1]}/tone",
                        data={"csrf": "forged", "tone": "negative"})
    assert refused.status_code == 403
    done = site.post(f"/veille/mentions/{mention[1]}/tone",
                     data={"csrf": csrf[1], "tone": "negative", "next": "/veille/banque-sahel"})
    assert done.status_code == 303
    assert done.headers["location"] == f"/veille/banque-sahel#mention-{mention[1]}"
    again = site.get("/veille/banque-sahel").text
    badge = re.search(rf'id="mention-{mention[1]}".*?data-tone="(\w+)"', again, re.S)
    assert badge and badge[1] == "negative"
    assert site.get("/veille/nobody").status_code == 404
    assert site.get("/veille/banque-sahel", params={"from": "soon"}).status_code == 400


def test_subjects_are_edited_on_the_page_all_or_nothing(site: TestClient) -> None:
    _login(site, "ana", "/veille")
    page = site.get("/veille").text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page)
    assert csrf and "slug: banque-sahel" in page  # the current subjects, as YAML
    bad = site.post("/veille/import", data={"csrf": csrf[1], "yaml": (
        "subjects:\n- {slug: onee, name: ONEE, kind: institution, aliases: [ONEE]}\n"
        "- {slug: x, name: X, kind: planet, aliases: [x]}\n")})
    assert bad.status_code == 400 and "line 3: kind &#39;planet&#39;" in bad.text
    assert "onee" not in site.get("/veille").text
    good = site.post("/veille/import", data={"csrf": csrf[1], "yaml": (
        "subjects:\n- {slug: onee, name: Office de l'eau, kind: institution, "
        "aliases: [ONEE]}\n")})
    assert good.status_code == 303
    assert 'href="/veille/onee"' in site.get("/veille").text
    # Removing asks first, on a page of its own that says what goes with the subject.
    assert '<a href="/veille/onee/remove">' in site.get("/veille").text
    confirm = site.get("/veille/onee/remove")
    assert confirm.status_code == 200 and "Office de l&#39;eau" in confirm.text
    assert 'action="/veille/onee/remove"' in confirm.text and csrf[1] in confirm.text
    assert site.get("/veille/nobody/remove").status_code == 404
    assert site.post("/veille/onee/remove", data={"csrf": "forged"}).status_code == 403
    assert site.post("/veille/onee/remove", data={"csrf": csrf[1]}).status_code == 303
    assert 'href="/veille/onee"' not in site.get("/veille").text
    assert site.post("/veille/onee/remove", data={"csrf": csrf[1]}).status_code == 404


def test_pages_in_arabic_are_right_to_left(site: TestClient) -> None:
    _login(site, "ana", "/veille")
    html = site.get("/veille/banque-sahel", headers={"Accept-Language": "ar"}).text
    assert 'dir="rtl"' in html and "حصة الحضور" in html


@pytest.mark.parametrize("lang", ["fr", "ar", "es", "en"])
def test_every_watch_message_is_translated(lang: str) -> None:
    pattern = re.compile(r"""(?:\b_|gettext)\(\s*(["'])(.+?)\1""")
    used: set[str] = set()
    for path in [*WEB.glob("templates/watch/*.html"), WEB / "watch_pages.py",
                 WEB / "alerts_pages.py"]:
        used |= {m.group(2) for m in pattern.finditer(path.read_text(encoding="utf-8"))}
    with (WEB / "translations" / lang / "LC_MESSAGES" / "watch.po").open("rb") as handle:
        catalogue = {m.id: m.string for m in read_po(handle) if m.id}
    assert len(used) > 25
    assert not sorted(used - set(catalogue))
    assert all(catalogue[m] for m in used)
