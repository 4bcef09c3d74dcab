"""The media checks and re-encoding: real pictures in, hostile files refused."""

from __future__ import annotations

import io
import resource
import subprocess
import sys

import pytest
from PIL import Image

from jarida.demo.hostile_images import HOSTILE, hostile_image, png_bomb
from jarida.media.checks import ImageRefused
from jarida.media.phash import distance
from jarida.media.process import ImageJob, process_image, rendition_widths

WIDTHS = (320, 640, 1024)


def job(data: bytes, **kw: object) -> ImageJob:
    base: dict[str, object] = {"widths": WIDTHS, "max_bytes": 8 << 20, "max_pixels": 40_000_000}
    base.update(kw)
    return ImageJob(data=data, **base)  # type: ignore[arg-type]


def photo(size: tuple[int, int] = (800, 600), fmt: str = "JPEG", **save: object) -> bytes:
    img = Image.linear_gradient("L").resize(size).convert("RGB")
    out = io.BytesIO()
    img.save(out, format=fmt, **save)
    return out.getvalue()


def test_a_jpeg_becomes_webp_renditions_never_enlarged() -> None:
    out = process_image(job(photo((800, 600))))
    assert out.widths == (320, 640, 800)
    for (width, ext), data in out.renditions.items():
        assert ext == "webp" and data[:4] == b"RIFF" and data[8:12] == b"WEBP"
        assert Image.open(io.BytesIO(data)).width == width
    assert len(out.phash) == 16 and len(out.sha256) == 64


def test_jpeg_renditions_where_asked() -> None:
    out = process_image(job(photo((400, 300)), jpeg=True))
    assert {ext for _, ext in out.renditions} == {"webp", "jpg"}


def test_rendition_widths() -> None:
    assert rendition_widths(100, WIDTHS) == [100]
    assert rendition_widths(5000, WIDTHS) == [320, 640, 1024]


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_images_are_refused(name: str) -> None:
    with pytest.raises(ImageRefused):
        process_image(job(hostile_image(name)))


def test_refusal_reasons_are_specific() -> None:
    with pytest.raises(ImageRefused, match="SVG"):
        process_image(job(hostile_image("script.svg")))
    with pytest.raises(ImageRefused, match="polyglot"):
        process_image(job(hostile_image("polyglot.jpg")))
    with pytest.raises(ImageRefused, match="pixels"):
        process_image(job(hostile_image("bomb.png")))
    with pytest.raises(ImageRefused, match="larger than"):
        process_image(job(photo(), max_bytes=1024))


def test_a_png_bomb_is_refused_in_bounded_memory() -> None:
    """In a fresh process capped at 512 MB of address space: decoding the bomb would need
    2.5 GB; the refusal comes from the header alone."""
    code = (
        "import resource; resource.setrlimit(resource.RLIMIT_AS, (512 << 20, 512 << 20))\n"
        "from jarida.demo.hostile_images import png_bomb\n"
        "from jarida.media.checks import ImageRefused\n"
        "from jarida.media.process import ImageJob, process_image\n"
        "try:\n"
        "    process_image(ImageJob(png_bomb(), (320,), 8 << 20, 40_000_000))\n"
        "except ImageRefused as exc:\n"
        "    print('refused', exc)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=100, check=False)
    assert done.stdout.startswith("refused"), done.stderr[-2000:]
    assert len(png_bomb()) < 200_000
    assert resource.RLIMIT_AS  # the cap above is real on this platform


def test_exif_orientation_applied_then_stripped() -> None:
    img = Image.new("RGB", (400, 200), (10, 200, 10))
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    exif[0x010F] = "SecretCam"
    out = io.BytesIO()
    img.save(out, format="JPEG", exif=exif.tobytes())
    result = process_image(job(out.getvalue()))
    assert (result.width, result.height) == (200, 400)
    for data in result.renditions.values():
        shown = Image.open(io.BytesIO(data))
        assert not shown.getexif() and b"SecretCam" not in data


def test_no_metadata_survives_in_any_rendition_even_unresized() -> None:
    # Narrower than every width: the decoded picture itself is encoded, in both formats.
    img = Image.new("RGB", (300, 200), (200, 10, 10))
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"
    out = io.BytesIO()
    img.save(out, format="JPEG", exif=exif.tobytes(), comment=b"SecretComment",
             icc_profile=b"SecretProfile" * 20)
    result = process_image(job(out.getvalue(), jpeg=True))
    assert {fmt for _, fmt in result.renditions} == {"webp", "jpg"}
    for data in result.renditions.values():
        shown = Image.open(io.BytesIO(data))
        assert not shown.getexif() and "icc_profile" not in shown.info
        assert b"Secret" not in data


def test_animated_gif_keeps_its_first_frame() -> None:
    frames = [Image.new("RGB", (64, 64), c) for c in ((255, 0, 0), (0, 0, 255))]
    out = io.BytesIO()
    frames[0].save(out, format="GIF", save_all=True, append_images=frames[1:], loop=0)
    result = process_image(job(out.getvalue()))
    shown = Image.open(io.BytesIO(result.renditions[(64, "webp")]))
    assert getattr(shown, "n_frames", 1) == 1
    r, _g, b = shown.convert("RGB").getpixel((32, 32))  # type: ignore[misc]
    assert r > 200 and b < 50


def test_a_resized_copy_has_a_near_perceptual_hash() -> None:
    a = process_image(job(photo((800, 600))))
    b = process_image(job(photo((640, 480), quality=60)))
    other = process_image(job(_noise()))
    assert distance(a.phash, b.phash) <= 3
    assert distance(a.phash, other.phash) > 10


def _noise() -> bytes:
    import random

    rng = random.Random(4)
    img = Image.new("RGB", (300, 200))
    img.putdata([(rng.randrange(256), rng.randrange(256), rng.randrange(256))
                 for _ in range(300 * 200)])
    out = io.BytesIO()
    img.save(out, format="PNG")
    return out.getvalue()
