"""One fetched image in, its checked and re-encoded renditions out (CPU work, off the loop).

`process_image` is a top-level function on plain data so a process pool can run it.
Nothing of the original file reaches a reader: every rendition is decoded pixels
encoded again, so markup, EXIF (GPS, camera serials) and trailing payloads are gone.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageFile, ImageOps

from jarida.media.checks import ImageRefused, check_bytes, check_pixels
from jarida.media.phash import perceptual_hash

WEBP_QUALITY = 80
WEBP_METHOD = 0
JPEG_QUALITY = 82


@dataclass(frozen=True)
class ImageJob:
    data: bytes
    widths: tuple[int, ...]
    max_bytes: int
    max_pixels: int
    jpeg: bool = False


@dataclass(frozen=True)
class Processed:
    sha256: str  # of the bytes as fetched: the same file is stored once
    width: int  # after EXIF orientation
    height: int
    phash: str  # 16 hex digits
    renditions: dict[tuple[int, str], bytes]  # (width, "webp" | "jpg") -> encoded bytes

    @property
    def widths(self) -> tuple[int, ...]:
        return tuple(sorted({w for w, _ in self.renditions}))


def process_image(job: ImageJob) -> Processed:
    """Check, decode (first frame), orient, strip and re-encode; ImageRefused when unfit."""
    fmt = check_bytes(job.data, job.max_bytes)
    picture = _decode(job.data, fmt, job.max_pixels, max(job.widths, default=0))
    renditions: dict[tuple[int, str], bytes] = {}
    # Widest first, each narrower one scaled from the previous: less work than scaling the
    # original every time, and the smallest one feeds the perceptual hash.
    scaled = picture
    for width in reversed(rendition_widths(picture.width, job.widths)):
        scaled = _scaled(scaled, width)
        renditions[(width, "webp")] = _encode(scaled, "WEBP")
        if job.jpeg:
            renditions[(width, "jpg")] = _encode(scaled, "JPEG")
    return Processed(
        sha256=hashlib.sha256(job.data).hexdigest(),
        width=picture.width,
        height=picture.height,
        phash=perceptual_hash(scaled),
        renditions=renditions,
    )


def rendition_widths(original: int, wanted: tuple[int, ...]) -> list[int]:
    """The configured widths narrower than the original, and the original's width capped
    at the widest one: pictures are never enlarged."""
    widest = max(wanted) if wanted else original
    out = {w for w in wanted if w < original}
    out.add(min(original, widest))
    return sorted(out)


def _decode(data: bytes, fmt: str, max_pixels: int, widest: int) -> Image.Image:
    ImageFile.LOAD_TRUNCATED_IMAGES = False  # a truncated file is refused, never padded
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data), formats=[fmt]) as img:
                # Only the header has been read: refuse oversized pictures before decoding.
                check_pixels(img.width, img.height, max_pixels)
                if fmt == "PNG":
                    img.verify()  # chunk CRCs and the end chunk; the image must be reopened
            # Not a `with` block: closing an image drops its pixels, and these pixels are
            # used after it (copying 1200 x 800 pixels twice was a sixth of the work).
            img = Image.open(io.BytesIO(data), formats=[fmt])
            img.seek(0)  # an animation keeps its first frame only
            if fmt == "JPEG" and widest:
                # Decode at 1/2, 1/4 or 1/8 scale when still wider than the widest
                # rendition: a 4000-pixel photo costs a fraction of a full decode.
                img.draft("RGB", (widest, max(1, img.height * widest // img.width)))
            img.load()
            ImageOps.exif_transpose(img, in_place=True)
            picture = _plain_pixels(img)
        except ImageRefused:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise ImageRefused(f"decompression bomb: {exc}") from None
        except (OSError, SyntaxError, ValueError, EOFError) as exc:
            raise ImageRefused(f"not a readable {fmt} image: {exc}") from None
    check_pixels(picture.width, picture.height, max_pixels)
    return picture


def _plain_pixels(img: Image.Image) -> Image.Image:
    """RGB or RGBA pixels with no metadata attached (EXIF, ICC, comments, XMP)."""
    has_alpha = img.mode in ("RGBA", "LA", "PA") or (
        img.mode == "P" and "transparency" in img.info
    )
    mode = "RGBA" if has_alpha else "RGB"
    # The decoded image is this module's own: metadata is dropped in place, not copied
    # away (encoders read EXIF, ICC and XMP only from `info` and the save arguments).
    plain = img if img.mode == mode else img.convert(mode)
    plain.info.clear()
    return plain


def _scaled(picture: Image.Image, width: int) -> Image.Image:
    if width >= picture.width:
        return picture
    height = max(1, round(picture.height * width / picture.width))
    # Box (area averaging): every source pixel counts once, which is all a downscale
    # needs. Measured for 1200 to 1024 pixels: 6.2 ms against 9.1 (bilinear), 16.9
    # (bicubic) and 23.3 (Lanczos).
    return picture.resize((width, height), Image.Resampling.BOX)


def _encode(picture: Image.Image, fmt: str) -> bytes:
    out = io.BytesIO()
    if fmt == "WEBP":
        # method 0 of 0-6: 9.8 ms against 13.2 (method 1) and 49 (the default 4) for 1024
        # pixels; files about 9 % larger than method 1
        picture.save(out, format="WEBP", quality=WEBP_QUALITY, method=WEBP_METHOD)
    else:
        rgb = picture.convert("RGB") if picture.mode != "RGB" else picture
        rgb.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return out.getvalue()
