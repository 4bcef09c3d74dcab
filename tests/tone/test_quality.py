"""Floors on held-out data: the project's own sets, and NewsMTSC's real-world split.

The figures and how they were measured are in docs/tone.md (`python -m bench.tone`).
NewsMTSC lives in ../shared (not shipped): its test skips when that folder is absent.
"""

from __future__ import annotations

import numpy as np
import pytest

from jarida.tone import score_many
from jarida.tone.corpus import NEWSMTSC, OWN_LANGUAGES, Labelled, own_set, read_newsmtsc
from jarida.tone.head_fit import macro_f1

INDEX = {"negative": 0, "neutral": 1, "positive": 2}
# Measured 2026-12-02 with the shipped head (docs/tone.md); the model is deterministic,
# so a floor a little under each figure fails as soon as the model or data change
# for the worse. The targets: own sets >= 0.65 each, NewsMTSC >= 0.70.
OWN_FLOOR = {"fr": 0.92, "ar": 0.88, "es": 0.93}  # measured 0.925 / 0.892 / 0.939
NEWSMTSC_FLOOR = 0.70  # measured 0.711 (the old head: 0.689, fails)


def _f1(rows: list[Labelled]) -> float:
    predicted = np.array([INDEX[r.tone] for r in score_many([r.mention for r in rows])])
    return macro_f1(np.array([r.label for r in rows]), predicted)


@pytest.mark.timeout(300)
@pytest.mark.parametrize("language", OWN_LANGUAGES)
def test_own_held_out_set(language: str) -> None:
    assert _f1(own_set(language, "test")) >= OWN_FLOOR[language]


@pytest.mark.timeout(900)  # 1,146 mentions: about a minute on one free core
def test_newsmtsc_real_world_split() -> None:
    path = NEWSMTSC / "devtest_rw.jsonl.gz"
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared not laid beside the repository)")
    assert _f1(list(read_newsmtsc(path))) >= NEWSMTSC_FLOOR
