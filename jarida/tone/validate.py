"""Choosing the model's options inside the train data: 5-fold cross-validation.

Folds are drawn by a hash of the sentence, so all targets of one sentence fall in the
same fold (NewsMTSC has several targets per sentence; the own sets one line a target).
Each fold is scored by a head (FIT, read as CONFIG says) fitted on the four others
(NewsMTSC and own train sets together, as the shipped head is); the held-out
predictions of the five folds are pooled into one macro-F1 for NewsMTSC train and one
per own language. The test files (NewsMTSC devtest_rw, own `.test.tsv`) are never
read here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from jarida.tone.corpus import OWN_LANGUAGES, Labelled
from jarida.tone.head_fit import macro_f1
from jarida.tone.model import Head

if TYPE_CHECKING:
    from numpy.typing import NDArray

FOLDS = 5
Weigh = Callable[["NDArray[np.int64]", "NDArray[np.bool_]"], "NDArray[np.float32]"]
Fit = Callable[["NDArray[np.float32]", "NDArray[np.int64]", "NDArray[np.float32]"],
               "dict[str, NDArray[np.float32]]"]


def fold_of(row: Labelled) -> int:
    return hashlib.sha256(row.mention.text.encode()).digest()[0] % FOLDS


def cross_validate(x: NDArray[np.float32], y: NDArray[np.int64], rows: Sequence[Labelled],
                   is_own: NDArray[np.bool_], config: dict[str, object], fit: Fit,
                   weigh: Weigh) -> dict[str, float]:
    """Pooled out-of-fold macro-F1: "NewsMTSC train", then "own fr", "own ar", "own es"."""
    folds = np.array([fold_of(r) for r in rows])
    languages = np.array([r.mention.language for r in rows])
    predicted = np.zeros(len(y), dtype=np.int64)
    for k in range(FOLDS):
        train, held = folds != k, folds == k
        arrays = fit(x[train], y[train], weigh(y[train], is_own[train]))
        predicted[held] = Head(arrays, config).probabilities(x[held]).argmax(axis=1)
    report = {"NewsMTSC train": macro_f1(y[~is_own], predicted[~is_own])}
    for language in OWN_LANGUAGES:
        mine = is_own & (languages == language)
        report[f"own {language}"] = macro_f1(y[mine], predicted[mine])
    return report
