"""Hostile images the demo's hostile outlet serves, and the tests reuse.

Each must be refused by the media store (jarida.media.checks / process) and never reach
a reader: SVG with a script, a JPEG with HTML and script appended (a polyglot), a GIF
with a ZIP archive appended (GIFAR), a PNG whose header claims 50,000 × 50,000 pixels (a
decompression bomb), a truncated JPEG, and a text file named .jpg.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Callable
from functools import lru_cache

from PIL import Image

SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script><rect width='10' height='10'/></svg>"
)


def _jpeg(size: tuple[int, int] = (64, 48), colour: tuple[int, int, int] = (200, 40, 40)
          ) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format="JPEG", quality=80)
    return out.getvalue()


def html_polyglot() -> bytes:
    """A valid JPEG that is also an HTML page when sniffed."""
    return _jpeg() + b"<html><body><script>alert(document.domain)</script></body></html>"


def gifar() -> bytes:
    out = io.BytesIO()
    Image.new("P", (16, 16), 1).save(out, format="GIF")
    archive = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n")
    return out.getvalue() + archive.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def png_bomb(width: int = 50_000, height: int = 50_000) -> bytes:
    """A small PNG whose header claims width × height pixels (2.5 gigapixels by default):
    its first rows of zeros are compressed, the rest would inflate to gigabytes."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    rows = zlib.compress(b"\x00" * ((width + 1) * 64), 9)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", rows)
            + _chunk(b"IEND", b""))


def truncated_jpeg() -> bytes:
    data = _jpeg((400, 300))
    return data[: len(data) // 2]


def text_as_jpeg() -> bytes:
    return b"<!doctype html><title>not an image</title><script>alert(1)</script>"


HOSTILE_PREFIX = "hostile-"  # the hostile outlet's image names: images/hostile-<name>.jpg
HOSTILE: dict[str, Callable[[], bytes]] = {
    "script.svg": lambda: SVG_WITH_SCRIPT,
    "polyglot.jpg": html_polyglot,
    "gifar.gif": gifar,
    "bomb.png": png_bomb,
    "truncated.jpg": truncated_jpeg,
    "page.jpg": text_as_jpeg,
}


@lru_cache(maxsize=16)
def hostile_image(name: str) -> bytes:
    return HOSTILE[name]()
