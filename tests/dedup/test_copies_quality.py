"""The copies gate: pairwise precision and recall on the labelled set never fall below
their floors (bench.copies; raise a floor when the method improves, never lower it)."""

from __future__ import annotations

from pathlib import Path

from bench.copies import run_labelled
from bench.copies_set import build, load
from jarida.storage import Database

PRECISION_FLOOR = 0.99
RECALL_FLOOR = 0.95


def test_the_stored_set_is_what_the_builder_writes() -> None:
    assert load() == build()


def test_copies_reach_their_floors(tmp_path: Path) -> None:
    database = Database.open(f"sqlite:///{tmp_path}/copies.db")
    database.upgrade()
    result = run_labelled(database, load())
    database.close()
    assert result.precision >= PRECISION_FLOOR, result.false_links[:5]
    assert result.recall >= RECALL_FLOOR
