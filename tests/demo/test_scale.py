"""Scale mode is lazy: any of 100,000 (or 1,000,000) articles and sitemap pages come fast."""

from __future__ import annotations

import time

from lxml import etree

from jarida.demo import DemoWeb
from jarida.demo.site import Site

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BASE = "http://127.0.0.1:8080"


def test_hundred_thousand_articles_served_lazily() -> None:
    started = time.monotonic()
    site = Site(7, 100_000)
    scale = site.scale
    last = scale.article(99_999, light=True)
    reply = site.get(last.path, {}, BASE, 0)
    assert reply.status == 200 and last.title.encode() in reply.body
    assert time.monotonic() - started < 2.0


def test_sitemaps_page_through_every_generated_article() -> None:
    site = Site(7, 100_000)
    index = etree.fromstring(site.get("/scale/sitemap-index.xml", {}, BASE, 0).body)
    pages = [str(e.text) for e in index.iter(f"{NS}loc")]
    assert len(pages) >= 20
    seen = 0
    started = time.monotonic()
    for url in pages:
        body = site.get(url.removeprefix(BASE), {}, BASE, 0).body
        locs = etree.fromstring(body).findall(f"{NS}url")
        assert 1 <= len(locs) <= 10_000
        seen += len(locs)
    assert seen == 100_000
    assert time.monotonic() - started < 10


def test_scale_pages_are_realistically_heavy() -> None:
    site = Site(7, 100_000)
    sizes = []
    for k in range(0, 100_000, 497):
        a = site.scale.article(k, light=True)
        reply = site.get(a.path, {}, BASE, 0)
        assert reply.status == 200
        sizes.append(len(reply.body))
    assert min(sizes) >= 30_000 and max(sizes) <= 120_000, (min(sizes), max(sizes))


def test_million_articles_last_one_is_quick_and_sources_list_sitemaps() -> None:
    web = DemoWeb(seed=7, scale=1_000_000)
    started = time.monotonic()
    a = web.site.scale.article(999_999, light=True)
    assert web.site.get(a.path, {}, BASE, 0).status == 200
    assert time.monotonic() - started < 1.0
    generated = [s for s in web.sources() if s.slug.startswith("presse-")]
    assert len(generated) == 100
    assert all(f.kind == "sitemap" for s in generated for f in s.feeds)
