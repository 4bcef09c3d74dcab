"""Rebuild the shipped head: `python -m jarida.tone.train [--newsmtsc DIR] [--validate]`.

Reads NewsMTSC's train split (never devtest_rw) and the project's own train sets
(`bench/data/tone/{fr,ar,es}.train.tsv`, never the `.test.tsv` held-out sets), embeds
each mention as the model does at run time (`model.featurise`: the encoder's first
ENCODER_LAYERS layers, WINDOW words each side, the mention in brackets), fits the head
(`head_fit.fit`, one network for each of the fixed SEEDS, averaged) and writes
`jarida/tone/weights/head.npz`. Embeddings are cached (by encoder input) in
`$XDG_CACHE_HOME/jarida/tone-embeddings-L<layers>.npz`, so a second run only refits.
`--validate` first reports 5-fold cross-validated macro-F1 inside the train data
(`validate.cross_validate`): how the options were chosen.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from jarida.tone.corpus import NEWSMTSC, OWN_LANGUAGES, Labelled, own_set, read_newsmtsc
from jarida.tone.encoder import Encoder
from jarida.tone.head_fit import FitOptions, fit
from jarida.tone.model import WEIGHTS, featurise

if TYPE_CHECKING:
    from numpy.typing import NDArray

WINDOW = 8
MARK = True
ENCODER_LAYERS = 8
FEATURES = ("window",)
OWN_WEIGHT = 3.0  # each own mention counts as much as this many NewsMTSC ones
OPTIONS = FitOptions(hidden=256, epochs=10, dropout=0.5)
SEEDS = (13, 14, 15, 16, 17)  # one network per seed, their probabilities averaged


def default_cache(layers: int = ENCODER_LAYERS) -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "jarida" / f"tone-embeddings-L{layers}.npz"


class CachedEncoder:
    """Encoder whose vectors are kept by input text, saved between runs."""

    def __init__(self, path: Path | None, layers: int = ENCODER_LAYERS) -> None:
        self.path = path
        self.layers = layers
        self.vectors: dict[str, NDArray[np.float32]] = {}
        self._encoder: Encoder | None = None
        if path is not None and path.exists():
            with np.load(path, allow_pickle=False) as data:
                for text, vector in zip(data["texts"], data["vectors"], strict=True):
                    self.vectors[str(text)] = vector

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        missing = sorted({t for t in texts if t not in self.vectors})
        if missing:
            if self._encoder is None:
                self._encoder = Encoder(threads=os.cpu_count(), layers=self.layers)
            started = time.monotonic()
            for begin in range(0, len(missing), 64):
                chunk = missing[begin:begin + 64]
                for text, vector in zip(chunk, self._encoder.embed(chunk), strict=True):
                    self.vectors[text] = vector
                print(f"  embedded {begin + len(chunk)}/{len(missing)} "
                      f"({time.monotonic() - started:.0f} s)", file=sys.stderr, flush=True)
            self.save()
        return np.stack([self.vectors[t] for t in texts])

    def save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        texts = list(self.vectors)
        np.savez(self.path, texts=np.array(texts),
                 vectors=np.stack([self.vectors[t] for t in texts]))


def features(encoder: CachedEncoder, rows: Sequence[Labelled]) -> NDArray[np.float32]:
    return featurise(encoder, [r.mention for r in rows], WINDOW, MARK, FEATURES)


def class_weights(y: NDArray[np.int64], own: NDArray[np.bool_]) -> NDArray[np.float32]:
    """Each class weighs the same in total; own mentions count OWN_WEIGHT times."""
    counts = np.bincount(y, minlength=3).astype(np.float32)
    weights = (len(y) / (3 * counts))[y].astype(np.float32)
    weights[own] *= OWN_WEIGHT
    return weights


def config(options: FitOptions) -> dict[str, object]:
    return {"layers": 2 if options.hidden else 1, "members": len(SEEDS), "window": WINDOW,
            "mark": MARK, "encoder_layers": ENCODER_LAYERS, "features": list(FEATURES),
            "fit": asdict(options), "seeds": list(SEEDS)}


def fit_members(x: NDArray[np.float32], y: NDArray[np.int64], weights: NDArray[np.float32],
                options: FitOptions, seeds: Sequence[int] = SEEDS
                ) -> dict[str, NDArray[np.float32]]:
    """One network per seed, stored as m<k>_w<i>, m<k>_b<i> beside the shared mean, scale."""
    arrays: dict[str, NDArray[np.float32]] = {}
    for k, seed in enumerate(seeds):
        for name, value in fit(x, y, weights, replace(options, seed=seed)).items():
            arrays[name if name in ("mean", "scale") else f"m{k}_{name}"] = value
    return arrays


def main(argv: list[str] | None = None) -> int:
    from jarida.tone.validate import cross_validate

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--newsmtsc", type=Path, default=NEWSMTSC)
    parser.add_argument("--cache", type=Path, default=default_cache())
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    parser.add_argument("--validate", action="store_true")
    parser.add_argument("--no-newsmtsc", action="store_true",
                        help="Own sets only (when NewsMTSC is not at hand).")
    args = parser.parse_args(argv)

    news = [] if args.no_newsmtsc else list(read_newsmtsc(args.newsmtsc / "train.jsonl.gz"))
    own = [row for lang in OWN_LANGUAGES for row in own_set(lang, "train")]
    rows = news + own
    x = features(CachedEncoder(args.cache), rows)
    y = np.array([r.label for r in rows], dtype=np.int64)
    is_own = np.arange(len(rows)) >= len(news)

    if args.validate:
        report = cross_validate(x, y, rows, is_own, config(OPTIONS),
                                lambda xs, ys, ws: fit_members(xs, ys, ws, OPTIONS),
                                class_weights)
        for name, score in report.items():
            print(f"5-fold cross-validation inside train, {name}: macro-F1 {score:.3f}")

    arrays = fit_members(x, y, class_weights(y, is_own), OPTIONS)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    stored: dict[str, Any] = {k: v.astype(np.float16 if "_w" in k else np.float32)
                              for k, v in arrays.items()}
    stored["config"] = np.array(json.dumps(config(OPTIONS)))
    np.savez_compressed(args.out, **stored)
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB) from {len(news)} "
          f"NewsMTSC and {len(own)} own mentions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
