"""Fitting the head: a small softmax network in numpy, deterministic for a seed."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from numpy.typing import NDArray


@dataclass(frozen=True)
class FitOptions:
    hidden: int = 256  # 0: logistic regression
    epochs: int = 40
    batch: int = 128
    learning_rate: float = 1e-3
    l2: float = 1e-4
    dropout: float = 0.2
    seed: int = 13


def fit(x: NDArray[np.float32], y: NDArray[np.int64], weights: NDArray[np.float32],
        options: FitOptions) -> dict[str, NDArray[np.float32]]:
    """Arrays for `model.Head`: mean, scale, w0, b0[, w1, b1]; Adam on weighted cross-entropy."""
    rng = np.random.default_rng(options.seed)
    mean = x.mean(axis=0)
    scale = x.std(axis=0) + 1e-6
    z = (x - mean) / scale
    sizes = [z.shape[1], options.hidden, 3] if options.hidden else [z.shape[1], 3]
    params: list[NDArray[np.float64]] = []
    for a, b in itertools.pairwise(sizes):
        params.append(rng.normal(0.0, np.sqrt(2.0 / a), (a, b)))
        params.append(np.zeros(b))
    moments = [np.zeros_like(p) for p in params]
    squares = [np.zeros_like(p) for p in params]
    targets = np.eye(3)[y]
    step = 0
    for _ in range(options.epochs):
        order = rng.permutation(len(y))
        for begin in range(0, len(y), options.batch):
            rows = order[begin:begin + options.batch]
            grads = _gradients(params, z[rows], targets[rows], weights[rows], options, rng)
            step += 1
            for i, g in enumerate(grads):
                if i % 2 == 0:
                    g = g + options.l2 * params[i]
                moments[i] = 0.9 * moments[i] + 0.1 * g
                squares[i] = 0.999 * squares[i] + 0.001 * g * g
                m_hat = moments[i] / (1 - 0.9 ** step)
                v_hat = squares[i] / (1 - 0.999 ** step)
                params[i] -= options.learning_rate * m_hat / (np.sqrt(v_hat) + 1e-8)
    arrays = {"mean": mean.astype(np.float32), "scale": scale.astype(np.float32)}
    for i in range(len(params) // 2):
        arrays[f"w{i}"] = params[2 * i].astype(np.float32)
        arrays[f"b{i}"] = params[2 * i + 1].astype(np.float32)
    return arrays


def _gradients(params: list[NDArray[np.float64]], x: NDArray[np.float32],
               targets: NDArray[np.float64], weights: NDArray[np.float32],
               options: FitOptions, rng: np.random.Generator) -> list[NDArray[np.float64]]:
    total = float(weights.sum())
    if len(params) == 2:
        probs = _softmax(x @ params[0] + params[1])
        delta = (probs - targets) * weights[:, None] / total
        return [x.T @ delta, delta.sum(axis=0)]
    pre = x @ params[0] + params[1]
    hidden = np.maximum(pre, 0.0)
    keep = 1.0
    mask = np.ones_like(hidden)
    if options.dropout:
        keep = 1.0 - options.dropout
        mask = (rng.random(hidden.shape) < keep) / keep
    dropped = hidden * mask
    probs = _softmax(dropped @ params[2] + params[3])
    delta = (probs - targets) * weights[:, None] / total
    back = (delta @ params[2].T) * mask * (pre > 0)
    return [x.T @ back, back.sum(axis=0), dropped.T @ delta, delta.sum(axis=0)]


def _softmax(z: NDArray[np.float64]) -> NDArray[np.float64]:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    result: NDArray[np.float64] = e / e.sum(axis=1, keepdims=True)
    return result


def macro_f1(gold: NDArray[np.int64], predicted: NDArray[np.int64]) -> float:
    """Mean over the three classes of F1 (a class never predicted nor present counts 0)."""
    scores = []
    for c in range(3):
        tp = int(((predicted == c) & (gold == c)).sum())
        fp = int(((predicted == c) & (gold != c)).sum())
        fn = int(((predicted != c) & (gold == c)).sum())
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(scores))
