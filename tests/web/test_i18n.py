"""Interface languages: negotiation, catalogues, localised attribution lines and dates."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from fastapi.testclient import TestClient
from lxml import html as lxml_html

from jarida.web.i18n import Interface, compile_catalogues, negotiate_language, translations
from tests.web.seeding import Seeded

WEB = Path(__file__).resolve().parents[2] / "jarida" / "web"


@pytest.mark.parametrize(
    ("cookie", "header", "expected"),
    [
        (None, None, "fr"),
        (None, "ar-MA,ar;q=0.9,fr;q=0.8", "ar"),
        (None, "de-DE, es;q=0.5, en;q=0.7", "en"),
        (None, "de, it", "fr"),
        ("es", "ar", "es"),
        ("xx", "en", "en"),
        (None, "en;q=0, es", "es"),
    ],
)
def test_negotiation(cookie: str | None, header: str | None, expected: str) -> None:
    assert negotiate_language(cookie, header) == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", "Publié dans Le Matin le 20 - 11 - 2026"),
        ("ar", "نشر في Le Matin يوم 20 - 11 - 2026"),
        ("es", "Publicado en Le Matin el 20 - 11 - 2026"),
        ("en", "Published in Le Matin on 20 - 11 - 2026"),
    ],
)
def test_attribution_line(lang: str, expected: str) -> None:
    ui = Interface(lang=lang, timezone="Africa/Casablanca")
    line = ui.attribution("Le Matin", datetime(2026, 11, 20, 9, tzinfo=UTC))
    assert re.sub(r"<[^>]+>", "", str(line)) == expected


def test_attribution_uses_the_site_time_zone_and_escapes() -> None:
    ui = Interface(lang="fr", timezone="Africa/Casablanca")
    late = datetime(2026, 11, 19, 23, 30, tzinfo=UTC)  # already the 20th in Casablanca
    line = str(ui.attribution("<b>Evil</b>", late))
    assert "20 - 11 - 2026" in line and "<b>" not in line and "&lt;b&gt;Evil" in line


def test_dates_are_localised_with_babel() -> None:
    when = datetime(2026, 11, 20, 9, tzinfo=UTC)
    assert "novembre" in Interface("fr", "Africa/Casablanca").long_date(when)
    assert "noviembre" in Interface("es", "Africa/Casablanca").long_date(when)
    assert "نونبر" in Interface("ar", "Africa/Casablanca").long_date(when)  # Moroccan usage


def _msgids_in_use() -> set[str]:
    pattern = re.compile(r"""(?:\b_|gettext)\(\s*(["'])(.+?)\1""")
    found: set[str] = set()
    for path in [*WEB.glob("templates/*.html"), *WEB.glob("*.py")]:
        found |= {m.group(2) for m in pattern.finditer(path.read_text(encoding="utf-8"))}
    return found


@pytest.mark.parametrize("lang", ["fr", "ar", "es", "en"])
def test_every_interface_message_is_in_the_catalogue(lang: str) -> None:
    catalogue = Catalog()
    for po in sorted((WEB / "translations" / lang / "LC_MESSAGES").glob("*.po")):
        with po.open("rb") as handle:
            for message in read_po(handle):
                if message.id and message.id not in catalogue:
                    catalogue[message.id] = message
    used = _msgids_in_use()
    assert len(used) > 30
    assert not sorted(m for m in used if m not in catalogue)
    if lang != "en":  # English msgids are their own translation
        assert not sorted(m for m in used if not catalogue[m].string)
        assert translations(lang).gettext("Skip to content") != "Skip to content"


def test_area_catalogues_are_merged_first_definition_winning(tmp_path: Path) -> None:
    (tmp_path / "messages.po").write_text(
        'msgid "Home"\nmsgstr "Accueil"\n', encoding="utf-8")
    (tmp_path / "admin.po").write_text(
        'msgid "Home"\nmsgstr "Maison"\n\nmsgid "Users"\nmsgstr "Utilisateurs"\n',
        encoding="utf-8")
    merged = compile_catalogues([tmp_path / "messages.po", tmp_path / "admin.po"], "fr")
    assert merged.gettext("Home") == "Accueil"
    assert merged.gettext("Users") == "Utilisateurs"
    assert merged.gettext("Absent") == "Absent"


def test_cookie_beats_accept_language(client: TestClient, seeded: Seeded) -> None:
    path = f"/articles/{seeded.ids['fr0']}"
    client.cookies.set("jarida_lang", "es")
    page = lxml_html.fromstring(client.get(path, headers={"Accept-Language": "ar"}).text)
    assert page.get("lang") == "es"
    assert page.cssselect("p.read-original a")[0].text_content().startswith("Haga clic")


def test_accept_language_gives_arabic_rtl_interface(client: TestClient, seeded: Seeded) -> None:
    response = client.get(f"/articles/{seeded.ids['es0']}", headers={"Accept-Language": "ar"})
    page = lxml_html.fromstring(response.text)
    assert page.get("lang") == "ar" and page.get("dir") == "rtl"
    attribution = " ".join(page.cssselect("p.attribution")[0].text_content().split())
    assert attribution == "نشر في El Faro يوم 20 - 11 - 2026"
    article = page.cssselect("article.article")[0]
    assert article.get("lang") == "es" and article.get("dir") == "ltr"


def test_language_switch_sets_cookie_and_redirects_locally(client: TestClient) -> None:
    response = client.get("/lang/en?next=/articles%3Flang%3Dar", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/articles?lang=ar"
    assert "jarida_lang=en" in response.headers["set-cookie"]
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        bounce = client.get("/lang/ar", params={"next": target}, follow_redirects=False)
        assert bounce.headers["location"] == "/"
    assert client.get("/lang/de", follow_redirects=False).status_code == 404
    switched = client.get("/lang/en?next=/", follow_redirects=True)
    assert lxml_html.fromstring(switched.text).get("lang") == "en"
