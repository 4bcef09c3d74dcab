"""Replays every input `make fuzz` ever found (tests/fuzz/corpus/<target>/*.bin)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fuzz import targets  # noqa: F401 - registers the targets
from tests.fuzz.harness import CORPUS, TARGETS, corpus_files, run


def test_every_corpus_directory_names_a_target() -> None:
    assert {p.name for p in CORPUS.iterdir() if p.is_dir()} <= set(TARGETS)


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_saved_input_still_passes(path: Path) -> None:
    run(path.parent.name, path.read_bytes())
