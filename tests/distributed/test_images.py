"""Images in distributed mode: each stored article's picture is its own message, fetched
through the fleet's pacer, processed and stored once, on RabbitMQ and on Redis."""

from __future__ import annotations

import io
import itertools
from collections.abc import Callable
from pathlib import Path

from PIL import Image
from sqlalchemy import select

from jarida.distributed.scheduler import enqueue_due
from jarida.storage.tables import images
from tests.distributed.conftest import Fleet
from tests.pipeline.site import article_page, publish
from tests.webserver import TestServer


def _photo(shade: int) -> bytes:
    img = Image.linear_gradient("L").resize((700, 500)).point(lambda v: (v + shade) % 256)
    out = io.BytesIO()
    img.convert("RGB").save(out, format="JPEG")
    return out.getvalue()


def test_workers_fetch_and_store_article_images(fleet_factory: Callable[..., Fleet],
                                                broker_url: str, web: TestServer,
                                                tmp_path: Path) -> None:
    fleet = fleet_factory(broker_url, image_fetch_limit=50, media_dir=str(tmp_path))
    publish(web, count=3)
    pictures = {1: "/img/a.jpg", 2: "/img/b.jpg", 3: "/img/a.jpg"}  # 1 and 3 share one
    for n, path in pictures.items():
        web.route(f"/a/{n}", article_page(n, f"Mobilité urbaine : le plan numéro {n} adopté",
                                          f'<figure><img src="{path}"></figure>'),
                  headers={"Content-Type": "text/html; charset=utf-8"})
    web.route("/img/a.jpg", _photo(0), headers={"Content-Type": "image/jpeg"})
    web.route("/img/b.jpg", _photo(90), headers={"Content-Type": "image/jpeg"})
    fleet.register(web.url("/feed.xml"))
    enqueue_due(fleet.db, fleet.app.send_poll, owner="test")
    fleet.start_worker(threads=3)

    def statuses() -> list[str]:
        with fleet.db.read() as conn:
            return [str(s) for s in conn.execute(select(images.c.status)).scalars()]

    fleet.wait_for(lambda: fleet.stored() == 3 and statuses() == ["ok"] * 3, 60,
                   "three articles with their images")
    with fleet.db.read() as conn:
        shas = {str(s) for s in conn.execute(select(images.c.sha256)).scalars()}
    assert len(shas) == 2  # two pictures, the shared one stored once
    assert len(list(tmp_path.rglob("*.webp"))) >= 2  # renditions in the media store
    assert web.count("/img/a.jpg") == 1 and web.count("/img/b.jpg") == 1
    # Images share the host's turns with pages: never two requests at once, gap kept.
    starts = sorted(r.at for r in web.requests)
    assert min(b - a for a, b in itertools.pairwise(starts)) >= 0.2 - 0.01
