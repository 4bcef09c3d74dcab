"""Tell RSS, Atom, sitemaps and HTML apart from the first bytes and the Content-Type."""

from __future__ import annotations

import re
import zlib

from jarida.crawl.discovery.results import DetectedKind
from jarida.crawl.discovery.xmlsafety import BodyError, to_utf8_if_wide

_SNIFF_BYTES = 16 * 1024
# Comments, processing instructions and DOCTYPEs that may precede the root element.
_PROLOG_JUNK_RE = re.compile(rb"<!--.*?-->|<\?.*?\?>|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>", re.S | re.I)
_ROOT_RE = re.compile(rb"<([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)")
_HTML_DOCTYPE_RE = re.compile(rb"<!DOCTYPE\s+html", re.I)

_ROOTS: dict[bytes, DetectedKind] = {
    b"rss": "rss",
    b"rdf": "rss",
    b"feed": "atom",
    b"urlset": "sitemap",
    b"sitemapindex": "sitemap_index",
    b"html": "html",
}
_CONTENT_TYPES: tuple[tuple[str, DetectedKind], ...] = (
    ("application/rss+xml", "rss"),
    ("application/rdf+xml", "rss"),
    ("application/atom+xml", "atom"),
    ("text/html", "html"),
    ("application/xhtml+xml", "html"),
)


def detect_kind(body: bytes | str, content_type: str | None = None) -> DetectedKind:
    """Sniff the document element (gzip and UTF-16 handled); fall back to Content-Type.

    The body wins over the header: servers label feeds text/html or
    application/octet-stream, and sitemaps text/xml, all the time.
    """
    head = _head_bytes(body)
    if head is not None:
        if _HTML_DOCTYPE_RE.search(head[:1024]):
            return "html"
        stripped = _PROLOG_JUNK_RE.sub(b"", head.lstrip(b"\xef\xbb\xbf \t\r\n"))
        match = _ROOT_RE.search(stripped)
        if match:
            kind = _ROOTS.get(match[2].lower())
            if kind is not None:
                return kind
    media_type = (content_type or "").split(";", 1)[0].strip().lower()
    for prefix, kind in _CONTENT_TYPES:
        if media_type == prefix:
            return kind
    return "unknown"


def _head_bytes(body: bytes | str) -> bytes | None:
    if isinstance(body, str):
        return body[:_SNIFF_BYTES].encode("utf-8", "replace")
    head = body[: 4 * _SNIFF_BYTES]
    if head.startswith(b"\x1f\x8b"):
        # inflate only what the sniff needs: a gzip bomb cannot hurt here
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, _SNIFF_BYTES)
        except zlib.error:
            return None
    if len(head) >= _SNIFF_BYTES:  # cut mid-stream: keep whole UTF-16/32 code units
        head = head[:_SNIFF_BYTES]
    try:
        return to_utf8_if_wide(head)
    except BodyError:
        return None
