"""Adding and editing sources in the admin area: the CLI's checks, CSRF, clear errors, audit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from fastapi import FastAPI
from fastapi.testclient import TestClient

from jarida.storage import audit
from jarida.storage import sources as source_store
from tests.moderation.test_admin import add_user, csrf_of, login
from tests.web.seeding import Seeded

WEB = Path(__file__).parents[2] / "jarida" / "web"
FORM = {"kind": "rss", "slug": "", "name": "Le Courrier de l'Atlas", "homepage": "",
        "languages": "fr, ar", "section": "", "mode": "full", "country": "ma",
        "timezone": "Africa/Casablanca"}


def _moderator(app: FastAPI, seeded: Seeded) -> TestClient:
    add_user(seeded, "salma", "moderator")
    return login(app, "salma")


def test_a_moderator_adds_then_edits_a_source(app: FastAPI, seeded: Seeded) -> None:
    client = _moderator(app, seeded)
    form = FORM | {"url": "https://courrier.example/rss",
                   "csrf": csrf_of(client, "/admin/sources/new")}
    added = client.post("/admin/sources/new", data=form)
    assert added.status_code == 303
    assert added.headers["location"].startswith("/admin/sources?added=le-courrier-de-latlas")
    listing = client.get(added.headers["location"])
    assert "Le Courrier de l&#39;Atlas" in listing.text or "Le Courrier de l'Atlas" in listing.text
    with seeded.db.read() as conn:
        source = source_store.source_by_slug(conn, "le-courrier-de-latlas")
        assert source is not None
        assert source.languages == ("fr", "ar") and source.country == "MA"
        assert [f.url for f in source_store.feeds_of_source(conn, source.id)] == [
            "https://courrier.example/rss"]

    page = client.get("/admin/sources/le-courrier-de-latlas/edit")
    assert page.status_code == 200 and 'value="fr, ar"' in page.text
    edit = {"csrf": csrf_of(client), "name": "Le Courrier",
            "homepage": "https://courrier.example/",
            "languages": "fr", "section": "Société", "mode": "excerpt", "country": "",
            "timezone": "Africa/Casablanca"}
    saved = client.post("/admin/sources/le-courrier-de-latlas/edit", data=edit)
    assert saved.status_code == 303
    with seeded.db.read() as conn:
        source = source_store.source_by_slug(conn, "le-courrier-de-latlas")
        assert source is not None
        assert (source.name, source.mode, source.section, source.country, source.languages) == (
            "Le Courrier", "excerpt", "Société", None, ("fr",))
        actions = [(e.action, e.target) for e in audit.recent_entries(conn, 10, None)]
    assert ("source.added", "source:le-courrier-de-latlas") in actions
    assert ("source.edited", "source:le-courrier-de-latlas") in actions


@pytest.mark.parametrize(("field", "bad", "words"), [
    ("url", "ftp://courrier.example/rss", "http or https"),
    ("languages", "fr, xx1", "xx1"),
    ("country", "Maroc", "Maroc"),
    ("timezone", "Mars/Olympus", "Mars/Olympus"),
    ("kind", "podcast", "podcast"),
])
def test_bad_values_are_refused_with_the_checkers_words_and_kept_in_the_form(
    app: FastAPI, seeded: Seeded, field: str, bad: str, words: str
) -> None:
    client = _moderator(app, seeded)
    form = FORM | {"url": "https://courrier.example/rss", field: bad,
                   "csrf": csrf_of(client, "/admin/sources/new")}
    answer = client.post("/admin/sources/new", data=form,
                         headers={"Accept-Language": "fr"})
    assert answer.status_code == 422
    error = re.search(r'<p class="form-error" role="alert"[^>]*>(.*?)</p>', answer.text, re.S)
    assert error is not None and "Cette valeur ne peut pas être utilisée" in error[1]
    assert words in error[1].replace("&#39;", "'")
    assert 'value="Le Courrier de l&#39;Atlas"' in answer.text  # what was typed stays
    with seeded.db.read() as conn:
        assert "le-courrier-de-latlas" not in source_store.slugs_in_use(conn)


def test_clashes_are_refused_clearly(app: FastAPI, seeded: Seeded) -> None:
    client = _moderator(app, seeded)
    first = FORM | {"url": "https://courrier.example/rss", "csrf": csrf_of(client)}
    assert client.post("/admin/sources/new", data=first).status_code == 303
    again = first | {"url": "https://courrier.example/rss/"}  # another spelling, same feed
    answer = client.post("/admin/sources/new", data=again)
    assert answer.status_code == 409 and "le-courrier-de-latlas" in answer.text
    same_slug = first | {"url": "https://other.example/feed", "slug": "lematin"}
    answer = client.post("/admin/sources/new", data=same_slug,
                         headers={"Accept-Language": "es"})
    assert answer.status_code == 409 and "Ya existe una fuente llamada lematin" in answer.text


def test_without_the_csrf_token_nothing_is_added_or_changed(app: FastAPI, seeded: Seeded) -> None:
    client = _moderator(app, seeded)
    form = FORM | {"url": "https://courrier.example/rss", "csrf": "forged"}
    assert client.post("/admin/sources/new", data=form).status_code == 403
    edit = {"csrf": "forged", "name": "Renamed"}
    assert client.post("/admin/sources/lematin/edit", data=edit).status_code == 403
    with seeded.db.read() as conn:
        assert "le-courrier-de-latlas" not in source_store.slugs_in_use(conn)
        lematin = source_store.source_by_slug(conn, "lematin")
        assert lematin is not None and lematin.name == "Le Matin"


def test_the_forms_need_login_and_a_moderating_role(app: FastAPI, seeded: Seeded) -> None:
    from tests.web.seeding import BASE_URL

    anonymous = TestClient(app, base_url=BASE_URL, follow_redirects=False)
    for path in ("/admin/sources/new", "/admin/sources/lematin/edit"):
        assert anonymous.get(path).status_code == 303
        assert anonymous.post(path, data={"csrf": "x"}).status_code == 303
    add_user(seeded, "omar", "analyst")
    analyst = login(app, "omar")
    assert analyst.get("/admin/sources/new").status_code == 403
    assert analyst.post("/admin/sources/lematin/edit",
                        data={"csrf": csrf_of(analyst), "name": "x"}).status_code == 403
    moderator = _moderator(app, seeded)
    assert moderator.get("/admin/sources/nope/edit").status_code == 404


@pytest.mark.parametrize("lang", ["fr", "ar", "es", "en"])
def test_every_string_of_the_forms_is_translated(lang: str) -> None:
    pattern = re.compile(r"""(?:\b_|gettext)\(\s*(["'])(.+?)\1""", re.S)
    used: set[str] = set()
    admin = WEB / "templates" / "admin"
    for path in (WEB / "admin" / "source_forms.py", admin / "source_form.html",
                 admin / "sources.html"):
        text = path.read_text(encoding="utf-8")
        used |= {re.sub(r'"\s*\n\s*"', "", m.group(2)) for m in pattern.finditer(text)}
    catalogue: dict[str, str] = {}
    for po in sorted((WEB / "translations" / lang / "LC_MESSAGES").glob("*.po")):
        with po.open("rb") as handle:
            for message in read_po(handle):
                if message.id and message.id not in catalogue:
                    catalogue[str(message.id)] = str(message.string)
    assert len(used) > 20
    assert not sorted(m for m in used if m not in catalogue)
    if lang != "en":
        assert not sorted(m for m in used if not catalogue[m])
