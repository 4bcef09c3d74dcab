"""The same site over PostgreSQL (tsvector search, 32-bit ids), when CI provides one."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import feedparser
import pytest
from fastapi.testclient import TestClient

from jarida.storage.web_queries import articles_by_ids, data_version
from jarida.web import create_app
from tests.pgschema import PG_URL, throwaway_schema
from tests.web.seeding import T0, Seeded, add_french_article, make_settings, seed

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not PG_URL, reason="set JARIDA_TEST_POSTGRES_URL to run on PostgreSQL"),
]


@pytest.fixture(scope="module")
def pg_seeded() -> Iterator[Seeded]:
    with throwaway_schema("web") as db:
        yield seed(db)


@pytest.fixture(scope="module")
def pg_client(pg_seeded: Seeded) -> Iterator[TestClient]:
    settings = make_settings("postgresql+psycopg://unused@127.0.0.1/unused")
    app = create_app(settings, pg_seeded.db, version_ttl=0)
    with TestClient(app) as client:
        yield client


def test_api_pages_and_feeds_on_postgres(pg_client: TestClient, pg_seeded: Seeded) -> None:
    body = pg_client.get("/api/articles", params={"limit": 5}).json()
    assert body["items"][0]["id"] == pg_seeded.ids["fr0"]
    nxt = pg_client.get("/api/articles", params={"limit": 5, "cursor": body["next_cursor"]})
    assert not {i["id"] for i in nxt.json()["items"]} & {i["id"] for i in body["items"]}
    found = pg_client.get("/api/search", params={"q": "réforme"}).json()["items"]
    assert [i["id"] for i in found] == [pg_seeded.ids["fr3"]]
    assert "<mark>" in found[0]["snippet"]
    assert pg_client.get(f"/articles/{pg_seeded.ids['ar0']}").status_code == 200
    assert pg_client.get("/articles/2147483647").status_code == 404
    # PostgreSQL refuses NUL in text: such a name matches nothing instead of failing.
    for path in ("/sources/%00", "/sources/%00/feed.rss"):
        assert pg_client.get(path).status_code == 404, path
    assert pg_client.get("/sections/%00").status_code == 404  # an unknown section
    parsed = feedparser.parse(pg_client.get("/feed.atom?lang=ar").content)
    assert not parsed.bozo and len(parsed.entries) == 3


def test_data_version_and_batch_lookup_on_postgres(pg_seeded: Seeded) -> None:
    with pg_seeded.db.read() as conn:
        before = data_version(conn)
        wanted = [pg_seeded.ids["es1"], pg_seeded.ids["fr0"], 2147483000]
        assert [a.id for a in articles_by_ids(conn, wanted)] == wanted[:2]
    assert before.last_changed is not None and before.last_changed.tzinfo is not None
    add_french_article(pg_seeded, "pg-new", T0 + timedelta(hours=1))
    with pg_seeded.db.read() as conn:
        assert data_version(conn).fingerprint != before.fingerprint
