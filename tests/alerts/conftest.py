"""Alert tests run on SQLite always and on PostgreSQL when JARIDA_TEST_POSTGRES_URL is set
(the storage suite's `db` fixture)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from jarida.storage import Database
from tests.alerts.mailbox import Mailbox
from tests.alerts.receiver import Receiver
from tests.alerts.world import World
from tests.storage.conftest import db

__all__ = ["db"]


@pytest.fixture
def world(db: Database) -> World:
    return World(db)


@pytest.fixture
def mailbox() -> Iterator[Mailbox]:
    with Mailbox() as box:
        yield box


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with Receiver() as server:
        yield server
