"""`jarida serve --workers 2`: a block reaches both processes' page caches at once."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import httpx

from tests.web.seeding import MEDIA_DIR, Seeded
from tests.web.test_server_workers import _fresh_connections, _serving

ENV = {"JARIDA_TRUSTED_PROXIES": "127.0.0.1/32", "JARIDA_MEDIA_DIR": MEDIA_DIR}


def test_a_block_is_seen_by_every_process(seeded_template: tuple[Path, Seeded],
                                           tmp_path: Path) -> None:
    template, seeded = seeded_template
    db_file = tmp_path / "served.db"
    shutil.copyfile(template, db_file)
    article = seeded.ids["fr0"]
    with _serving(db_file, "--workers", "2", env=ENV) as served, \
            _fresh_connections(served.base) as http:
        assert len(served.processes()) == 2
        image = http.get(f"/api/articles/{article}").json()["image_id"]
        src = f"/media/{image}/320.webp"
        for _ in range(40):  # fill both processes' page caches
            assert src in http.get(f"/articles/{article}").text
            assert src in http.get("/").text
        for n, network in enumerate(("203.0.113.4", "198.51.100.4", "192.0.2.4")):
            answer = httpx.post(f"{served.base}/api/images/{image}/reports",
                                json={"reason": "violence"},
                                headers={"X-Forwarded-For": network}, timeout=5)
            assert answer.status_code == 202 and answer.json()["blocked"] is (n == 2)
        blocked_at = time.monotonic()
        seen = 0
        while seen < 40:  # 40 fresh connections in a row, spread over both processes
            page, home = http.get(f"/articles/{article}").text, http.get("/").text
            seen = seen + 1 if src not in page and src not in home else 0
            assert time.monotonic() - blocked_at < 30, "a process kept the old page"
        lag = time.monotonic() - blocked_at
        assert "image-withdrawn" in page and http.get(src).status_code == 410
        feed = http.get("/feed.atom").text
        assert src not in feed
        print(f"two processes: every page without the image {lag:.2f} s after the block "
              "(including the 80 requests that confirm it)")
