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
OWN_FLOOR = 0.65
NEWSMTSC_FLOOR = 0.67  # measured 0.689 (the target is 0.70): docs/tone.md


def _f1(rows: list[Labelled]) -> float:
    predicted = np.array([INDEX[r.tone] for r in score_many([r.mention for r in rows])])
    return macro_f1(np.array([r.label for r in rows]), predicted)


@pytest.mark.timeout(300)
@pytest.mark.parametrize("language", OWN_LANGUAGES)
def test_own_held_out_set(language: str) -> None:
    assert _f1(own_set(language, "test")) >= OWN_FLOOR


@pytest.mark.timeout(900)  # 1,146 mentions: about a minute on one free core
def test_newsmtsc_real_world_split() -> None:
    path = NEWSMTSC / "devtest_rw.jsonl.gz"
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared not laid beside the repository)")
    assert _f1(list(read_newsmtsc(path))) >= NEWSMTSC_FLOOR
