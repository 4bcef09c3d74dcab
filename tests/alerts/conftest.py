"""Alert tests run on SQLite always and on PostgreSQL when JARIDA_TEST_POSTGRES_URL is set."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from jarida.storage import Database
from tests.alerts.mailbox import Mailbox
from tests.alerts.receiver import Receiver
from tests.alerts.world import World
from tests.pgschema import PG_URL, throwaway_schema


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param("postgresql", marks=pytest.mark.skipif(
            not PG_URL, reason="set JARIDA_TEST_POSTGRES_URL to run on PostgreSQL")),
    ]
)
def db(request: pytest.FixtureRequest, tmp_path: os.PathLike[str]) -> Iterator[Database]:
    if request.param == "sqlite":
        database = Database.open(f"sqlite:///{tmp_path}/jarida.db")
        database.upgrade()
        yield database
        database.close()
        return
    with throwaway_schema("alerts") as database:
        yield database


@pytest.fixture
def world(db: Database) -> World:
    return World(db)


@pytest.fixture
def mailbox() -> Iterator[Mailbox]:
    with Mailbox() as box:
        yield box


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with Receiver() as server:
        yield server
