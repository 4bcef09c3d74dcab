"""MinHash signatures over word shingles, cut into LSH bands (datasketch does the hashing).

The signature of an article is datasketch's MinHash of its body's word 5-grams (the
title is left out: a copy usually gets a new headline). Its bands are hashed to 64-bit
keys that `storage.copies` keeps in an indexed table, so finding the articles that share
a band is one index lookup per band however many articles are stored: datasketch's own
LSH index lives in memory or Redis, not in SQL, so only its parameters are used here.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from jarida.dedup.fingerprints import normalise_text

if TYPE_CHECKING:
    from datasketch import MinHash

# datasketch is imported where a signature is made (the extraction workers), not by the
# crawl process, which only compares stored signatures: importing it loads SciPy, about
# 1.5 s of CPU at the start of every crawl.

SHINGLE_WORDS = 5
NUM_PERM = 128
SEED = 20261202
SCHEME = "affine32"  # datasketch 2: 32-bit values, collision-free permutations
LSH_THRESHOLD = 0.3  # datasketch: 37 bands of 3 rows; Jaccard 0.5 is a candidate 99.3 % of the time

_WORD = re.compile(r"\w+")


def words_of(text: str | None) -> list[str]:
    """The normalised words of a text (punctuation, case and invisible marks ignored)."""
    return _WORD.findall(normalise_text(text))


def shingles(words: list[str], size: int = SHINGLE_WORDS) -> set[str]:
    """Word n-grams; a text shorter than `size` words is one shingle."""
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


@lru_cache(maxsize=1)
def _template() -> MinHash:
    """One MinHash whose permutations are reused by every signature (computing them is
    the costly part of building a MinHash)."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)


@lru_cache(maxsize=1)
def band_shape() -> tuple[int, int]:
    """(bands, rows) that datasketch finds optimal for `LSH_THRESHOLD` and `NUM_PERM`."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    return int(lsh.b), int(lsh.r)


@dataclass(frozen=True)
class Signature:
    values: np.ndarray[tuple[int], np.dtype[np.uint32]]  # NUM_PERM 32-bit minimums

    def to_bytes(self) -> bytes:
        return self.values.astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        return cls(np.frombuffer(data, dtype="<u4").astype(np.uint32))

    def jaccard(self, other: Signature) -> float:
        """Estimated Jaccard similarity of the two shingle sets."""
        return float(np.count_nonzero(self.values == other.values)) / len(self.values)


def signature(grams: set[str]) -> Signature:
    from datasketch import MinHash

    sketch = MinHash(seed=SEED, permutations=_template().permutations, scheme=SCHEME)
    sketch.update_batch([g.encode("utf-8") for g in grams])
    return Signature(np.asarray(sketch.hashvalues, dtype=np.uint32))


def band_keys(sig: Signature) -> list[int]:
    """One signed 64-bit key per band (the band's number is hashed in: no cross-band hits)."""
    bands, rows = band_shape()
    raw = sig.values.astype("<u4")
    keys = []
    for band in range(bands):
        digest = hashlib.blake2b(
            raw[band * rows : (band + 1) * rows].tobytes(), digest_size=8, person=b"%d" % band
        ).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys
