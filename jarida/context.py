"""What every command needs: the settings, and the database opened once on demand."""

from __future__ import annotations

from dataclasses import dataclass, field

from jarida.settings import Settings
from jarida.storage import Database


class UserError(Exception):
    """A usage or input problem the user can fix; printed as one line, exit code 2."""


class CommandFailed(Exception):
    """A failure at run time the command has explained; printed as one line, exit code 1."""


@dataclass
class AppContext:
    settings: Settings
    _db: Database | None = field(default=None, repr=False)

    def database(self, *, check_schema: bool = True) -> Database:
        if self._db is None:
            self._db = Database.open(self.settings.database_url,
                                     busy_seconds=self.settings.database_busy_seconds)
            if check_schema:
                self._db.check_schema()
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
