"""The benchmark's shingle F1, checked on hand-computed cases."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.scoring import document_counts, score, shingles


def test_shingles_are_counted_four_words_at_a_time() -> None:
    assert shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingles("a b c") == {}
    assert shingles("Ça, c'est l'été !") == {
        ("Ça", "c", "est", "l"): 1,
        ("c", "est", "l", "été"): 1,
    }


def test_perfect_and_empty_predictions() -> None:
    truth = "one two three four five six"
    assert score([(truth, truth)]).f1 == 1.0
    empty = score([(truth, "")])
    assert empty.recall == 0.0 and empty.f1 == 0.0


def test_counts_are_normalised_per_document() -> None:
    c = document_counts("a b c d e f", "a b c d e x")  # 3 true shingles, 2 predicted correct
    assert (c.tp, c.fp, c.fn) == pytest.approx((2 / 4, 1 / 4, 1 / 4))


def test_precision_and_recall_are_averaged_over_documents() -> None:
    s = score([("a b c d e f", "a b c d"), ("g h i j", "g h i j k l")])
    # doc 1: tp=1 fn=2 -> P=1, R=1/3 ; doc 2: tp=1 fp=2 -> P=1/3, R=1
    assert s.precision == pytest.approx((1 + 1 / 3) / 2)
    assert s.recall == pytest.approx((1 / 3 + 1) / 2)
    assert s.f1 == pytest.approx(2 / 3)
