"""HTML, CSS, JS, JSON and XML leave compressed (brotli when asked, else gzip); the page
cache keeps the compressed bodies, so the fast path does not compress again."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from jarida.web.compression import choose_coding

PATHS = ["/", "/articles", "/static/style.css", "/static/app.js", "/api/articles",
         "/feed.rss", "/feed.atom", "/sitemap.xml", "/sources.opml", "/sections/Nope"]


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("coding", ["br", "gzip"])
def test_text_answers_are_compressed(client: TestClient, path: str, coding: str) -> None:
    plain = client.get(path, headers={"Accept-Encoding": "identity", "Accept": "text/html"})
    packed = client.get(path, headers={"Accept-Encoding": coding, "Accept": "text/html"})
    assert "content-encoding" not in plain.headers
    assert packed.headers["content-encoding"] == coding, path
    assert "accept-encoding" in packed.headers["vary"].lower()
    assert packed.content == plain.content  # decoded by the client, byte for byte
    assert packed.num_bytes_downloaded < len(plain.content) * 0.6
    assert int(packed.headers["content-length"]) == packed.num_bytes_downloaded


def test_cached_pages_keep_their_compressed_bodies(app: FastAPI, client: TestClient) -> None:
    first = client.get("/articles", headers={"Accept-Encoding": "gzip, br"})
    second = client.get("/articles", headers={"Accept-Encoding": "gzip, br"})
    assert first.headers["content-encoding"] == second.headers["content-encoding"] == "br"
    assert first.content == second.content
    cached = [item for item in app.state.jarida.cache._items.values()
              if item.media_type.startswith("text/html")]
    assert cached and all(set(item.encoded) <= {"br", "gzip"} for item in cached)
    assert any("br" in item.encoded for item in cached)


@pytest.mark.parametrize(("header", "expected"), [
    (None, None), ("", None), ("identity", None), ("gzip", "gzip"), ("gzip, deflate, br", "br"),
    ("br;q=0, gzip", "gzip"), ("*", "br"), ("*;q=0", None), ("gzip;q=0, br;q=0.5", "br"),
    ("GZIP", "gzip"), ("br;q=nonsense, gzip", "gzip"),
])
def test_choosing_a_coding(header: str | None, expected: str | None) -> None:
    assert choose_coding(header) == expected
