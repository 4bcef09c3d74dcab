"""Hostile XML: entity expansion, external entities, gzip bombs, encoding tricks."""

from __future__ import annotations

import gzip
import time
from pathlib import Path

import pytest
from lxml import etree

from jarida.crawl.discovery import parse_feed
from jarida.crawl.discovery.xmlsafety import (
    BodyError,
    UnsafeXMLError,
    check_xml_safety,
    gunzip_capped,
    safe_xml_parser,
)

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9;</title><link>https://evil.example/a</link></item></channel></rss>
"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>x</title>
<item><title>&xxe;</title><link>https://evil.example/a</link><description>&xxe;</description>
</item></channel></rss>
"""


def _all_text(feed: object) -> str:
    return repr(feed)


def test_billion_laughs_rejected_quickly() -> None:
    start = time.perf_counter()
    feed = parse_feed(BILLION_LAUGHS, "https://evil.example/rss")
    elapsed = time.perf_counter() - start
    assert elapsed < 1.0
    assert feed.entries == []
    assert feed.error is not None and "refused" in feed.error
    assert "lollol" not in _all_text(feed)


def test_billion_laughs_in_a_sitemap_and_gzipped_and_utf16() -> None:
    sitemap = BILLION_LAUGHS.replace(b"<rss", b"<urlset><url><loc>&lol9;</loc></url></urlset><x")
    for body in (sitemap, gzip.compress(BILLION_LAUGHS), BILLION_LAUGHS.decode().encode("utf-16")):
        start = time.perf_counter()
        feed = parse_feed(body, "https://evil.example/sitemap.xml")
        assert time.perf_counter() - start < 1.0
        assert feed.entries == [] and feed.error and "refused" in feed.error


def test_external_entity_is_never_read() -> None:
    feed = parse_feed(XXE, "https://evil.example/rss")
    assert feed.entries == [] and feed.error and "refused" in feed.error
    assert "root:" not in _all_text(feed)


def test_safe_parser_alone_does_not_resolve_external_entities() -> None:
    # Defence in depth: even without the guard, the lxml parser expands nothing.
    root = etree.fromstring(XXE, safe_xml_parser())
    title = root.find("channel/item/title")
    assert title is not None
    assert "root:" not in etree.tostring(root, encoding="unicode")


def test_guard_accepts_plain_documents() -> None:
    check_xml_safety(b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>')
    with pytest.raises(UnsafeXMLError):
        check_xml_safety(b'<!DOCTYPE x [<!ELEMENT x ANY>]><x/>')


def test_body_that_is_a_file_name_is_not_opened(tmp_path: Path) -> None:
    # feedparser opens bytes as a file name when they name a file; we must never let it.
    secret = tmp_path / "secret.xml"
    secret.write_bytes(
        b'<rss version="2.0"><channel><item><title>SECRET</title>'
        b"<link>https://x.example/secret</link></item></channel></rss>"
    )
    feed = parse_feed(str(secret).encode(), "https://x.example/rss")
    assert feed.entries == []
    assert "SECRET" not in _all_text(feed)


def test_gzip_bomb_is_capped() -> None:
    bomb = gzip.compress(b" " * (2 * 1024 * 1024))
    with pytest.raises(BodyError):
        gunzip_capped(bomb, max_bytes=1024 * 1024)
    feed = parse_feed(bomb, "https://x.example/sitemap.xml.gz", max_bytes=1024 * 1024)
    assert feed.entries == [] and feed.error and "limit" in feed.error


def test_corrupt_gzip_is_an_error() -> None:
    feed = parse_feed(b"\x1f\x8b\x08\x00garbage", "https://x.example/sitemap.xml.gz")
    assert feed.error and "gzip" in feed.error
