"""CI gate: story quality on the hand-written set and the demo web never drops below these."""

from __future__ import annotations

import pytest

from bench.stories import demo_items, load_set, quality

# Measured 2026-12-02 (bench.stories): set within 1.0 / across 1.0 / no distractor merged
# (names alone no longer join a story); demo within 1.0 / across 0.952 (a shared weekday
# links coverage across languages), 0.954 with the outage's two follow-ups (room watchdemo).
# Floors sit just under; raise them, never lower.
FLOORS = {
    "set": {"within": 0.99, "across": 0.98, "distractors_merged": 0},
    "demo": {"within": 0.98, "across": 0.94, "distractors_merged": 0},
}


@pytest.mark.parametrize("name", ["set", "demo"])
def test_story_quality_holds_its_floor(name: str) -> None:
    items = load_set() if name == "set" else demo_items()
    report = quality(items)
    floor = FLOORS[name]
    assert report["within_min_f1"] >= floor["within"], report
    assert report["across"]["f1"] >= floor["across"], report
    assert report["distractors_merged"] <= floor["distractors_merged"], report
