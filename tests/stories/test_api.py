"""GET /api/stories, GET /api/stories/{id} and story_id on GET /api/articles/{id}."""

from __future__ import annotations

from fastapi.testclient import TestClient

from jarida.settings import Settings
from jarida.storage import Database
from jarida.web.app import create_app
from tests.stories.test_hook import ORDER, _store


def _client(tmp_path: object) -> tuple[TestClient, dict[tuple[str, str], int], Database]:
    settings = Settings(database_url=f"sqlite:///{tmp_path}/s.db")
    db = Database.open(settings.database_url)
    db.upgrade()
    ids = _store(db, ORDER)
    return TestClient(create_app(settings, db)), ids, db


def test_story_list_detail_and_article_field(tmp_path: object) -> None:
    client, ids, db = _client(tmp_path)
    page = client.get("/api/stories").json()
    assert page["next_cursor"] is None and len(page["items"]) == 1
    story = page["items"][0]
    assert set(story) == {"id", "title", "article_count", "source_count", "languages",
                          "first_seen", "last_seen", "article_ids"}
    assert story["languages"] == ["ar", "es", "fr"]
    assert story["article_count"] == 4 and story["source_count"] == 4
    assert sorted(story["article_ids"]) == sorted(i for k, i in ids.items() if k[1] != "other")
    arabic = client.get("/api/stories", params={"language": "ar"}).json()["items"][0]
    assert arabic["title"].startswith("زلزال")
    assert client.get("/api/stories", params={"language": "en"}).json()["items"] == []

    detail = client.get(f"/api/stories/{story['id']}").json()
    assert {a["language"] for a in detail["articles"]} == {"fr", "ar", "es"}
    first = detail["articles"][0]
    assert set(first) == {"id", "title", "source", "language", "url", "page_url",
                          "published_at", "duplicate_of"}
    assert first["page_url"].endswith(f"/articles/{first['id']}")

    article = client.get(f"/api/articles/{ids[('ar', 'quake')]}").json()
    assert article["story_id"] == story["id"]
    assert client.get(f"/api/articles/{ids[('fr', 'other')]}").json()["story_id"] is None
    db.close()


def test_story_errors_are_problem_details(tmp_path: object) -> None:
    client, _, db = _client(tmp_path)
    missing = client.get("/api/stories/999999")
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("application/problem+json")
    assert client.get("/api/stories", params={"cursor": "not-a-cursor"}).status_code == 400
    assert client.get("/api/stories/0").status_code == 422
    db.close()


def test_story_pages_follow_the_cursor(tmp_path: object) -> None:
    from bench.stories import load_set, place_all

    settings = Settings(database_url=f"sqlite:///{tmp_path}/s.db")
    db = Database.open(settings.database_url)
    db.upgrade()
    placed = place_all(load_set(), db)
    client = TestClient(create_app(settings, db))
    sizes = {}
    for story in placed.values():
        sizes[story] = sizes.get(story, 0) + 1
    grouped = {s for s, n in sizes.items() if n > 1}
    seen: list[int] = []
    heats: list[str] = []
    cursor = None
    while True:
        params = {"limit": 4, **({"cursor": cursor} if cursor else {})}
        page = client.get("/api/stories", params=params).json()
        seen += [item["id"] for item in page["items"]]
        heats += [item["last_seen"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) and set(seen) == grouped
    top = client.get("/api/stories", params={"limit": 1}).json()["items"][0]
    assert top["source_count"] >= 3  # widely covered stories rank first
    db.close()
