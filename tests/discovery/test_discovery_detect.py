"""Kind sniffing: the body decides, the Content-Type breaks ties."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from jarida.crawl.discovery import detect_kind

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("rss2.xml", "rss"),
        ("rss1.rdf", "rss"),
        ("atom.xml", "atom"),
        ("sitemap.xml", "sitemap"),
        ("news_sitemap.xml", "sitemap"),
        ("sitemap_index.xml", "sitemap_index"),
    ],
)
def test_files(name: str, kind: str) -> None:
    body = (DATA / name).read_bytes()
    assert detect_kind(body, "text/html") == kind  # a lying header does not matter
    assert detect_kind(gzip.compress(body), None) == kind
    assert detect_kind(body.decode("utf-8").encode("utf-16"), None) == kind


@pytest.mark.parametrize(
    ("body", "content_type", "kind"),
    [
        (b"<!DOCTYPE html><html><head></head></html>", None, "html"),
        (b"\xef\xbb\xbf  <html lang='fr'><body>x</body></html>", "text/plain", "html"),
        (b"<?xml version='1.0'?><!-- <feed> --><rss version='2.0'/>", None, "rss"),
        (b"<?xml version='1.0'?><?xml-stylesheet href='a.xsl'?><feed/>", None, "atom"),
        (b'<!DOCTYPE rss PUBLIC "-//N//DTD RSS 0.91//EN" "x.dtd"><rss/>', None, "rss"),
        (b"", "application/atom+xml; charset=utf-8", "atom"),
        (b"\x00\x01binary", "application/rss+xml", "rss"),
        (b"hello", None, "unknown"),
        ("<html><body>str input</body></html>", None, "html"),
    ],
)
def test_snippets(body: bytes | str, content_type: str | None, kind: str) -> None:
    assert detect_kind(body, content_type) == kind


def test_big_gzip_still_sniffed() -> None:
    urls = "".join(f"<url><loc>https://s.example/{i}</loc></url>" for i in range(20000))
    body = gzip.compress(f"<urlset>{urls}</urlset>".encode())
    assert detect_kind(body, None) == "sitemap"
