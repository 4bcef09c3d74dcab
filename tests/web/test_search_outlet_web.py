"""An outlet's name typed in the search box lists its articles, and the page says so."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_outlet_name_lists_its_articles_with_a_heading(client: TestClient) -> None:
    page = client.get("/search", params={"q": "El Faro"}, headers={"Accept-Language": "es"})
    assert page.status_code == 200
    assert "Artículos de El Faro" in page.text
    assert page.text.count("La selección gana en Rabat") == 3
    body = client.get("/api/search", params={"q": "el faro"}).json()
    assert len(body["items"]) == 3 and {i["source"] for i in body["items"]} == {"elfaro"}
