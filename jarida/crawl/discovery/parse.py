"""One entry point for a polled body: feed, sitemap or listing page in, ParsedFeed out.

Order of work: make the body safe (gunzip with a cap, one encoding, no DTD
tricks), sniff what it is, then read it with the fastest parser that copes.
Nothing here touches the network or the file system.
"""

from __future__ import annotations

from datetime import UTC, tzinfo
from typing import Literal, cast

from lxml import etree

from jarida.crawl.discovery.detect import detect_kind
from jarida.crawl.discovery.entries import RawItem, build_entry, collapse_duplicates
from jarida.crawl.discovery.feeds import read_with_feedparser
from jarida.crawl.discovery.listing import links_from_listing
from jarida.crawl.discovery.plaintext import language_code, to_plain_text
from jarida.crawl.discovery.results import ParsedFeed, ParsedKind
from jarida.crawl.discovery.sitemaps import is_sitemap_root, read_sitemap, read_text_sitemap
from jarida.crawl.discovery.xmlfeeds import read_xml_feed
from jarida.crawl.discovery.xmlrepair import repair_entities
from jarida.crawl.discovery.xmlsafety import (
    DEFAULT_MAX_BYTES,
    BodyError,
    UnsafeXMLError,
    check_xml_safety,
    one_line,
    parse_xml,
    prepare_body,
)
from jarida.model import Entry

KindHint = Literal["rss", "atom", "sitemap", "sitemap_index", "listing"]


def parse_feed(
    body: bytes,
    base_url: str,
    *,
    kind_hint: KindHint | None = None,
    content_type: str | None = None,
    default_tz: tzinfo = UTC,
    listing_pattern: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ParsedFeed:
    """Read RSS 0.9x/1.0/2.0, Atom, (news) sitemaps, indexes, or a listing page.

    base_url is the final URL after redirects; relative links resolve against
    it. Dates without a zone are taken in default_tz (pass the source's zone).
    The body decides the kind; kind_hint breaks ties and asks for listing mode.
    Never raises on bad input: problems come back as ParsedFeed.error.
    """
    fallback_kind: ParsedKind = kind_hint or "rss"
    try:
        data = prepare_body(body, max_bytes)
    except BodyError as exc:
        return ParsedFeed(kind=fallback_kind, error=one_line(exc))
    if not data.strip():
        return ParsedFeed(kind=fallback_kind, error="empty body")
    detected = detect_kind(data, content_type)
    if detected == "html" or (detected == "unknown" and kind_hint == "listing"):
        if kind_hint == "listing":
            entries = links_from_listing(data, base_url, listing_pattern)
            return ParsedFeed(kind="listing", entries=entries)
        return ParsedFeed(kind="listing", error="expected a feed or sitemap but got an HTML page")
    kind: ParsedKind = fallback_kind if detected == "unknown" else cast(ParsedKind, detected)
    if kind == "sitemap" and not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        text_map = read_text_sitemap(data, base_url)
        return ParsedFeed(kind="sitemap", entries=text_map.entries)
    try:
        check_xml_safety(data)
    except UnsafeXMLError as exc:
        return ParsedFeed(kind=kind, error=str(exc))
    try:
        root = parse_xml(data, base_url)
    except etree.XMLSyntaxError as exc:
        try:  # most broken feeds only misuse '&'; repaired, they take the fast path
            root = parse_xml(repair_entities(data), base_url)
        except etree.XMLSyntaxError:
            return _recover(data, base_url, kind, content_type, default_tz, one_line(exc))
    if is_sitemap_root(root):
        return _sitemap_result(root, base_url, default_tz, error=None)
    xml_feed = read_xml_feed(root, base_url)
    if xml_feed is None:
        return _lenient(data, base_url, kind, content_type, default_tz, error=None)
    return _feed_result(
        cast(ParsedKind, xml_feed.kind), xml_feed.title, xml_feed.language,
        xml_feed.items, default_tz, error=None,
    )


def _recover(
    data: bytes, base_url: str, kind: ParsedKind, content_type: str | None,
    default_tz: tzinfo, syntax_error: str,
) -> ParsedFeed:
    """Malformed XML: lxml's recover mode for sitemaps, feedparser's bozo mode for feeds."""
    error = f"malformed XML: {syntax_error}"
    if kind in ("sitemap", "sitemap_index"):
        try:
            root = parse_xml(data, base_url, recover=True)
        except etree.XMLSyntaxError:
            return ParsedFeed(kind=kind, error=error)
        if is_sitemap_root(root):
            return _sitemap_result(root, base_url, default_tz, error=error)
        return ParsedFeed(kind=kind, error=error)
    return _lenient(data, base_url, kind, content_type, default_tz, error=error)


def _lenient(
    data: bytes, base_url: str, kind: ParsedKind, content_type: str | None,
    default_tz: tzinfo, error: str | None,
) -> ParsedFeed:
    lenient = read_with_feedparser(data, base_url, content_type)
    error = error or lenient.error
    if lenient.kind is None and not lenient.items:
        return ParsedFeed(kind=kind, error=error or "not an RSS, Atom or sitemap document")
    found_kind = cast(ParsedKind, lenient.kind or kind)
    return _feed_result(
        found_kind, lenient.title, lenient.language, lenient.items, default_tz, error
    )


def _feed_result(
    kind: ParsedKind, title: str | None, language: str | None, items: list[RawItem],
    default_tz: tzinfo, error: str | None,
) -> ParsedFeed:
    entries: list[Entry] = []
    for item in items:
        entry = build_entry(item, default_tz)
        if entry is not None:
            entries.append(entry)
    return ParsedFeed(
        kind=kind,
        title=to_plain_text(title),
        entries=collapse_duplicates(entries),
        error=error,
        language=language_code(language),
    )


def _sitemap_result(
    root: etree._Element, base_url: str, default_tz: tzinfo, error: str | None
) -> ParsedFeed:
    sitemap = read_sitemap(root, base_url, default_tz)
    return ParsedFeed(
        kind=cast(ParsedKind, sitemap.kind),
        entries=sitemap.entries,
        child_sitemaps=sitemap.children,
        child_lastmod=sitemap.child_lastmod,
        error=error,
    )
