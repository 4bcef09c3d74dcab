"""The migrations build exactly the schema `storage/tables.py` describes."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from jarida.storage import Database
from jarida.storage.tables import metadata


def test_migrated_sqlite_matches_the_tables(tmp_path: Path) -> None:
    db = Database.open(f"sqlite:///{tmp_path}/schema.db")
    db.upgrade()
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    db.close()
    # FTS5 tables are created by hand in the migrations and are not in the metadata.
    diff = [d for d in diff if not (d[0] == "remove_table" and "fts" in d[1].name)]
    assert diff == []
