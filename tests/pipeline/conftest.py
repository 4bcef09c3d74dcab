"""Fixtures for crawl tests: a local news site, a fresh database, test-friendly settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from jarida.settings import Settings
from jarida.storage import Database
from tests.webserver import TestServer


@pytest.fixture
def web() -> Iterator[TestServer]:
    with TestServer() as server:
        yield server


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        database_url=f"sqlite:///{tmp_path}/jarida.db",
        private_network_allowlist=["127.0.0.1"],
        host_delay_seconds=0.0,
        total_timeout=3.0,
        connect_timeout=2.0,
        max_retries=1,
        retry_max_wait=0.2,
        extract_workers=1,
    )


@pytest.fixture
def db(settings: Settings) -> Iterator[Database]:
    database = Database.open(settings.database_url)
    database.upgrade()
    yield database
    database.close()
