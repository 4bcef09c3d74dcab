"""A batch placed at once groups exactly as its articles placed one by one."""

from __future__ import annotations

from collections import defaultdict

import pytest

from bench.stories import Item, demo_items, load_set, place_all
from jarida.storage import Database


def partition(placed: dict[str, int]) -> list[list[str]]:
    groups: dict[int, list[str]] = defaultdict(list)
    for item, story in placed.items():
        groups[story].append(item)
    return sorted(sorted(g) for g in groups.values())


@pytest.mark.parametrize("name", ["set", "demo"])
def test_whole_batch_groups_as_one_by_one(name: str, tmp_path: object) -> None:
    items: list[Item] = load_set() if name == "set" else demo_items()
    results = []
    for n, batch in enumerate((1, 37, len(items))):
        db = Database.open(f"sqlite:///{tmp_path}/stories{n}.db")
        db.upgrade()
        try:
            results.append(partition(place_all(items, db, batch=batch)))
        finally:
            db.close()
    assert results[0] == results[1] == results[2]
    assert sum(len(g) > 1 for g in results[0]) >= 15  # it groups, it does not just split
