"""MinHash signatures over word shingles, cut into LSH bands (datasketch does the MinHash).

The signature of an article is datasketch's MinHash of its body's word 5-grams (the
title is left out: a copy usually gets a new headline). Its bands are hashed to 64-bit
keys that `storage.copies` keeps in an indexed table, so finding the articles that share
a band is one index lookup per band however many articles are stored: datasketch's own
LSH index lives in memory or Redis, not in SQL, so only its parameters are used here.

Shingles are hashed without building them: each distinct word is hashed once (BLAKE2b,
64 bits) and the hash of a 5-gram is a position-weighted sum of its words' hashes, mixed,
computed for every 5-gram at once with numpy. datasketch's default (SHA-1 of every
shingle's text, one Python call each) spent about ten times longer on the same text.
`SIGNATURE_SCHEME` names this way of hashing; it is mixed into the band keys, so
signatures of another scheme never share a band with these (the copies step only
compares articles sharing a band), and migration 0018 recomputes stored signatures.
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
# How shingles are hashed before the MinHash (see the module's docstring). A change of
# it changes every signature: give it a new name and recompute the stored ones.
SIGNATURE_SCHEME = b"w5b2"
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


# Odd 64-bit multipliers, one per position in a shingle (a different word order is a
# different shingle), and the mixing step of splitmix64 (Steele et al.) that spreads
# the sum over all 64 bits before its top 32 are kept.
_POSITION = np.array([0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB,
                      0xD6E8FEB86659FD93, 0xA0761D6478BD642F], dtype=np.uint64)
_MIX = (np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB))


def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(),
                          "little")


def shingle_hashes(words: list[str], size: int = SHINGLE_WORDS
                   ) -> np.ndarray[tuple[int], np.dtype[np.uint64]]:
    """A 32-bit hash of each word n-gram of `words` (as `shingles` cuts them), repeated
    n-grams repeated: equal n-grams, equal hashes."""
    if not words:
        return np.zeros(0, dtype=np.uint64)
    known: dict[str, int] = {}
    for word in words:
        if word not in known:
            known[word] = _word_hash(word)
    hashed = np.fromiter((known[w] for w in words), dtype=np.uint64, count=len(words))
    count = max(len(hashed) - size + 1, 1)
    total = np.zeros(count, dtype=np.uint64)
    for position in range(min(size, len(hashed))):
        total += hashed[position:position + count] * _POSITION[position]
    total ^= total >> np.uint64(30)
    total *= _MIX[0]
    total ^= total >> np.uint64(27)
    total *= _MIX[1]
    total ^= total >> np.uint64(31)
    return total >> np.uint64(32)


def signature(words: list[str]) -> Signature:
    """The MinHash of the word 5-grams of `words` (a text of at most 5 words: one)."""
    from datasketch import MinHash

    sketch = MinHash(seed=SEED, permutations=_template().permutations, scheme=SCHEME,
                     hashfunc=int)
    sketch.update_batch(shingle_hashes(words).tolist())
    return Signature(np.asarray(sketch.hashvalues, dtype=np.uint32))


def band_keys(sig: Signature) -> list[int]:
    """One signed 64-bit key per band (the band's number is hashed in: no cross-band hits)."""
    bands, rows = band_shape()
    raw = sig.values.astype("<u4")
    keys = []
    for band in range(bands):
        digest = hashlib.blake2b(
            raw[band * rows : (band + 1) * rows].tobytes(), digest_size=8,
            person=SIGNATURE_SCHEME + b"%d" % band
        ).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys
