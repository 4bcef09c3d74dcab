"""Excerpt-only sources in search: snippets and results quote nothing beyond the excerpt."""

from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient

from tests.web.seeding import Seeded

FULL_TEXT = "Texto completo que no debe mostrarse: la fuente solo permite extractos."
EXCERPT = "Extracto autorizado del artículo."


def _plain(snippet: str) -> str:
    return html.unescape(re.sub(r"</?mark>", "", snippet)).strip("…").strip()


@pytest.mark.parametrize("q", ["completo mostrarse", "extracto", "selección", '"fuente solo"'])
def test_api_snippets_of_excerpt_only_articles_quote_the_excerpt_only(
    client: TestClient, seeded: Seeded, q: str
) -> None:
    body = client.get("/api/search", params={"q": q, "source": "elfaro"}).json()
    for item in body["items"]:
        assert _plain(item["snippet"]) in EXCERPT or item["snippet"] == ""
        assert "completo" not in str(item) and "secreto" not in str(item)


def test_search_page_of_an_excerpt_only_source_shows_no_full_text(client: TestClient) -> None:
    page = client.get("/search", params={"q": "completo"})
    assert page.status_code == 200
    assert "Texto completo" not in page.text and "mostrarse" not in page.text
    assert "La selección gana en Rabat" in page.text  # the article is listed...
    assert EXCERPT.split()[0] in page.text  # ...with its excerpt as the snippet


def test_full_mode_sources_still_quote_their_text(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "reforme electorale"}).json()
    assert any("<mark>" in i["snippet"] for i in body["items"])
