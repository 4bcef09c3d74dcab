"""Perceptual hashes (imagehash's DCT hash) and the distance between two of them."""

from __future__ import annotations

import imagehash
from PIL import Image

BANDS = 4  # 16-bit bands: two hashes within 3 bits of each other share at least one


def perceptual_hash(picture: Image.Image) -> str:
    return str(imagehash.phash(picture))


def distance(a: str, b: str) -> int:
    return (int(a, 16) ^ int(b, 16)).bit_count()


def bands(phash: str) -> tuple[int, int, int, int]:
    value = int(phash, 16)
    return (
        (value >> 48) & 0xFFFF,
        (value >> 32) & 0xFFFF,
        (value >> 16) & 0xFFFF,
        value & 0xFFFF,
    )
