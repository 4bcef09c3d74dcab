"""Image benchmark: the image route beside nginx serving the same WebP, and crawl-time
processing (check, decode, three WebP widths, perceptual hash) per image, in one run.

1. a database with one article whose lead image is stored the way the crawler stores it;
   its widest rendition is chosen to weigh about 60 KB (a photo-like picture);
2. `jarida serve` (one process) and nginx serving that very file at the same path; wrk
   with the same connections, threads and duration on both, after a warm-up each;
3. in a separate process, `process_image` over N photo-like 1200×800 JPEGs (the size of
   a typical news lead image): median and p95 wall and CPU time per image, then the
   peak resident memory of that process (VmHWM), the decompression bomb included.

    python -m bench.images [--duration 10] [--connections 50] [--images 60]
"""

from __future__ import annotations

import argparse
import io
import json
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.common import RESULTS, machine, replace_section, today
from bench.static_site import serve_with_nginx
from bench.web import fetch, start_jarida, wrk

TARGET_RATIO = 0.5
TARGET_P99_MS = 20.0
TARGET_PROCESS_MS = 30.0
WIDTHS = (320, 640, 1024)


def photo(seed: int, width: int = 1200, height: int = 800, grain: float = 0.08) -> bytes:
    """A photo-like JPEG: soft shapes over a gradient, blurred, with some sensor grain."""
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(seed)
    img = Image.linear_gradient("L").rotate(rng.randrange(360)).resize((width, height))
    img = img.convert("RGB")
    draw = ImageDraw.Draw(img)
    for _ in range(12):
        x, y, r = rng.randrange(width), rng.randrange(height), rng.randrange(30, 250)
        draw.ellipse((x - r, y - r, x + r, y + r),
                     fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    img = img.filter(ImageFilter.GaussianBlur(3))
    noise = Image.effect_noise((width, height), 12).convert("RGB")
    img = Image.blend(img, noise, grain)
    out = io.BytesIO()
    img.save(out, format="JPEG", quality=88)
    return out.getvalue()


def sixty_kb_picture() -> bytes:
    """A photo whose 1024-pixel WebP rendition weighs about 60 KB (more grain, more bytes)."""
    from jarida.media.process import ImageJob, process_image

    best, best_gap = b"", float("inf")
    for grain in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7):
        data = photo(1, grain=grain)
        size = len(process_image(ImageJob(data, WIDTHS, 8 << 20, 40_000_000))
                   .renditions[(1024, "webp")])
        if abs(size - 60_000) < best_gap:
            best, best_gap = data, abs(size - 60_000)
    return best


def build_site(folder: Path) -> tuple[Path, str, bytes]:
    """A migrated database with one article and its stored image; (db, the widest
    rendition's path on the site, its bytes)."""
    from jarida.media.ingest import image_job, record_image, write_renditions
    from jarida.media.process import process_image
    from jarida.media.store import MediaStore
    from jarida.model import ArticleRecord, SourceSpec
    from jarida.settings import Settings
    from jarida.storage import Database
    from jarida.storage import articles as article_store
    from jarida.storage import images as image_store
    from jarida.storage import sources as source_store

    db_path = folder / "images.db"
    settings = Settings(database_url=f"sqlite:///{db_path}", media_dir=str(folder / "media"))
    db = Database.open(settings.database_url)
    db.upgrade()
    url = "https://outlet.example/photo.jpg"
    with db.write() as conn:
        source = source_store.insert_source(conn, SourceSpec(slug="outlet", name="Outlet"))
        now = datetime.now(UTC)
        (saved,) = article_store.save_articles(conn, [ArticleRecord(
            source_id=source, feed_id=None, url="https://outlet.example/a",
            canonical_url="https://outlet.example/a", title="A photo", text="Text.",
            html="<p>Text.</p>", excerpt="Text.", content_hash="0" * 64, fetched_at=now,
            image_url=url)])
        image_store.ensure_images(conn, [(saved.article_id, url)])
        (image_id,) = [i.id for i in image_store.images_of_article(conn, saved.article_id)]
    processed = process_image(image_job(sixty_kb_picture(), settings))
    write_renditions(MediaStore(settings.media_dir), processed)
    with db.write() as conn:
        record_image(conn, settings, [image_id], processed)
    db.close()
    width = max(w for w, _ in processed.renditions)
    return db_path, f"/media/{image_id}/{width}.webp", processed.renditions[(width, "webp")]


