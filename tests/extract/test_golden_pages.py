"""Golden pages: French, Arabic and Spanish articles wrapped in typical site furniture."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jarida.extract import extract_article, extract_to_json, read_html_file

DATA = Path(__file__).parent / "data"
PAGES = {
    "fr_article": "https://journal.example.ma/economie/tanger-med-record.html",
    "ar_article": "https://ar.example.ma/culture/fes.html",
    "es_article": "https://es.example.ma/sociedad/paseo.html",
}
# Furniture present in the pages that must never reach the article text.
BOILERPLATE = {
    "fr_article": ["Accueil", "newsletter", "À lire aussi", "Bourse de Casablanca",
                   "Commentaires", "Tous droits réservés", "Publié le", "document.write"],
    "ar_article": ["الرئيسية", "اقرأ أيضا", "مهرجان الموسيقى", "جميع الحقوق"],
    "es_article": ["Portada", "Compartir", "Te puede interesar", "Chefchaouen",
                   "Todos los derechos"],
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_matches_golden_file(name: str) -> None:
    extracted = extract_article(read_html_file(DATA / f"{name}.html"), PAGES[name])
    expected = json.loads((DATA / f"{name}.expected.json").read_text(encoding="utf-8"))
    got = extract_to_json(extracted) | {"section": extracted.section}
    assert got == expected


@pytest.mark.parametrize("name", sorted(PAGES))
def test_furniture_is_left_out(name: str) -> None:
    extracted = extract_article(read_html_file(DATA / f"{name}.html"), PAGES[name])
    assert extracted.text and extracted.html
    assert not extracted.from_feed
    for phrase in BOILERPLATE[name]:
        assert phrase not in extracted.text, phrase
        assert phrase not in extracted.html, phrase


def test_gzipped_file_reads_like_the_plain_one() -> None:
    plain = read_html_file(DATA / "es_article.html")
    assert read_html_file(DATA / "es_article_gz.html.gz") == plain
    extracted = extract_article(read_html_file(DATA / "es_article_gz.html.gz"), PAGES["es_article"])
    assert extracted.title == "Tetuán inaugura un nuevo paseo marítimo"


def test_json_has_exactly_the_documented_keys() -> None:
    extracted = extract_article(read_html_file(DATA / "fr_article.html"), PAGES["fr_article"])
    data = extract_to_json(extracted)
    assert list(data) == ["url", "title", "text", "html", "author", "published", "image",
                          "language", "extraction"]
    assert data["published"] == "2020-11-24T09:30:00Z"
    json.dumps(data)  # serialisable as is


def test_metadata_of_the_french_page() -> None:
    extracted = extract_article(read_html_file(DATA / "fr_article.html"), PAGES["fr_article"])
    assert extracted.canonical_url == PAGES["fr_article"]
    assert extracted.section == "Économie"
    assert extracted.excerpt is not None and "cinq millions" in extracted.excerpt
    assert extracted.html is not None and "<h2>Des investissements" in extracted.html
