"""Rebuild the shipped head: `python -m jarida.tone.train [--newsmtsc DIR]`.

Reads NewsMTSC's train split (never devtest_rw) and the project's own train sets
(`bench/data/tone/{fr,ar,es}.train.tsv`, never the `.test.tsv` held-out sets), embeds
each mention as the model does at run time (`model.featurise`), fits the head
(`head_fit.fit`, fixed seed) and writes `jarida/tone/weights/head.npz`. Embeddings are
cached (by encoder input) in `$XDG_CACHE_HOME/jarida/tone-embeddings.npz` so a second
run only refits. `--validate` first reports macro-F1 on a held-back tenth of the
NewsMTSC train sentences and on the own train sets, to choose options.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from jarida.tone.corpus import NEWSMTSC, OWN_LANGUAGES, Labelled, own_set, read_newsmtsc
from jarida.tone.head_fit import FitOptions, fit, macro_f1
from jarida.tone.model import WEIGHTS, Encoder, Head
from jarida.tone.window import around

if TYPE_CHECKING:
    from numpy.typing import NDArray

WINDOW = 8
FEATURES = ("window",)
OWN_WEIGHT = 3.0  # each own mention counts as much as this many NewsMTSC ones


def default_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "jarida" / "tone-embeddings.npz"


class CachedEncoder:
    """Encoder whose vectors are kept by input text, saved between runs."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
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
                self._encoder = Encoder(threads=os.cpu_count())
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
    blocks = []
    for kind in FEATURES:
        if kind == "window":
            texts = [around(r.mention.text, r.mention.start, r.mention.end, WINDOW)
                     for r in rows]
        else:
            texts = [r.mention.text.strip() for r in rows]
        blocks.append(encoder.embed(texts))
    return np.concatenate(blocks, axis=1)


def _held_back(row: Labelled) -> bool:
    """A stable tenth of NewsMTSC train sentences (all targets of a sentence together)."""
    return hashlib.sha256(row.mention.text.encode()).digest()[0] < 26


def _predict(arrays: dict[str, NDArray[np.float32]], options: FitOptions,
             x: NDArray[np.float32]) -> NDArray[np.int64]:
    head = Head(arrays, _config(options))
    predicted: NDArray[np.int64] = head.probabilities(x).argmax(axis=1)
    return predicted


def _config(options: FitOptions) -> dict[str, object]:
    return {"layers": 2 if options.hidden else 1, "window": WINDOW,
            "features": list(FEATURES), "fit": asdict(options)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--newsmtsc", type=Path, default=NEWSMTSC)
    parser.add_argument("--cache", type=Path, default=default_cache())
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    parser.add_argument("--validate", action="store_true")
    parser.add_argument("--no-newsmtsc", action="store_true",
                        help="Own sets only (when NewsMTSC is not at hand).")
    parser.add_argument("--cached-newsmtsc-only", action="store_true",
                        help="Keep only NewsMTSC mentions whose inputs are in the cache.")
    args = parser.parse_args(argv)
    options = FitOptions()

    news = [] if args.no_newsmtsc else list(read_newsmtsc(args.newsmtsc / "train.jsonl.gz"))
    own = [row for lang in OWN_LANGUAGES for row in own_set(lang, "train")]
    encoder = CachedEncoder(args.cache)
    if args.cached_newsmtsc_only:
        news = [r for r in news if around(r.mention.text, r.mention.start, r.mention.end,
                                          WINDOW) in encoder.vectors]
    rows = news + own
    x = features(encoder, rows)
    y = np.array([r.label for r in rows], dtype=np.int64)
    counts = np.bincount(y, minlength=3).astype(np.float32)
    weights = (len(y) / (3 * counts))[y].astype(np.float32)
    weights[len(news):] *= OWN_WEIGHT

    if args.validate:
        back = np.array([i < len(news) and _held_back(r) for i, r in enumerate(rows)])
        arrays = fit(x[~back], y[~back], weights[~back], options)
        if back.any():
            score = macro_f1(y[back], _predict(arrays, options, x[back]))
            print(f"NewsMTSC train, held-back tenth: macro-F1 {score:.3f}")
        # own sets: each language held out in turn (trained on the others + NewsMTSC)
        for lang in OWN_LANGUAGES:
            mine = np.array([r.mention.language == lang and i >= len(news)
                             for i, r in enumerate(rows)])
            arrays = fit(x[~mine], y[~mine], weights[~mine], options)
            score = macro_f1(y[mine], _predict(arrays, options, x[mine]))
            print(f"own {lang} train, language left out: macro-F1 {score:.3f}")

    arrays = fit(x, y, weights, options)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    stored: dict[str, Any] = {k: v.astype(np.float16 if k.startswith("w") else np.float32)
                              for k, v in arrays.items()}
    stored["config"] = np.array(json.dumps(_config(options)))
    np.savez_compressed(args.out, **stored)
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB) from {len(news)} "
          f"NewsMTSC and {len(own)} own mentions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
