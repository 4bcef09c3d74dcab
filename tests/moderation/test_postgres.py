"""Reports, blocks, copies, bans, hidden articles and the append-only log on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from jarida.moderation import review
from jarida.storage import audit
from jarida.web import create_app
from tests.moderation.conftest import PROXY, new_reader, report
from tests.pgschema import PG_URL, throwaway_schema
from tests.web.seeding import Seeded, make_settings, seed

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not PG_URL, reason="set JARIDA_TEST_POSTGRES_URL to run on PostgreSQL"),
]


@pytest.fixture
def pg_seeded() -> Iterator[Seeded]:
    with throwaway_schema("moderation") as db:
        yield seed(db)


@pytest.fixture
def pg_app(pg_seeded: Seeded) -> FastAPI:
    settings = make_settings("postgresql+psycopg://unused@127.0.0.1/unused",
                             trusted_proxies=[PROXY])
    return create_app(settings, pg_seeded.db, version_ttl=0)


def test_report_block_and_hide_on_postgres(pg_app: FastAPI, pg_seeded: Seeded) -> None:
    reader = new_reader(pg_app)
    article = pg_seeded.ids["fr0"]
    image = reader.get(f"/api/articles/{article}").json()["image_id"]
    assert reader.get(f"/media/{image}/320.webp").status_code == 200
    for n in range(5):  # one network, five cookies: counts once
        report(new_reader(pg_app), image, f"203.0.113.{n + 1}")
    assert reader.get(f"/media/{image}/320.webp").status_code == 200
    report(new_reader(pg_app), image, "198.51.100.1")
    assert report(new_reader(pg_app), image, "192.0.2.1")["blocked"] is True
    assert reader.get(f"/media/{image}/320.webp").status_code == 410
    assert reader.get(f"/api/articles/{article}").json()["image_blocked"] is True
    with pg_seeded.db.write() as conn:
        review.hide_article(conn, pg_seeded.ids["fr3"], True, "tester", "test")
    assert reader.get(f"/articles/{pg_seeded.ids['fr3']}").status_code == 410
    found = reader.get("/api/search", params={"q": "réforme"}).json()["items"]
    assert pg_seeded.ids["fr3"] not in [i["id"] for i in found]


def test_audit_log_is_append_only_on_postgres(pg_seeded: Seeded) -> None:
    with pg_seeded.db.write() as conn:
        audit.record(conn, "t", "x", "y")
    for statement in ("UPDATE audit_log SET actor = 'z'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError), pg_seeded.db.write() as conn:
            conn.execute(text(statement))
    with pg_seeded.db.read() as conn:
        assert [e.actor for e in audit.recent_entries(conn)] == ["t"]
