"""A seeded site behind a trusted proxy (127.0.0.1), so tests choose readers' networks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from jarida.settings import Settings
from jarida.web import create_app
from tests.web.conftest import seeded, seeded_template  # noqa: F401 - fixtures
from tests.web.seeding import BASE_URL, Seeded, make_settings

PROXY = "127.0.0.1/32"


@pytest.fixture
def settings(seeded: Seeded) -> Settings:  # noqa: F811
    return make_settings(str(seeded.db.engine.url), trusted_proxies=[PROXY])


@pytest.fixture
def app(seeded: Seeded, settings: Settings) -> FastAPI:  # noqa: F811
    return create_app(settings, seeded.db, version_ttl=0)


@pytest.fixture
def reader(app: FastAPI) -> Iterator[TestClient]:
    """A fresh reader (no cookies) connecting through the trusted proxy."""
    with TestClient(app, base_url=BASE_URL, client=("127.0.0.1", 40000)) as client:
        yield client


def new_reader(app: FastAPI) -> TestClient:
    return TestClient(app, base_url=BASE_URL, client=("127.0.0.1", 40000))


def report(client: TestClient, image_id: int, network: str, reason: str = "violence"
           ) -> dict[str, object]:
    response = client.post(f"/api/images/{image_id}/reports", json={"reason": reason},
                           headers={"X-Forwarded-For": network})
    assert response.status_code == 202, response.text
    body: dict[str, object] = response.json()
    return body
