"""/readyz in distributed mode: the broker must answer too."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from jarida.settings import Settings
from jarida.storage import Database
from jarida.web.app import create_app


def _client(tmp_path: Path, broker_url: str) -> tuple[TestClient, Database]:
    settings = Settings(database_url=f"sqlite:///{tmp_path}/r.db", broker_url=broker_url)
    db = Database.open(settings.database_url)
    db.upgrade()
    return TestClient(create_app(settings, db)), db


def test_ready_when_the_broker_answers(tmp_path: Path, broker_url: str) -> None:
    client, db = _client(tmp_path, broker_url)
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["broker"] == "ok"
    db.close()


def test_not_ready_when_the_broker_is_away(tmp_path: Path) -> None:
    for url in ("redis://127.0.0.1:1/0", "amqp://guest:guest@127.0.0.1:1/%2F"):
        client, db = _client(tmp_path, url)
        gone = client.get("/readyz")
        assert gone.status_code == 503, url
        assert gone.json()["status"] == "unavailable" and gone.json()["broker"]
        assert client.get("/healthz").status_code == 200
        db.close()
