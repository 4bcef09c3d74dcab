"""A stored article's image is fetched during the crawl pass, as backlog in its host's queue.

Images were fetched after the whole pass, outside the scheduler: an outlet's picture
waited for every other outlet's last page. Now each is queued in its own host's queue as
soon as its article is written, behind that host's fresh pages.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from jarida.pipeline.crawler import Crawler
from jarida.settings import Settings
from jarida.storage import Database
from jarida.storage import images as image_store
from tests.pipeline.site import article_page, publish
from tests.pipeline.test_crawl import all_articles, register
from tests.web.seeding import picture
from tests.webserver import TestServer


def _with_image(page: str, url: str) -> str:
    return page.replace("</head>", f'<meta property="og:image" content="{url}"></head>')


def test_an_image_is_fetched_while_other_pages_are_still_coming(
    web: TestServer, settings: Settings, db: Database, tmp_path: Path
) -> None:
    publish(web, 5)
    # The newest article's picture is on another host name (a CDN, say): localhost.
    image_url = web.url("/img.jpg").replace("127.0.0.1", "localhost")
    web.route("/a/1", _with_image(article_page(1, "Le plan numéro 1 adopté"), image_url),
              headers={"Content-Type": "text/html; charset=utf-8"})
    web.route("/img.jpg", picture(), headers={"Content-Type": "image/jpeg"})
    # the oldest entry, fetched last, slow enough for the first article's extraction and
    # write (the worker process starts then) even on a loaded machine
    web.route("/a/5", article_page(5, "Le dernier article arrive tard"),
              headers={"Content-Type": "text/html; charset=utf-8"}, delay=5.0)
    register(db, web.url("/feed.xml"))
    with_images = settings.model_copy(update={
        "media_dir": str(tmp_path / "media"),
        "private_network_allowlist": ["127.0.0.1", "::1"], "total_timeout": 10.0,
    })

    async def go() -> tuple[bool, int]:
        async with Crawler(with_images, db) as crawler:
            task = asyncio.create_task(crawler.crawl_once(force=True))
            early = False
            while not task.done():
                if web.count("/img.jpg") and len(all_articles(db)) < 5:
                    early = True  # fetched while the slow page was still on its way
                    break
                await asyncio.sleep(0.05)
            await task
            return early, crawler.images.stored

    early, stored = asyncio.run(go())
    assert early
    assert stored == 1 and web.count("/img.jpg") == 1
    assert len(all_articles(db)) == 5
    with db.read() as conn:
        (article,) = [a for a in all_articles(db) if a.canonical_url.endswith("/a/1")]
        (image,) = image_store.images_of_article(conn, article.id)
    assert image.status == "ok"


def test_one_picture_in_several_articles_is_fetched_once(
    web: TestServer, settings: Settings, db: Database, tmp_path: Path
) -> None:
    publish(web, 4, delay=0.2)  # written one by one: the picture's rows come in apart
    image_url = web.url("/shared.jpg")
    for n in (1, 3, 4):
        web.route(f"/a/{n}", _with_image(article_page(n, f"Le plan numéro {n}"), image_url),
                  headers={"Content-Type": "text/html; charset=utf-8"}, delay=0.2)
    web.route("/shared.jpg", picture(seed=3), headers={"Content-Type": "image/jpeg"})
    register(db, web.url("/feed.xml"))
    with_images = settings.model_copy(update={"media_dir": str(tmp_path / "media")})

    async def go() -> int:
        async with Crawler(with_images, db) as crawler:
            await crawler.crawl_once(force=True)
            return crawler.images.stored

    assert asyncio.run(go()) == 1
    assert web.count("/shared.jpg") == 1
    with db.read() as conn:
        rows = [i for a in all_articles(db) for i in image_store.images_of_article(conn, a.id)]
    assert len(rows) == 3 and {r.status for r in rows} == {"ok"}
