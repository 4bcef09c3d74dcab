"""Text cleaning applied before anything reaches either database."""

from __future__ import annotations

import re

# C0 controls other than tab, newline and carriage return; NUL breaks PostgreSQL text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Lone surrogates come from badly decoded bytes and cannot be encoded as UTF-8.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_SUSPECT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def clean_text(value: str | bytes | None) -> str | None:
    """Return text safe for SQLite and PostgreSQL: valid UTF-8, no NUL or control bytes."""
    if value is None:
        return None
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    if _SUSPECT.search(value) is None:  # the usual case: one scan, no copy
        return value
    value = _SURROGATE.sub("\ufffd", value)
    return _CONTROL.sub("", value)


def clean_required(value: str | bytes | None) -> str:
    return clean_text(value) or ""
