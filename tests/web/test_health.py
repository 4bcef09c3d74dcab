"""/healthz and /readyz for load balancers and supervisors."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi.testclient import TestClient

from jarida.settings import Settings
from jarida.storage import Database
from jarida.storage.crawl_passes import PassRecord, record_pass
from jarida.web.app import create_app


def test_health_and_readiness_report_the_crawl(tmp_path: object) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path}/h.db")
    db = Database.open(settings.database_url)
    db.upgrade()
    now = datetime.now(UTC)
    with db.write() as conn:
        record_pass(conn, PassRecord("a:1", now, now, True, feeds=3))
        record_pass(conn, PassRecord("a:1", now, now, False, "OperationalError: disk full"))
    client = TestClient(create_app(settings, db))
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.headers["cache-control"] == "no-store"
    crawl = ready.json()["crawl"]
    assert crawl["consecutive_failures"] == 1 and "disk full" in crawl["last_error"]
    assert crawl["last_success_at"] is not None
    db.close()


def test_readiness_fails_when_the_database_is_gone(tmp_path: object) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path}/h.db")
    db = Database.open(settings.database_url)
    db.upgrade()
    client = TestClient(create_app(settings, db))
    assert client.get("/readyz").status_code == 200
    with db.write() as conn:
        conn.exec_driver_sql("DROP TABLE crawl_passes")
    gone = client.get("/readyz")
    assert gone.status_code == 503 and gone.json()["status"] == "unavailable"
    assert client.get("/healthz").status_code == 200
    db.close()
