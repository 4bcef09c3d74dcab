"""Story labels and their export, for dedup/clustering evaluation."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from jarida.demo import DemoWeb, story_labels, write_labels


def test_story_labels_group_by_event(tmp_path: Path) -> None:
    labels = story_labels(seed=7)
    assert len(labels) >= 130
    assert len(set(labels.values())) >= 20
    wire, copy = "maghreb-wire:fr:phosphate-contract", "akhbar-maghrib:ar:phosphate-contract"
    assert labels[wire] == labels[copy] == "phosphate-contract"
    out = write_labels(tmp_path / "labels.json", seed=7)
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert {r["id"]: r["story_id"] for r in rows} == labels
    with write_labels(tmp_path / "labels.csv", seed=7).open(encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == len(rows)


def test_running_web_labels_by_url() -> None:
    web = DemoWeb(seed=7)
    base = web.start()
    try:
        labels = web.story_labels()
        assert all(url.startswith(base) for url in labels)
        assert len(web.story_labels(edition=0)) < len(labels)
    finally:
        web.stop()
