"""Deterministic lead images drawn with Pillow, so the demo needs no photo files."""

from __future__ import annotations

import hashlib
import io
import random
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 480, 270


def _palette(rng: random.Random) -> list[tuple[int, int, int]]:
    """A few harmonious colours derived from the image key."""
    base = rng.randrange(360)
    colours = []
    for step in (0, 40, 180, 220):
        hue = (base + step) % 360
        img = Image.new("HSV", (1, 1), (hue * 255 // 360, 150 + step % 90, 200))
        r, g, b = img.convert("RGB").getpixel((0, 0))  # type: ignore[misc]
        colours.append((int(r), int(g), int(b)))
    return colours


@lru_cache(maxsize=256)
def lead_image(key: str, caption: str, seed: int = 0) -> bytes:
    """A small JPEG for `key`: same key and seed, same bytes (shapes, stripes and a caption)."""
    digest = hashlib.sha256(f"{seed}:{key}".encode()).digest()
    rng = random.Random(digest)
    colours = _palette(rng)
    img = Image.new("RGB", (WIDTH, HEIGHT), colours[0])
    draw = ImageDraw.Draw(img)
    for _ in range(6):
        x, y = rng.randrange(WIDTH), rng.randrange(HEIGHT)
        r = rng.randrange(20, 110)
        shape = rng.choice(("ellipse", "rectangle"))
        box = (x - r, y - r, x + r, y + r)
        fill = colours[rng.randrange(1, 4)]
        if shape == "ellipse":
            draw.ellipse(box, fill=fill)
        else:
            draw.rectangle(box, fill=fill)
    draw.rectangle((0, HEIGHT - 36, WIDTH, HEIGHT), fill=(20, 20, 20))
    font = ImageFont.load_default()
    text = caption.encode("ascii", "replace").decode()[:70]
    draw.text((10, HEIGHT - 28), text, fill=(240, 240, 240), font=font)
    out = io.BytesIO()
    img.save(out, format="JPEG", quality=70, optimize=False)
    return out.getvalue()
