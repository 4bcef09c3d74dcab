"""Same seed, same bytes; another seed, another web."""

from __future__ import annotations

import hashlib
from urllib.parse import quote

import httpx

from jarida.demo import DemoWeb
from jarida.demo.site import Site

BASE = "http://127.0.0.1:8080"


def _digest(site: Site, paths: list[str]) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(site.get(p, {}, BASE, 0).body)
    return h.hexdigest()


def _paths(site: Site) -> list[str]:
    paths = [a.path for a in site.visible(0)]
    paths += [f"/{a.outlet}/images/{a.image_key}.jpg" for a in site.visible(0)[:10]]
    paths += ["/courrier-atlas/rss.xml", "/diario-estrecho/atom.xml", "/echo-souss/flux.rss",
              "/casablanca-business/sitemap-news.xml", "/rif-express/fr/", "/robots.txt"]
    return paths


def test_same_seed_same_bytes() -> None:
    a, b = Site(11), Site(11)
    assert _digest(a, _paths(a)) == _digest(b, _paths(b))


def test_other_seed_other_web() -> None:
    a, b = Site(11), Site(12)
    assert _digest(a, _paths(a)) != _digest(b, _paths(b))


def _strip(body: bytes, base: str) -> bytes:
    return body.replace(base.encode(), b"").replace(quote(base, safe="").encode(), b"")


def test_two_running_servers_serve_identical_pages_modulo_host() -> None:
    w1, w2 = DemoWeb(seed=3, fault_injection=False), DemoWeb(seed=3, fault_injection=False)
    b1, b2 = w1.start(), w2.start()
    try:
        for rec in w1.articles()[:15]:
            path = rec.url.removeprefix(b1)
            r1, r2 = httpx.get(b1 + path), httpx.get(b2 + path)
            assert r1.status_code == r2.status_code == 200
            assert _strip(r1.content, b1) == _strip(r2.content, b2)
            assert r1.headers["last-modified"] == r2.headers["last-modified"]
    finally:
        w1.stop()
        w2.stop()
