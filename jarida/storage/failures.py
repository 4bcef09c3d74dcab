"""Telling a failure of the storage itself from a failure caused by one record.

A full disk, a lost connection or a lock held too long is the storage's fault: the
crawl pass stops (nothing more is fetched only to be thrown away) and no feed or
article is blamed. Anything else raised while writing a batch (a constraint, a value
a column refuses, a bug on one odd record) is some record's fault: the batch is
written again one record at a time and only the culprit fails.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError


class StorageUnavailable(Exception):
    """The database cannot be written now (disk full, connection lost, lock held)."""

    def __init__(self, cause: BaseException) -> None:
        super().__init__(describe(cause))
        self.cause = cause


def is_storage_failure(exc: BaseException) -> bool:
    if isinstance(exc, StorageUnavailable | OperationalError | InterfaceError | OSError
                  | MemoryError):
        return True
    return isinstance(exc, DBAPIError) and bool(exc.connection_invalidated)


def describe(exc: BaseException) -> str:
    """One line: the driver's own message without SQLAlchemy's statement dump."""
    if isinstance(exc, StorageUnavailable):
        return str(exc)
    inner = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    first = (str(inner).strip().splitlines() or [type(inner).__name__])[0]
    return f"{type(inner).__name__}: {first}"[:300]
