"""Article-body scoring of the shared extraction benchmark (4-gram shingle F1).

Implements the rules in ../shared/corpora/README.md: `\\w+` tokens, 4-gram
shingle counts, per-document tp/fp/fn normalised so each document weighs the
same, precision and recall averaged over documents, F1 of the two means.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import mean

TOKEN_RE = re.compile(r"\w+", re.UNICODE)
SHINGLE_SIZE = 4


@dataclass(frozen=True)
class Counts:
    """Normalised true positives, false positives and false negatives of one document."""

    tp: float
    fp: float
    fn: float


@dataclass(frozen=True)
class Score:
    """Mean precision and recall over a set of documents, and their F1."""

    precision: float
    recall: float
    f1: float
    documents: int


def shingles(text: str | None, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """Count the n-grams of word tokens, the unit the benchmark compares."""
    tokens = TOKEN_RE.findall(text or "")
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def document_counts(truth: str | None, prediction: str | None) -> Counts:
    """Compare one prediction with its ground truth, normalised to sum to one."""
    true, pred = shingles(truth), shingles(prediction)
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    if total == 0:
        return Counts(0.0, 0.0, 0.0)
    return Counts(tp / total, fp / total, fn / total)


def _precision(c: Counts) -> float:
    if c.fp == 0 and c.fn == 0:
        return 1.0
    return c.tp / (c.tp + c.fp)


def _recall(c: Counts) -> float:
    if c.fp == 0 and c.fn == 0:
        return 1.0
    return c.tp / (c.tp + c.fn)


def document_f1(truth: str | None, prediction: str | None) -> float:
    """F1 of one document, handy to find the pages an extractor gets wrong."""
    c = document_counts(truth, prediction)
    p = _precision(c) if c.tp + c.fp > 0 else 0.0
    r = _recall(c) if c.tp + c.fn > 0 else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def aggregate(counts: Iterable[Counts]) -> Score:
    """Average precision and recall over documents, then take their F1."""
    items: Sequence[Counts] = list(counts)
    precisions = [_precision(c) for c in items if c.tp + c.fp > 0]
    recalls = [_recall(c) for c in items if c.tp + c.fn > 0]
    p = mean(precisions) if precisions else 0.0
    r = mean(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return Score(precision=p, recall=r, f1=f1, documents=len(items))


def score(pairs: Iterable[tuple[str | None, str | None]]) -> Score:
    """Score (ground truth, prediction) pairs as the benchmark does."""
    return aggregate(document_counts(t, p) for t, p in pairs)
