"""A throwaway PostgreSQL schema per test module, for the suites that also run on PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import quote

from sqlalchemy import create_engine, text

from jarida.storage import Database

PG_URL = os.environ.get("JARIDA_TEST_POSTGRES_URL")


@contextmanager
def throwaway_schema(prefix: str = "t") -> Iterator[Database]:
    """A migrated database in a new schema of JARIDA_TEST_POSTGRES_URL, dropped afterwards."""
    assert PG_URL, "set JARIDA_TEST_POSTGRES_URL"
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in PG_URL else "?"
    database = Database.open(f"{PG_URL}{sep}options={quote(f'-csearch_path={schema}')}")
    try:
        database.upgrade()
        yield database
    finally:
        database.close()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
