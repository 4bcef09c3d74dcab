"""Fixtures: a temporary seeded SQLite database and the web app over it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from jarida.storage import Database
from jarida.web import create_app
from tests.web.livesite import live_server
from tests.web.seeding import Seeded, make_settings, seed


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Seeded]:
    """Migrate and seed once; each test gets its own copy of the file."""
    path = tmp_path_factory.mktemp("webdb") / "template.db"
    db = Database.open(f"sqlite:///{path}")
    db.upgrade()
    seeded = seed(db)
    with db.write() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path, seeded


@pytest.fixture(scope="module")
def site(
    seeded_template: tuple[Path, Seeded], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Seeded]]:
    """The real server over a copy of the seeded database, for a module's browser tests."""
    template, seeded = seeded_template
    path = tmp_path_factory.mktemp("browserdb") / "web.db"
    shutil.copyfile(template, path)
    db = Database.open(f"sqlite:///{path}")
    with live_server(create_app(make_settings(f"sqlite:///{path}"), db)) as url:
        yield url, seeded
    db.close()


@pytest.fixture
def seeded(seeded_template: tuple[Path, Seeded], tmp_path: Path) -> Iterator[Seeded]:
    template, seeded = seeded_template
    path = tmp_path / "web.db"
    shutil.copyfile(template, path)
    db = Database.open(f"sqlite:///{path}")
    yield replace(seeded, db=db)
    db.close()


@pytest.fixture
def app(seeded: Seeded) -> FastAPI:
    return create_app(make_settings(str(seeded.db.engine.url)), seeded.db, version_ttl=0)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, base_url="http://testserver") as test_client:
        yield test_client
