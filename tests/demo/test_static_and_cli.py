"""The web can be written to files, and `python -m jarida.demo.server` serves it standalone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx

from jarida.demo import generate_static


def test_generate_static_writes_pages_feeds_and_images(tmp_path: Path) -> None:
    count = generate_static(tmp_path, scale=300, seed=7)
    assert count > 300 + 2 * 120
    assert (tmp_path / "robots.txt").read_text().startswith("User-agent: *")
    assert (tmp_path / "courrier-atlas" / "rss.xml").exists()
    assert (tmp_path / "echo-souss" / "index.html").exists()
    assert (tmp_path / "presse-000" / "archives" / "0.html").stat().st_size > 30_000
    assert list((tmp_path / "akhbar-maghrib" / "images").glob("*.jpg"))


def test_standalone_server_prints_its_url_and_serves() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "jarida.demo.server", "--port", "0", "--seed", "3"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        base = line.split(" on ")[1].split("/ ")[0]
        assert httpx.get(f"{base}/robots.txt", timeout=5).status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=5)
