"""Running Alembic migrations from inside the package (no alembic.ini needed).

Upgrades are serialised across processes: a second `jarida db upgrade` waits for the
first one (PostgreSQL: an advisory lock; SQLite: a lock file beside the database), then
finds the schema up to date. A schema this Jarida does not know was written by a newer
release and is refused in one line rather than handed to Alembic.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

from jarida.storage.engine import StorageError

_HERE = Path(__file__).parent / "migrations"
# The PostgreSQL advisory lock is this constant and the schema's name: upgrades of
# different schemas of one server (tests, several sites) do not wait for each other.
_PG_UPGRADE_LOCK = 0x4A617269  # "Jari"
_PG_TRY = text("SELECT pg_try_advisory_lock(:k, hashtext(current_schema()))")
_PG_WAIT = text("SELECT pg_advisory_lock(:k, hashtext(current_schema()))")
_PG_UNLOCK = text("SELECT pg_advisory_unlock(:k, hashtext(current_schema()))")


def _config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(_HERE))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(
    engine: Engine, revision: str = "head", *, on_wait: Callable[[], None] | None = None
) -> str | None:
    """Bring the schema to `revision` (each migration in its own transaction); returns the
    revision found once no other upgrade was running."""
    with upgrade_lock(engine, on_wait=on_wait):
        before = current_revision(engine)
        check_known(before)
        command.upgrade(_config(engine), revision)
        return before


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str | None:
    return ScriptDirectory(str(_HERE)).get_current_head()


def known_revisions() -> set[str]:
    return {script.revision for script in ScriptDirectory(str(_HERE)).walk_revisions()}


def check_known(current: str | None) -> None:
    """Refuse a schema from a newer Jarida: no migration of ours can go on from it."""
    if current is not None and current not in known_revisions():
        raise StorageError(
            f"this database was written by a newer Jarida (schema {current}; this one knows "
            f"up to {head_revision()}): upgrade Jarida"
        )


@contextlib.contextmanager
def upgrade_lock(engine: Engine, *, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Held while migrating; `on_wait` is called once if another upgrade holds it."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            key = {"k": _PG_UPGRADE_LOCK}
            if not conn.execute(_PG_TRY, key).scalar():
                if on_wait:
                    on_wait()
                conn.execute(_PG_WAIT, key)
            conn.commit()
            try:
                yield
            finally:
                conn.execute(_PG_UNLOCK, key)
                conn.commit()
        return
    path = _sqlite_lock_path(engine)
    if path is None:
        yield
        return
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:  # a read-only folder: nothing can be upgraded there anyway
        yield
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait:
                on_wait()
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def _sqlite_lock_path(engine: Engine) -> str | None:
    database = engine.url.database or ""
    if not database or database == ":memory:":
        return None
    if database.startswith("file:"):
        database = database[5:].split("?", 1)[0]
    return f"{database}-upgrade.lock"
