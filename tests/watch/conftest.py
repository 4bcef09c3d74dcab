"""Monitoring tests run on SQLite always and on PostgreSQL when CI provides one."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from jarida.storage import Database
from tests.pgschema import PG_URL, throwaway_schema


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param(
            "postgresql",
            marks=pytest.mark.skipif(
                not PG_URL, reason="set JARIDA_TEST_POSTGRES_URL to run the PostgreSQL contract"
            ),
        ),
    ]
)
def db(request: pytest.FixtureRequest, tmp_path: os.PathLike[str]) -> Iterator[Database]:
    if request.param == "sqlite":
        database = Database.open(f"sqlite:///{tmp_path}/jarida.db")
        database.upgrade()
        yield database
        database.close()
        return
    with throwaway_schema() as database:
        yield database
