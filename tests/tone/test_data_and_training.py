"""The labelled sets, their format, and the head's fitting and storage."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from jarida.tone.corpus import OWN_LANGUAGES, CorpusError, own_set, parse_marked
from jarida.tone.head_fit import FitOptions, fit, macro_f1
from jarida.tone.model import WEIGHTS, Head, read_head


@pytest.mark.parametrize("language", OWN_LANGUAGES)
def test_own_sets_are_large_balanced_and_disjoint(language: str) -> None:
    train, test = own_set(language, "train"), own_set(language, "test")
    assert len(train) + len(test) >= 150
    assert len(test) >= 60
    for rows in (train, test):
        counts = Counter(r.tone for r in rows)
        assert set(counts) == {"negative", "neutral", "positive"}
        assert max(counts.values()) - min(counts.values()) <= 1
        for r in rows:
            m = r.mention
            assert m.text[m.start:m.end] == m.target and m.language == language
    assert not {r.mention.text for r in train} & {r.mention.text for r in test}


def test_marked_line_gives_offsets_without_brackets() -> None:
    row = parse_marked("neg\tLe maire [[Paul Roy]] a menti.", "fr", "x:1")
    assert row.mention.text == "Le maire Paul Roy a menti."
    assert (row.mention.start, row.mention.end, row.tone) == (9, 17, "negative")
    for bad in ("bad\tLe [[maire]].", "neg Le [[maire]].", "neu\tLe maire.",
                "pos\t[[a]] et [[b]]"):
        with pytest.raises(CorpusError, match="x:3"):
            parse_marked(bad, "fr", "x:3")


def test_macro_f1() -> None:
    gold = np.array([0, 0, 1, 1, 2, 2])
    assert macro_f1(gold, gold) == 1.0
    # all neutral: neutral's F1 is 0.5 (precision 1/3, recall 1), the others 0
    assert macro_f1(gold, np.array([1, 1, 1, 1, 1, 1])) == pytest.approx(0.5 / 3)


@pytest.mark.parametrize("hidden", [0, 16])
def test_fit_separates_and_round_trips(tmp_path: Path, hidden: int) -> None:
    rng = np.random.default_rng(1)
    centres = rng.normal(0, 3, (3, 8))
    y = np.repeat(np.arange(3), 60)
    x = (centres[y] + rng.normal(0, 1, (180, 8))).astype(np.float32)
    options = FitOptions(hidden=hidden, epochs=40, batch=32, learning_rate=1e-2)
    arrays = fit(x, y, np.ones(180, dtype=np.float32), options)
    config = {"layers": 2 if hidden else 1, "window": 8, "features": ["window"]}
    head = Head(arrays, config)
    assert macro_f1(y, head.probabilities(x).argmax(axis=1)) > 0.95
    again = fit(x, y, np.ones(180, dtype=np.float32), options)
    assert all(np.array_equal(arrays[k], again[k]) for k in arrays)  # deterministic
    import json

    path = tmp_path / "head.npz"
    np.savez(path, config=np.array(json.dumps(config)), **arrays)
    stored = read_head(path)
    assert np.allclose(stored.probabilities(x), head.probabilities(x), atol=1e-5)


def test_shipped_head_is_small_and_complete() -> None:
    assert WEIGHTS.stat().st_size < 2_000_000
    head = read_head()
    assert head.features and head.window > 0
    width = head.layers[0][0].shape[0]
    assert head.mean.shape == (width,) and head.layers[-1][0].shape[1] == 3


def test_ensemble_head_is_the_mean_of_its_members() -> None:
    from jarida.tone.train import fit_members

    rng = np.random.default_rng(2)
    y = np.repeat(np.arange(3), 40)
    x = (rng.normal(0, 3, (3, 6))[y] + rng.normal(0, 1, (120, 6))).astype(np.float32)
    options = FitOptions(hidden=8, epochs=5, batch=32)
    weights = np.ones(120, dtype=np.float32)
    arrays = fit_members(x, y, weights, options, seeds=(1, 2))
    config = {"layers": 2, "members": 2, "window": 8, "features": ["window"]}
    both = Head(arrays, config).probabilities(x)
    alone = [Head(fit(x, y, weights, FitOptions(hidden=8, epochs=5, batch=32, seed=s)),
                  {"layers": 2, "window": 8, "features": ["window"]}).probabilities(x)
             for s in (1, 2)]
    assert np.allclose(both, (alone[0] + alone[1]) / 2, atol=1e-6)
    assert not np.allclose(alone[0], alone[1], atol=1e-3)


def test_cross_validation_keeps_a_sentence_in_one_fold_and_scores_each_set() -> None:
    from jarida.tone.train import class_weights, fit_members
    from jarida.tone.validate import FOLDS, cross_validate, fold_of

    rng = np.random.default_rng(3)
    rows, labels = [], []
    for i in range(150):
        label = i % 3
        language = ("en", "fr", "ar", "es")[i % 4]
        line = f"{('neg', 'neu', 'pos')[label]}\tPhrase {i // 2} sur [[Acme]] numéro {i}."
        rows.append(parse_marked(line, language, f"x:{i}"))
        labels.append(label)
    y = np.array(labels, dtype=np.int64)
    x = (rng.normal(0, 3, (3, 6))[y] + rng.normal(0, 1, (150, 6))).astype(np.float32)
    is_own = np.array([r.mention.language != "en" for r in rows])
    options = FitOptions(hidden=8, epochs=20, batch=32, learning_rate=1e-2)
    report = cross_validate(x, y, rows, is_own, {"layers": 2, "members": 2, "window": 8,
                                                 "features": ["window"]},
                            lambda a, b, w: fit_members(a, b, w, options, seeds=(1, 2)),
                            class_weights)
    assert list(report) == ["NewsMTSC train", "own fr", "own ar", "own es"]
    assert all(score > 0.9 for score in report.values()), report
    same = parse_marked("neg\tUne [[phrase]] ici.", "fr", "a")
    other = parse_marked("pos\tUne phrase [[ici]].", "fr", "b")
    assert fold_of(same) == fold_of(other) and 0 <= fold_of(same) < FOLDS