_PROCESS = """
import json, resource, statistics, sys, time
sys.path.insert(0, {root!r})
from bench.images import photo, WIDTHS
from jarida.demo.hostile_images import png_bomb
from jarida.media.checks import ImageRefused
from jarida.media.process import ImageJob, process_image
from jarida.pipeline.extraction import worker_start
worker_start()  # as in the crawl's worker processes, where images are processed
images = [photo(seed) for seed in range({count})]
process_image(ImageJob(images[0], WIDTHS, 8 << 20, 40_000_000))  # imports, first use
wall, cpu = [], []
for data in images:
    t, c = time.perf_counter(), time.process_time()
    process_image(ImageJob(data, WIDTHS, 8 << 20, 40_000_000))
    wall.append((time.perf_counter() - t) * 1000)
    cpu.append((time.process_time() - c) * 1000)
try:
    process_image(ImageJob(png_bomb(), WIDTHS, 8 << 20, 40_000_000))
except ImageRefused:
    pass
q = statistics.quantiles
print(json.dumps({{"images": len(images), "jpeg_bytes_median": statistics.median(map(len, images)),
    "wall_median_ms": statistics.median(wall), "wall_p95_ms": q(wall, n=20)[-1],
    "cpu_median_ms": statistics.median(cpu), "cpu_p95_ms": q(cpu, n=20)[-1],
    "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def processing(count: int) -> dict[str, Any]:
    root = str(Path(__file__).resolve().parents[1])
    done = subprocess.run([sys.executable, "-c", _PROCESS.format(root=root, count=count)],
                          capture_output=True, text=True, check=True, timeout=1800)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of warm-up per target")
    parser.add_argument("--connections", type=int, default=50, help="wrk connections")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--images", type=int, default=60, help="JPEGs processed")
    parser.add_argument("--no-doc", action="store_true", help="do not rewrite docs/benchmarks.md")
    args = parser.parse_args()
    result: dict[str, Any] = {
        "date": today(), "time": time.strftime("%H:%M UTC", time.gmtime()),
        "machine": machine(), "load_before": load_average(),
        "command": " ".join([".venv/bin/python -m bench.images", *sys.argv[1:]]),
    }
    common = {"duration": args.duration, "connections": args.connections,
              "threads": args.threads}
    warm = {**common, "duration": args.warmup}
    with tempfile.TemporaryDirectory(prefix="jarida-bench-images-") as name:
        tmp = Path(name)
        db_path, path, body = build_site(tmp)
        result["webp_bytes"] = len(body)
        server = start_jarida(db_path, {"JARIDA_MEDIA_DIR": str(tmp / "media")}, [])
        try:
            if fetch(server.base + path) != body:
                raise RuntimeError("jarida does not serve the stored rendition")
            www = tmp / "www" / path.lstrip("/")
            www.parent.mkdir(parents=True)
            www.write_bytes(body)  # the very bytes of the stored rendition
            tmp.chmod(0o755)
            with serve_with_nginx(tmp / "www", probe=path) as nginx:
                if fetch(nginx + path) != body:
                    raise RuntimeError("nginx does not serve the same bytes")
                wrk(nginx + path, **warm)
                result["nginx"] = wrk(nginx + path, **common)
            wrk(server.base + path, **warm)
            result["jarida"] = wrk(server.base + path, **common)
        finally:
            server.stop()
    result["processing"] = processing(args.images)
    result["load_after"] = load_average()
    j, n, p = result["jarida"], result["nginx"], result["processing"]
    result["targets"] = {
        "ratio": j["rps"] / n["rps"], "ratio_met": j["rps"] / n["rps"] >= TARGET_RATIO,
        "p99_met": j["p99_ms"] <= TARGET_P99_MS,
        "process_median_met": p["wall_median_ms"] <= TARGET_PROCESS_MS,
        "process_cpu_median_met": p["cpu_median_ms"] <= TARGET_PROCESS_MS,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "images.json").write_text(json.dumps(result, indent=2))
    if not args.no_doc:
        replace_section("images", markdown(result))
    print(json.dumps(result, indent=2))


def _met(ok: bool) -> str:
    return "met" if ok else "**not met**"


def markdown(r: dict[str, Any]) -> str:
    j, n, p, t = r["jarida"], r["nginx"], r["processing"], r["targets"]
    return "\n".join([
        f"## Images ({r['date']}, {r['time']})",
        "",
        f"Machine: {r['machine']}; load average {r['load_before']} before, "
        f"{r['load_after']} after (other engineers' jobs share these 2 cores).",
        f"Command: `{r['command']}`.",
        "",
        f"Serving one stored {r['webp_bytes']:,}-byte WebP (`GET /media/<id>/1024.webp`, "
        f"one `jarida serve` process) and nginx serving the same file; wrk "
        f"{j['command'].split(' http')[0].removeprefix('wrk ')}:",
        "",
        "| server | requests/s | vs nginx | p50 ms | p99 ms | target |",
        "|---|---|---|---|---|---|",
        f"| nginx (1 worker, sendfile) | {n['rps']:,.0f} | 1.00× | {n['p50_ms']:.1f} | "
        f"{n['p99_ms']:.1f} | |",
        f"| Jarida image route | {j['rps']:,.0f} | {t['ratio']:.2f}× | {j['p50_ms']:.1f} | "
        f"{j['p99_ms']:.1f} | ≥ 0.5× {_met(t['ratio_met'])}, p99 ≤ 20 ms "
        f"{_met(t['p99_met'])} |",
        "",
        f"Crawl-time processing of {p['images']} photo-like 1200×800 JPEGs (median "
        f"{p['jpeg_bytes_median'] / 1024:.0f} KB): checks, decode, widths 320/640/1024 in "
        f"WebP, perceptual hash, one process:",
        "",
        "| per image | median ms | p95 ms | target |",
        "|---|---|---|---|",
        f"| wall time | {p['wall_median_ms']:.1f} | {p['wall_p95_ms']:.1f} | ≤ 30 ms "
        f"{_met(t['process_median_met'])} |",
        f"| CPU time | {p['cpu_median_ms']:.1f} | {p['cpu_p95_ms']:.1f} | ≤ 30 ms "
        f"{_met(t['process_cpu_median_met'])} |",
        "",
        "Peak resident memory of that process, a 50,000 × 50,000 PNG bomb included: "
        f"{p['peak_rss_mb']:.0f} MB (the bomb is refused from its header).",
    ])


if __name__ == "__main__":
    main()
