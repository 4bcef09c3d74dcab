"""RSS 2.0 and Atom 1.0 documents for a list of articles, built with ElementTree."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.etree.ElementTree import Element, SubElement, tostring  # building only, never parsing

from jarida.model import Article
from jarida.web.imagery import lead_image

ATOM_NS = "http://www.w3.org/2005/Atom"
DC_NS = "http://purl.org/dc/elements/1.1/"
# Characters XML 1.0 forbids even when escaped; a stray one would make the feed unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value: str | None) -> str:
    return _NOT_XML.sub("", value or "")


@dataclass(frozen=True)
class FeedMeta:
    title: str
    self_url: str  # absolute URL of this feed
    home_url: str  # absolute URL of the matching page
    description: str
    language: str | None = None
    base_url: str = ""  # the site's address, for Jarida's copies of lead images


def _image(meta: FeedMeta, article: Article) -> str | None:
    """The absolute URL of Jarida's copy of the article's image; None when there is none
    or it was withdrawn (feeds never name an outlet's image)."""
    shown = lead_image(article)
    if not meta.base_url or shown is None or shown.blocked:
        return None
    return meta.base_url.rstrip("/") + shown.largest


def serialise(root: Element) -> bytes:
    """UTF-8 XML with its declaration."""
    body: bytes = tostring(root, encoding="utf-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + body


def _when(article: Article) -> datetime:
    return (article.published_at or article.fetched_at).astimezone(UTC)


def _sub(parent: Element, tag: str, text: str | None = None, **attrs: str) -> Element:
    element = SubElement(parent, tag, {k: xml_text(v) for k, v in attrs.items()})
    if text is not None:
        element.text = xml_text(text)
    return element


def build_rss(
    meta: FeedMeta, items: Sequence[Article], page_url: Callable[[Article], str]
) -> bytes:
    root = Element("rss", {"version": "2.0", "xmlns:atom": ATOM_NS, "xmlns:dc": DC_NS})
    channel = _sub(root, "channel")
    _sub(channel, "title", meta.title)
    _sub(channel, "link", meta.home_url)
    _sub(channel, "description", meta.description)
    if meta.language:
        _sub(channel, "language", meta.language)
    newest = max((a.updated_at for a in items), default=datetime(1970, 1, 1, tzinfo=UTC))
    _sub(channel, "lastBuildDate", format_datetime(newest.astimezone(UTC), usegmt=True))
    _sub(channel, "generator", "Jarida")
    _sub(channel, "atom:link", href=meta.self_url, rel="self", type="application/rss+xml")
    for article in items:
        item = _sub(channel, "item")
        url = page_url(article)
        _sub(item, "title", article.title)
        _sub(item, "link", url)
        _sub(item, "guid", url, isPermaLink="true")
        _sub(item, "description", article.excerpt or article.title)
        _sub(item, "pubDate", format_datetime(_when(article), usegmt=True))
        if article.section:
            _sub(item, "category", article.section)
        _sub(item, "dc:creator", article.author or article.source_name)
        if article.language:
            _sub(item, "dc:language", article.language)
        _sub(item, "dc:source", article.url)
        image = _image(meta, article)
        if image:
            _sub(item, "enclosure", url=image, type="image/webp", length="0")
    return serialise(root)


def build_atom(
    meta: FeedMeta, items: Sequence[Article], page_url: Callable[[Article], str]
) -> bytes:
    attrs = {"xmlns": ATOM_NS}
    if meta.language:
        attrs["xml:lang"] = meta.language
    root = Element("feed", attrs)
    _sub(root, "id", meta.self_url)
    _sub(root, "title", meta.title)
    _sub(root, "subtitle", meta.description)
    newest = max((a.updated_at for a in items), default=datetime(1970, 1, 1, tzinfo=UTC))
    _sub(root, "updated", newest.astimezone(UTC).isoformat())
    _sub(root, "link", rel="self", type="application/atom+xml", href=meta.self_url)
    _sub(root, "link", rel="alternate", type="text/html", href=meta.home_url)
    author = _sub(root, "author")
    _sub(author, "name", meta.title)
    _sub(root, "generator", "Jarida")
    for article in items:
        entry = _sub(root, "entry")
        url = page_url(article)
        _sub(entry, "id", url)
        title = _sub(entry, "title", article.title, type="text")
        if article.language:
            title.set("xml:lang", article.language)
        _sub(entry, "updated", article.updated_at.astimezone(UTC).isoformat())
        _sub(entry, "published", _when(article).isoformat())
        _sub(entry, "link", rel="alternate", type="text/html", href=url)
        _sub(entry, "link", rel="via", href=article.url)
        image = _image(meta, article)
        if image:
            _sub(entry, "link", rel="enclosure", type="image/webp", href=image)
        entry_author = _sub(entry, "author")
        _sub(entry_author, "name", article.author or article.source_name)
        if article.section:
            _sub(entry, "category", term=article.section)
        _sub(entry, "summary", article.excerpt or article.title, type="text")
    return serialise(root)
