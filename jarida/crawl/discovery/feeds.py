"""Lenient RSS/Atom reading with feedparser, for documents the lxml fast path rejects.

feedparser recovers items from broken XML (its "bozo" mode) and knows old
dialects (Atom 0.3, RSS 0.9x oddities, many date formats). Callers must hand it
a stream, never raw bytes: given bytes it first tries them as a *file name*.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

import feedparser

from jarida.crawl.discovery.entries import IMAGE_RANK, RawItem
from jarida.crawl.discovery.feeddates import from_struct
from jarida.crawl.discovery.xmlsafety import one_line


@dataclass
class LenientFeed:
    """What feedparser made of a document, reduced to RawItems."""

    kind: str | None  # "rss" | "atom" | None when feedparser did not recognise a feed
    title: str | None = None
    language: str | None = None
    items: list[RawItem] = field(default_factory=list)
    error: str | None = None


def read_with_feedparser(data: bytes, base_url: str, content_type: str | None) -> LenientFeed:
    """Parse (already safety-checked) bytes with feedparser; no network, no file access."""
    headers = {"content-location": base_url, "content-type": content_type or "application/xml"}
    try:
        parsed = feedparser.parse(
            io.BytesIO(data),
            response_headers=headers,
            resolve_relative_uris=False,  # content_html stays raw; the sanitiser resolves links
            sanitize_html=False,  # sanitising for display happens in jarida.extract
        )
    except Exception as exc:  # feedparser itself fails on some hostile input
        # (a character reference to a lone surrogate: UnicodeEncodeError); a feed error
        return LenientFeed(kind=None, error="malformed feed: " + one_line(exc))
    version = str(parsed.get("version") or "")
    kind = "atom" if version.startswith("atom") else "rss" if version.startswith("rss") else None
    feed_meta = parsed.get("feed", {})
    language = feed_meta.get("language")
    result = LenientFeed(kind=kind, title=feed_meta.get("title"), language=language)
    if parsed.get("bozo"):
        result.error = "malformed feed: " + one_line(parsed.get("bozo_exception"))
    result.items = [_raw_item(entry, base_url, language, atom=kind == "atom")
                    for entry in parsed.get("entries", [])]
    return result


def _raw_item(entry: Any, base_url: str, feed_language: str | None, *, atom: bool) -> RawItem:
    title_detail = entry.get("title_detail") or {}
    raw = RawItem(
        base=title_detail.get("base") or base_url,
        link=entry.get("link"),
        guid=entry.get("id"),
        guid_is_permalink=bool(entry.get("guidislink")),
        title=entry.get("title"),
        summary=entry.get("summary"),
        author=entry.get("author"),
        published=entry.get("published"),
        updated=dict.get(entry, "updated"),  # plain dict.get: no legacy published fallback
        language=title_detail.get("language") or feed_language,
    )
    if raw.published is None and raw.updated is not None and not atom:
        raw.published = raw.updated  # feedparser files RSS 1.0's dc:date under "updated"
    contents = entry.get("content") or []
    if contents:
        raw.content_html = contents[0].get("value")
        if raw.summary == raw.content_html:  # feedparser copies Atom content into summary
            raw.summary = None
    # Prefer our own parse of the raw text (it honours default_tz); feedparser's
    # tuples are the fallback for formats only it understands.
    raw.published_dt = None if raw.published else from_struct(entry.get("published_parsed"))
    raw.updated_dt = None if raw.updated else from_struct(dict.get(entry, "updated_parsed"))
    for media in entry.get("media_content") or []:
        if media.get("url"):
            kind = media.get("medium") or media.get("type") or ""
            raw.images.append((IMAGE_RANK["media_content"], media["url"], kind))
    for enclosure in entry.get("enclosures") or []:
        if enclosure.get("href"):
            raw.images.append(
                (IMAGE_RANK["enclosure"], enclosure["href"], enclosure.get("type", ""))
            )
    for thumb in entry.get("media_thumbnail") or []:
        if thumb.get("url"):
            raw.images.append((IMAGE_RANK["thumbnail"], thumb["url"], ""))
    return raw
