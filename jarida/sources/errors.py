"""The one error the registry readers raise, so callers catch a single type."""

from __future__ import annotations


class RegistryFileError(Exception):
    """A registry file (YAML or OPML) that cannot be used; says what and on which line."""

    def __init__(self, message: str, line: int | None = None) -> None:
        self.message = message
        self.line = line
        super().__init__(f"line {line}: {message}" if line is not None else message)


class InvalidValue(ValueError):
    """A single field value failed a check; the reader adds the line number."""
