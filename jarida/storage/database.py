"""The one handle the rest of Jarida holds: an engine plus read and write transactions."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Engine

from jarida.storage.engine import DEFAULT_BUSY_SECONDS, StorageError, open_engine


class Database:
    """Reads run on their own connections; writes go through `write()` in one transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str, *, busy_seconds: float = DEFAULT_BUSY_SECONDS) -> Database:
        """Open URL; an SQLite file this process may not write is opened read-only."""
        return cls(open_engine(url, busy_seconds=busy_seconds))

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

    def upgrade(self, *, on_wait: Callable[[], None] | None = None) -> str | None:
        """Migrate to the current schema and return the schema found before; `on_wait` is
        called if another upgrade is running (this one then waits for it)."""
        from jarida.storage import migrate  # alembic is only needed here

        return migrate.upgrade(self.engine, on_wait=on_wait)

    def check_schema(self) -> None:
        """Refuse to run on a database that `jarida init` has not brought up to date."""
        from jarida.storage import migrate

        current, head = migrate.current_revision(self.engine), migrate.head_revision()
        if current is None:
            raise StorageError("the database is empty: run `jarida init` first")
        migrate.check_known(current)
        if current != head:
            raise StorageError(
                f"the database schema is at {current}, this Jarida needs {head}: "
                "run `jarida db upgrade`"
            )

    def close(self) -> None:
        self.engine.dispose()
