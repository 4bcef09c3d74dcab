"""A news site, a local hub, and Jarida's website serving the callback on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from jarida.settings import Settings
from jarida.storage import Database
from jarida.web.app import create_app
from tests.web.livesite import free_port, live_server
from tests.webserver import TestServer
from tests.websub.hub import LocalHub


@dataclass
class Jarida:
    settings: Settings
    db: Database
    url: str  # where the callback is served (= settings.public_url)


def make_settings(tmp_path: Path, public_url: str | None) -> Settings:
    return Settings(
        database_url=f"sqlite:///{tmp_path}/jarida.db", public_url=public_url,
        private_network_allowlist=["127.0.0.1"], host_delay_seconds=0.0, total_timeout=30.0,
        connect_timeout=10.0, max_retries=0, retry_max_wait=0.2, extract_workers=1,
    )


@pytest.fixture
def web() -> Iterator[TestServer]:
    with TestServer() as server:
        yield server


@pytest.fixture
def hub() -> Iterator[LocalHub]:
    with LocalHub() as local:
        yield local


@pytest.fixture
def jarida(tmp_path: Path) -> Iterator[Jarida]:
    port = free_port()
    settings = make_settings(tmp_path, f"http://127.0.0.1:{port}")
    db = Database.open(settings.database_url)
    db.upgrade()
    with live_server(create_app(settings, db), port) as url:
        yield Jarida(settings, db, url)
    db.close()
