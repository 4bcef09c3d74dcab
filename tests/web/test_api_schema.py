"""The JSON API checked against its own OpenAPI document with schemathesis.

Every operation under /api gets generated requests, valid and invalid, sent to the app
in-process over the seeded French/Arabic/Spanish database (SQLite, and PostgreSQL when
JARIDA_TEST_POSTGRES_URL is set). Each answer must not be a 5xx and must match the documented
status codes, content types and body schemas. JARIDA_SCHEMA_EXAMPLES raises the number of
generated requests per operation for a longer local hunt.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis import Case
from schemathesis.specs.openapi.checks import positive_data_acceptance

from jarida.storage import Database
from jarida.web import create_app
from jarida.web.problems import PROBLEM_MEDIA_TYPE
from jarida.web.query import day_bounds
from tests.pgschema import PG_URL, throwaway_schema
from tests.web.seeding import Seeded, make_settings, seed

EXAMPLES = int(os.environ.get("JARIDA_SCHEMA_EXAMPLES", "40"))


def _api_document() -> dict[str, Any]:
    """The OpenAPI document as the app serves it; building it never reads the database."""
    database = Database.open("sqlite://")
    try:
        return create_app(make_settings("sqlite://"), database).openapi()
    finally:
        database.close()


# Loaded at import so pytest can parametrize by operation; requests go to the `api_app`
# fixture. (schemathesis.pytest.from_fixture cannot be used: it breaks on pytest 9 node ids.)
schema = schemathesis.openapi.from_dict(_api_document()).include(path_regex="^/api/")


@pytest.fixture(scope="module")
def pg_seeded() -> Iterator[Seeded]:
    """The seed data in a throwaway PostgreSQL schema."""
    with throwaway_schema("schema") as db:
        yield seed(db)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def api_app(request: pytest.FixtureRequest) -> FastAPI:
    if request.param == "sqlite":
        app: FastAPI = request.getfixturevalue("app")
        return app
    if not PG_URL:
        pytest.skip("set JARIDA_TEST_POSTGRES_URL to run on PostgreSQL")
    seeded: Seeded = request.getfixturevalue("pg_seeded")
    site = make_settings("postgresql+psycopg://unused@127.0.0.1/unused")
    return create_app(site, seeded.db, version_ttl=0)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,  # no example database: every run replays the same derandomized cases
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_conforms_to_its_schema(case: Case[Any], api_app: FastAPI) -> None:
    if not (case.query or {}).get("cursor"):
        case.call_and_validate(app=api_app)
        return
    # A cursor is opaque: any string fits its schema, but only the ones we issued can be
    # followed. Such a request may be refused, as a documented bad-cursor 400 and nothing else.
    response = case.call_and_validate(app=api_app, excluded_checks=[positive_data_acceptance])
    if response.status_code == 400:
        assert response.json()["type"].endswith("/bad-cursor")


# Inputs schemathesis (or the PostgreSQL run) found, pinned so they stay fixed on any run.


@pytest.mark.parametrize(
    "params",
    [
        {"until": "0.5"},  # pydantic read it as a Unix timestamp; the schema says date-time
        {"since": "1700000000"},
        {"lang": "\x00"},  # PostgreSQL refuses NUL in text: this was a 500 there
        {"source": "a\x00b"},
        {"section": "\x00"},
        {"q": "réforme\x00"},
    ],
)
def test_off_schema_values_are_422_problems(
    client: TestClient, params: dict[str, str]
) -> None:
    for path in ("/api/articles", "/api/search"):
        response = client.get(path, params={"q": "réforme", **params})
        assert response.status_code == 422, (path, params)
        assert response.headers["content-type"] == PROBLEM_MEDIA_TYPE
        assert response.json()["type"].endswith("/validation-error")


@pytest.mark.parametrize(
    ("params", "count"),
    [
        # Offsets that push the instant out of Python's range were an OverflowError (500).
        ({"since": "0001-01-01T00:00:00+03:43"}, 20),  # before year 1: no lower bound
        ({"until": "9999-12-31T23:00:00-03:00"}, 20),  # after 9999: no upper bound
        ({"until": "0001-01-01T00:00:00+01:00"}, 0),
        ({"since": "9999-12-31T23:00:00-03:00"}, 0),
    ],
)
def test_date_times_beyond_python_range_filter_sensibly(
    client: TestClient, params: dict[str, str], count: int
) -> None:
    response = client.get("/api/articles", params={"limit": 20, **params})
    assert response.status_code == 200
    assert len(response.json()["items"]) == count


def test_day_bounds_at_the_ends_of_the_calendar() -> None:
    first = day_bounds(date.min, "Asia/Tokyo")  # local midnight is before year 1 in UTC
    last = day_bounds(date.max, "America/Los_Angeles")  # the next day does not exist
    assert first[0] == datetime.min.replace(tzinfo=UTC) < first[1]
    assert last[0] < last[1] == datetime.max.replace(tzinfo=UTC)
    assert day_bounds(date(2026, 11, 20), "UTC") == (
        datetime(2026, 11, 20, tzinfo=UTC), datetime(2026, 11, 21, tzinfo=UTC)
    )


def test_search_form_accepts_the_last_day(client: TestClient) -> None:
    response = client.get("/search", params={"q": "réforme", "until": "9999-12-31"})
    assert response.status_code == 200
