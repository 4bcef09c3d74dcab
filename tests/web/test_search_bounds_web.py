"""Search bounds as readers and API clients see them: a 422 problem or a plain message
for a query too long, a 503 (never a 500) for a search past its time budget."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from jarida.storage import search_budget as budget
from tests.web.test_api import _assert_problem

TOO_MANY = " ".join(f"mot{i}" for i in range(budget.MAX_QUERY_TERMS + 1))


def test_repeated_words_answer_as_one(client: TestClient) -> None:
    once = client.get("/api/search", params={"q": "reforme"}).json()
    many = client.get("/api/search", params={"q": "Réforme reforme " * 300}).json()
    assert [i["id"] for i in many["items"]] == [i["id"] for i in once["items"]] != []


@pytest.mark.parametrize("path", ["/api/search", "/api/articles"])
def test_too_many_words_is_a_422_problem(client: TestClient, path: str) -> None:
    body = _assert_problem(client.get(path, params={"q": TOO_MANY}), 422)
    assert str(body["type"]).endswith("/query-too-long")
    assert "33 different words" in str(body["detail"])


def test_the_search_page_says_so_in_the_readers_language(client: TestClient) -> None:
    page = client.get("/search", params={"q": TOO_MANY}, headers={"Accept-Language": "fr"})
    assert page.status_code == 422 and page.headers["content-type"].startswith("text/html")
    assert "Cette recherche est trop longue" in page.text and 'value="mot0' in page.text
    arabic = client.get("/search", params={"q": "x" * 300}, headers={"Accept-Language": "ar"})
    assert arabic.status_code == 422 and "هذا البحث طويل جدا" in arabic.text


def test_a_search_past_its_budget_is_a_503_not_a_500(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(budget, "SEARCH_BUDGET_SECONDS", -1.0)
    monkeypatch.setattr(budget, "_PROGRESS_STEPS", 1)
    body = _assert_problem(client.get("/api/search", params={"q": "reforme"}), 503)
    assert str(body["type"]).endswith("/search-timeout")
    page = client.get("/search", params={"q": "reforme"}, headers={"Accept-Language": "es"})
    assert page.status_code == 503 and "ha tardado demasiado" in page.text
    monkeypatch.setattr(budget, "SEARCH_BUDGET_SECONDS", 1.0)
    assert client.get("/search", params={"q": "reforme"}).status_code == 200  # not cached
