"""Monitoring tests run on SQLite always and on PostgreSQL when CI provides one: the
storage contract's `db` fixture."""

from __future__ import annotations

from tests.storage.conftest import db

__all__ = ["db"]
