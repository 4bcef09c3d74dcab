"""JSON API contract: item shape, cursor pagination, filters and problem details."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from jarida.storage import articles as store
from tests.web.seeding import BASE_URL, FRENCH_COUNT, T0, Seeded, add_french_article

ITEM_KEYS = {
    "id", "title", "url", "page_url", "source", "source_name", "section", "language",
    "published_at", "excerpt", "image_url", "image_id", "image_blocked", "duplicate_of",
}


def test_article_items_have_the_documented_shape(client: TestClient, seeded: Seeded) -> None:
    body = client.get("/api/articles", params={"limit": 3}).json()
    assert set(body) == {"items", "next_cursor"}
    assert len(body["items"]) == 3
    first = body["items"][0]
    assert set(first) == ITEM_KEYS
    assert first["id"] == seeded.ids["fr0"]  # the newest
    assert first["url"] == "https://news.example/fr0"
    assert first["page_url"] == f"{BASE_URL}/articles/{seeded.ids['fr0']}"
    assert first["source"] == "lematin"
    assert first["published_at"] == "2026-11-20T09:00:00Z"
    # Jarida's own copy, never the outlet's address
    assert first["image_url"] == f"{BASE_URL}/media/{first['image_id']}/800.webp"
    assert first["image_blocked"] is False


def test_cursor_walks_every_article_once(client: TestClient, seeded: Seeded) -> None:
    seen: list[int] = []
    cursor = None
    while True:
        params: dict[str, str | int] = {"limit": 7}
        if cursor:
            params["cursor"] = cursor
        body = client.get("/api/articles", params=params).json()
        seen += [item["id"] for item in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert sorted(seen) == sorted(seeded.ids.values())
    assert len(seen) == len(set(seen))


def test_pagination_is_stable_while_new_articles_arrive(
    client: TestClient, seeded: Seeded
) -> None:
    first = client.get("/api/articles", params={"limit": 5}).json()
    add_french_article(seeded, "brand-new", T0 + timedelta(hours=1))
    second = client.get(
        "/api/articles", params={"limit": 5, "cursor": first["next_cursor"]}
    ).json()
    first_ids = [i["id"] for i in first["items"]]
    second_ids = [i["id"] for i in second["items"]]
    assert not set(first_ids) & set(second_ids)
    with seeded.db.read() as conn:
        expected = [a.id for a in store.latest_headlines(conn, 11)][1:11]  # minus the new one
    assert first_ids + second_ids == expected


def test_filters_by_source_section_language_and_dates(client: TestClient) -> None:
    def ids_for(**params: str) -> list[dict[str, object]]:
        items: list[dict[str, object]] = client.get(
            "/api/articles", params={"limit": 100, **params}
        ).json()["items"]
        return items

    assert {i["source"] for i in ids_for(source="hespress")} == {"hespress"}
    assert {i["language"] for i in ids_for(lang="es")} == {"es"}
    assert len(ids_for(lang="ar")) == 3
    assert {i["section"] for i in ids_for(section="Économie")} == {"Économie"}
    window = ids_for(since="2026-11-20T07:00:00Z", until="2026-11-20T09:00:00Z")
    assert window and all(
        "2026-11-20T07:00:00Z" <= str(i["published_at"]) < "2026-11-20T09:00:00Z" for i in window
    )
    assert [i["title"] for i in ids_for(q="réforme")] == ["Réforme électorale numéro 3"]


def test_single_article_adds_text_and_html(client: TestClient, seeded: Seeded) -> None:
    body = client.get(f"/api/articles/{seeded.ids['fr0']}").json()
    assert set(body) >= ITEM_KEYS
    assert body["text"] == "Texte français numéro 0 sur l'économie."
    assert body["html"].startswith("<p>")
    assert body["author"] == "Nadia Alami"


def test_excerpt_only_source_does_not_leak_full_text(client: TestClient, seeded: Seeded) -> None:
    body = client.get(f"/api/articles/{seeded.ids['es0']}").json()
    assert body["html"] == ""
    assert "secreto" not in body["text"] and "completo" not in body["text"]
    assert body["text"] == "Extracto autorizado del artículo."


def test_search_returns_snippets_with_marks(client: TestClient, seeded: Seeded) -> None:
    body = client.get("/api/search", params={"q": "reforme electorale"}).json()
    assert [i["id"] for i in body["items"]] == [seeded.ids["fr3"]]
    assert "<mark>réforme électorale</mark>" in body["items"][0]["snippet"]  # one mark
    by_date = client.get("/api/search", params={"q": "البرلمان", "sort": "date"}).json()
    assert [i["id"] for i in by_date["items"]] == [seeded.ids[f"ar{n}"] for n in range(3)]


def test_sources_and_sections(client: TestClient) -> None:
    sources = client.get("/api/sources").json()
    assert [s["slug"] for s in sources] == ["elfaro", "hespress", "lematin"]
    lematin = sources[-1]
    assert lematin["articles"] == FRENCH_COUNT + 1 and lematin["mode"] == "full"
    assert sources[0]["mode"] == "excerpt"
    sections = {s["name"]: s["articles"] for s in client.get("/api/sections").json()}
    assert sections["سياسة"] == 3 and sections["Deportes"] == 3


def _assert_problem(response: object, status: int) -> dict[str, object]:
    from httpx import Response

    assert isinstance(response, Response)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, object] = response.json()
    assert {"type", "title", "status", "detail"} <= set(body)
    assert body["status"] == status
    return body


def test_unknown_article_is_a_404_problem(client: TestClient) -> None:
    body = _assert_problem(client.get("/api/articles/999999"), 404)
    assert "999999" in str(body["detail"])


@pytest.mark.parametrize(
    "params",
    [{"limit": "0"}, {"limit": "101"}, {"limit": "many"}, {"since": "yesterday"}],
)
def test_bad_parameters_are_422_problems(client: TestClient, params: dict[str, str]) -> None:
    body = _assert_problem(client.get("/api/articles", params=params), 422)
    assert body["errors"]


def test_search_without_query_is_422(client: TestClient) -> None:
    _assert_problem(client.get("/api/search"), 422)


@pytest.mark.parametrize("cursor", ["not-a-cursor", "Zm9v", "!!!"])
def test_bad_cursor_is_a_400_problem(client: TestClient, cursor: str) -> None:
    body = _assert_problem(client.get("/api/articles", params={"cursor": cursor}), 400)
    assert str(body["type"]).endswith("bad-cursor")
    _assert_problem(client.get("/api/search", params={"q": "x", "cursor": cursor}), 400)


def test_openapi_describes_every_endpoint(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/search",
                 "/api/sources", "/api/sections"):
        assert "get" in paths[path], path
    assert "/" not in paths and "/feed.{fmt}" not in paths  # pages stay out of the API
    params = {p["name"] for p in paths["/api/articles"]["get"]["parameters"]}
    assert {"source", "section", "lang", "q", "since", "until", "limit", "cursor"} <= params


def test_openapi_declares_problem_details(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    responses = spec["paths"]["/api/articles/{article_id}"]["get"]["responses"]
    for status in ("404", "422"):
        schema = responses[status]["content"]["application/problem+json"]["schema"]
        assert set(schema["required"]) == {"type", "title", "status", "detail"}
