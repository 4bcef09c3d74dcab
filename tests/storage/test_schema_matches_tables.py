"""The migrated schema is the one `storage/tables.py` describes, on both databases."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from jarida.storage import Database
from jarida.storage.tables import metadata


def _search_index_only(diff: Any) -> bool:
    """The search index is each backend's own, created by the migrations alone."""
    text = repr(diff)
    return "article_fts" in text or "search_vector" in text


def test_migrations_build_what_tables_describe(db: Database) -> None:
    with db.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), metadata)
    assert [d for d in diffs if not _search_index_only(d)] == []
