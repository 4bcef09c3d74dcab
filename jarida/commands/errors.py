"""The one place where an exception becomes the line an operator reads, and an exit code.

Exit codes: 0 success; 1 a failure at run time (disk full, database locked too long,
database unreachable or lost, an unexpected error); 2 a usage or configuration problem
the operator fixes in the command, the settings or an input file; 130 interrupted.
Commands raise; they do not catch to print. `jarida --debug` (or JARIDA_LOG_LEVEL=debug)
also prints the traceback.
"""

from __future__ import annotations

import errno
import re
import sqlite3
import sys
from collections.abc import Iterator
from dataclasses import dataclass

import click
import typer._click.exceptions as typer_click  # typer ships its own click
import typer.exceptions

from jarida.context import CommandFailed, UserError
from jarida.settings import ConfigError
from jarida.sources import RegistryFileError
from jarida.storage import StorageError
from jarida.storage.failures import StorageUnavailable

OK, FAILURE, USAGE, INTERRUPTED = 0, 1, 2, 130
_BOOLEAN_VALUE = re.compile(r"unexpected extra argument.*\((true|false|yes|no|on|off|1|0)\)",
                            re.IGNORECASE)

DISK_FULL = "no space left on the disk{where}: free some space, then run the command again"
LOCKED = (
    "the database is locked by another process for longer than JARIDA_DATABASE_BUSY_SECONDS: "
    "let the other writer finish (or stop it), then run the command again"
)
READ_ONLY = (
    "the database is read-only here{where}: this command writes, so run it where the "
    "database file and its folder are writable"
)
LOST = (
    "lost the connection to the database ({reason}): check that the database server is "
    "running and reachable, then run the command again"
)


@dataclass(frozen=True)
class Failure:
    message: str
    code: int


def explain(exc: BaseException) -> Failure:
    """The line (without the `jarida: ` prefix) and exit code for EXC."""
    if isinstance(exc, click.UsageError | typer_click.UsageError):
        message = exc.format_message()
        if _BOOLEAN_VALUE.search(message):
            message += "; on/off options are flags that take no value (--once, not --once true)"
        return Failure(f"{message} (see `jarida --help`)", USAGE)
    if isinstance(exc, click.ClickException | typer_click.ClickException):
        return Failure(f"error: {exc.format_message()}", exc.exit_code)
    if isinstance(exc, click.Abort | typer.exceptions.Abort | KeyboardInterrupt):
        return Failure("interrupted", INTERRUPTED)
    if isinstance(exc, StorageError):
        return Failure(f"error: {exc}", exc.exit_code)
    if isinstance(exc, ConfigError | RegistryFileError | UserError):
        return Failure(f"error: {exc}", USAGE)
    if isinstance(exc, CommandFailed):
        return Failure(f"error: {exc}", FAILURE)
    for cause in _chain(exc):
        found = _database_failure(cause) or _os_failure(cause)
        if found is not None:
            return found
    if isinstance(exc, StorageUnavailable):
        return Failure(f"error: the database failed during the crawl ({exc}); nothing was "
                       "blamed on the feeds: fix the database or free disk space, then run "
                       "the crawl again", FAILURE)
    return Failure(
        f"unexpected error: {type(exc).__name__}: {_first_line(exc)} "
        "(run again with `jarida --debug ...` to see where it happened)",
        FAILURE,
    )


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """EXC, then what it wraps (SQLAlchemy keeps the driver's error in `orig`)."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        item = todo.pop(0)
        if item is None or id(item) in seen:
            continue
        seen.add(id(item))
        yield item
        wrapped = [getattr(item, "orig", None), getattr(item, "cause", None)]
        todo += [w for w in wrapped if isinstance(w, BaseException)]
        todo += [item.__cause__, item.__context__]


def _database_failure(exc: BaseException) -> Failure | None:
    if isinstance(exc, sqlite3.Error):
        text = _first_line(exc)
        low = text.lower()
        if "locked" in low:
            return Failure(f"error: {LOCKED}", FAILURE)
        if "disk is full" in low:
            return Failure(f"error: {DISK_FULL.format(where=' holding the database')}", FAILURE)
        if "readonly" in low or "read-only" in low:
            return Failure(f"error: {READ_ONLY.format(where='')}", FAILURE)
        if "malformed" in low or "not a database" in low:
            return Failure(f"error: the database file is damaged or is not a Jarida database "
                           f"({text}): restore it from a backup", FAILURE)
        return Failure(f"error: database error: {text}", FAILURE)
    psycopg = sys.modules.get("psycopg")
    if psycopg is not None and isinstance(exc, psycopg.Error):
        errors = psycopg.errors
        text = _first_line(exc)
        if isinstance(exc, errors.DiskFull):
            return Failure(f"error: {DISK_FULL.format(where=' of the database server')}",
                           FAILURE)
        if isinstance(exc, errors.ReadOnlySqlTransaction):
            return Failure(f"error: {READ_ONLY.format(where=' (a read-only server)')}", FAILURE)
        if isinstance(exc, errors.LockNotAvailable | errors.QueryCanceled):
            return Failure(f"error: {LOCKED}", FAILURE)
        if isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError):
            return Failure(f"error: {LOST.format(reason=text)}", FAILURE)
        return Failure(f"error: database error: {text}", FAILURE)
    return None


def _os_failure(exc: BaseException) -> Failure | None:
    if not isinstance(exc, OSError) or exc.errno is None:
        return None
    where = f" ({exc.filename})" if exc.filename else ""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return Failure(f"error: {DISK_FULL.format(where=where)}", FAILURE)
    return Failure(f"error: {exc.strerror or exc}{where}", FAILURE)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return " ".join(text.splitlines()[0].split()) if text else type(exc).__name__
