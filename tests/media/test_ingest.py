"""Pending images fetched once through the Fetcher, stored, and served by id only."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from jarida.crawl import Fetcher
from jarida.demo.hostile_images import HOSTILE, hostile_image
from jarida.media.ingest import fetch_pending_images
from jarida.storage import Database
from jarida.storage import images as image_store
from jarida.storage.tables import articles, media
from jarida.web import create_app
from tests.crawl.conftest import make_settings
from tests.web.seeding import BASE_URL, picture, seed
from tests.webserver import TestServer


@pytest.fixture
def web() -> Iterator[TestServer]:
    with TestServer() as server:
        yield server


def test_pending_images_are_fetched_once_stored_and_served(
    web: TestServer, tmp_path: Path
) -> None:
    db = Database.open(f"sqlite:///{tmp_path / 'j.db'}")
    db.upgrade()
    ids = seed(db).ids
    settings = make_settings(media_dir=str(tmp_path / "media"),
                             database_url=str(db.engine.url), base_url=BASE_URL)
    web.route("/good.jpg", picture(), headers={"Content-Type": "image/jpeg"})
    names = sorted(HOSTILE)
    for name in names:
        web.route(f"/{name}", hostile_image(name), headers={"Content-Type": "image/jpeg"})
    pairs = [(ids["fr1"], web.url("/good.jpg")), (ids["fr2"], web.url("/good.jpg"))]
    pairs += [(ids[f"fr{3 + n}"], web.url(f"/{name}")) for n, name in enumerate(names)]
    with db.write() as conn:  # as the crawler's after-store hook registers them
        image_store.ensure_images(conn, pairs)
        for article_id, url in pairs:
            conn.execute(update(articles).where(articles.c.id == article_id)
                         .values(image_url=url))

    async def run() -> object:
        async with Fetcher(settings) as fetcher:
            return await fetch_pending_images(fetcher, db, None, settings)

    report = asyncio.run(run())
    assert web.count("/good.jpg") == 1  # two articles, one fetch
    assert report.stored == 1 and report.refused == len(names)  # type: ignore[attr-defined]
    with db.read() as conn:
        stored = conn.execute(media.select()).all()
        rows = {i.url: i for a, _ in pairs for i in image_store.images_of_article(conn, a)}
    assert len(stored) == 1
    files = sorted(p.relative_to(tmp_path / "media") for p in (tmp_path / "media").rglob("*.webp"))
    sha = stored[0].sha256
    expected = [f"{sha[:2]}/{sha[2:4]}/{sha}-{w}.webp" for w in (320, 640, 800)]
    assert [str(f) for f in files] == expected
    assert all(rows[web.url(f"/{n}")].status == "failed" for n in names)
    good = rows[web.url("/good.jpg")]
    assert good.status == "ok"

    # The route serves by id only: the outlet is never asked again, hostile ids are 404.
    before = len(web.requests)
    client = TestClient(create_app(settings, db, version_ttl=0), base_url=BASE_URL)
    answer = client.get(f"/media/{good.id}/640.webp")
    assert answer.status_code == 200 and answer.content[:4] == b"RIFF"
    assert answer.headers["content-type"] == "image/webp"
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["content-security-policy"] == "default-src 'none'; sandbox"
    assert "max-age" in answer.headers["cache-control"]
    again = client.get(f"/media/{good.id}/640.webp",
                       headers={"If-None-Match": answer.headers["etag"]})
    assert again.status_code == 304
    for name in names:
        assert client.get(f"/media/{rows[web.url('/' + name)].id}/320.webp").status_code == 404
    assert client.get(f"/media/{good.id}/500.webp").status_code == 404
    assert client.get("/media/999/320.webp").status_code == 404
    assert client.get("/media/../../etc/passwd").status_code == 404
    page = client.get(f"/articles/{good.article_id}").text
    assert f"/media/{good.id}/320.webp 320w" in page and web.url("/") not in page
    assert len(web.requests) == before
    assert os.listdir(tmp_path / "media")
    db.close()
