"""The one handle the rest of Jarida holds: an engine plus read and write transactions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine

from jarida.storage.engine import StorageError, open_engine


class Database:
    """Reads run on their own connections; writes go through `write()` in one transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str) -> Database:
        return cls(open_engine(url))

    @property
    def dialect(self) -> str:
        return str(self.engine.dialect.name)

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One transaction: committed when the block ends, rolled back on any error."""
        with self.engine.begin() as conn:
            yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def upgrade(self) -> None:
        from jarida.storage import migrate  # alembic is only needed here

        migrate.upgrade(self.engine)

    def check_schema(self) -> None:
        """Refuse to run on a database that `jarida init` has not brought up to date."""
        from jarida.storage import migrate

        current, head = migrate.current_revision(self.engine), migrate.head_revision()
        if current is None:
            raise StorageError("the database is empty: run `jarida init` first")
        if current != head:
            raise StorageError(
                f"the database schema is at {current}, this Jarida needs {head}: "
                "run `jarida db upgrade`"
            )

    def close(self) -> None:
        self.engine.dispose()
