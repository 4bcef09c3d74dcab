"""After a crawl of the demo web: images are Jarida's copies; the hostile outlet's never show."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from jarida.storage import images as image_store
from jarida.web import create_app


def test_images_are_served_by_jarida_and_hostile_ones_never(crawled: tuple[Any, ...]) -> None:
    web, db, settings, _ = crawled
    client = TestClient(create_app(settings, db), base_url=settings.base_url)
    items = client.get("/api/articles", params={"limit": 100}).json()["items"]
    shown = [i for i in items if i["image_url"]]
    assert len(shown) >= len(items) * 0.5
    for item in shown[:10]:
        assert item["image_url"].startswith(settings.base_url + "/media/")
        assert web.base_url not in item["image_url"]
        path = item["image_url"][len(settings.base_url):]
        answer = client.get(path)
        assert answer.status_code == 200 and answer.headers["content-type"] == "image/webp"
    hostile = client.get("/api/articles", params={"source": "atlas-tech", "limit": 100}).json()
    assert hostile["items"]
    assert all(i["image_url"] is None for i in hostile["items"])
    with db.read() as conn:
        counts = image_store.image_status_counts(conn)
        for item in hostile["items"]:
            for image in image_store.images_of_article(conn, item["id"]):
                assert image.status == "failed", image
    assert counts.get("ok", 0) >= len(shown)
