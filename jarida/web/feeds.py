"""RSS 2.0 and Atom 1.0 documents for a list of articles, built with ElementTree."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.etree.ElementTree import Element, SubElement, tostring  # building only, never parsing

from markupsafe import escape

from jarida.model import Article
from jarida.web.imagery import lead_image

ATOM_NS = "http://www.w3.org/2005/Atom"
DC_NS = "http://purl.org/dc/elements/1.1/"
# Characters XML 1.0 forbids even when escaped (C0 controls but tab, newline and return;
# lone surrogates; U+FFFE and U+FFFF): a stray one would make the document unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value: str | None) -> str:
    """The one cleaning every text and attribute of a feed, sitemap or OPML goes through."""
    return _NOT_XML.sub("", value or "")


@dataclass(frozen=True)
class Credit:
    """Who published an item: its outlet, and the attribution line in the item's language."""

    outlet: str
    outlet_feed: str  # the outlet's feed on this site (RSS <source url>, Atom source link)
    original: str  # the article at its source (cleaned canonical address)
    line: str  # "Publié dans Le Matin le 24 - 11 - 2020"


def item_html(article: Article, credit: Credit) -> str:
    """An item's description: the excerpt, then the attribution linking to the original."""
    lead = article.excerpt or article.title
    return (f"<p>{escape(lead)}</p>"
            f'<p><a href="{escape(credit.original)}">{escape(credit.line)}</a></p>')


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


def xml_sub(
    parent: Element, tag: str, text: str | None = None, attrs: Mapping[str, str] | None = None,
    **more: str,
) -> Element:
    """A child element whose text and attributes are cleaned by `xml_text`."""
    values = {**(attrs or {}), **more}
    element = SubElement(parent, tag, {k: xml_text(v) for k, v in values.items()})
    if text is not None:
        element.text = xml_text(text)
    return element


def build_rss(
    meta: FeedMeta, items: Sequence[Article], page_url: Callable[[Article], str],
    credit: Callable[[Article], Credit],
) -> bytes:
    root = Element("rss", {"version": "2.0", "xmlns:atom": ATOM_NS, "xmlns:dc": DC_NS})
    channel = xml_sub(root, "channel")
    xml_sub(channel, "title", meta.title)
    xml_sub(channel, "link", meta.home_url)
    xml_sub(channel, "description", meta.description)
    if meta.language:
        xml_sub(channel, "language", meta.language)
    newest = max((a.updated_at for a in items), default=datetime(1970, 1, 1, tzinfo=UTC))
    xml_sub(channel, "lastBuildDate", format_datetime(newest.astimezone(UTC), usegmt=True))
    xml_sub(channel, "generator", "Jarida")
    xml_sub(channel, "atom:link", href=meta.self_url, rel="self", type="application/rss+xml")
    for article in items:
        item = xml_sub(channel, "item")
        url, who = page_url(article), credit(article)
        xml_sub(item, "title", article.title)
        xml_sub(item, "link", url)
        xml_sub(item, "guid", url, isPermaLink="true")
        xml_sub(item, "description", item_html(article, who))
        xml_sub(item, "pubDate", format_datetime(_when(article), usegmt=True))
        if article.section:
            xml_sub(item, "category", article.section)
        xml_sub(item, "dc:creator", article.author or article.source_name)
        if article.language:
            xml_sub(item, "dc:language", article.language)
        xml_sub(item, "dc:source", who.original)
        xml_sub(item, "source", who.outlet, url=who.outlet_feed)
        image = _image(meta, article)
        if image:
            xml_sub(item, "enclosure", url=image, type="image/webp", length="0")

    return serialise(root)


def build_atom(
    meta: FeedMeta, items: Sequence[Article], page_url: Callable[[Article], str],
    credit: Callable[[Article], Credit],
) -> bytes:
    attrs = {"xmlns": ATOM_NS}
    if meta.language:
        attrs["xml:lang"] = meta.language
    root = Element("feed", {k: xml_text(v) for k, v in attrs.items()})
    xml_sub(root, "id", meta.self_url)
    xml_sub(root, "title", meta.title)
    xml_sub(root, "subtitle", meta.description)
    newest = max((a.updated_at for a in items), default=datetime(1970, 1, 1, tzinfo=UTC))
    xml_sub(root, "updated", newest.astimezone(UTC).isoformat())
    xml_sub(root, "link", rel="self", type="application/atom+xml", href=meta.self_url)
    xml_sub(root, "link", rel="alternate", type="text/html", href=meta.home_url)
    author = xml_sub(root, "author")
    xml_sub(author, "name", meta.title)
    xml_sub(root, "generator", "Jarida")
    for article in items:
        entry = xml_sub(root, "entry")
        url, who = page_url(article), credit(article)
        xml_sub(entry, "id", url)
        title = xml_sub(entry, "title", article.title, type="text")
        if article.language:
            title.set("xml:lang", xml_text(article.language))
        xml_sub(entry, "updated", article.updated_at.astimezone(UTC).isoformat())
        xml_sub(entry, "published", _when(article).isoformat())
        xml_sub(entry, "link", rel="alternate", type="text/html", href=url)
        xml_sub(entry, "link", rel="via", href=who.original)
        image = _image(meta, article)
        if image:
            xml_sub(entry, "link", rel="enclosure", type="image/webp", href=image)
        entry_author = xml_sub(entry, "author")
        xml_sub(entry_author, "name", article.author or article.source_name)
        if article.section:
            xml_sub(entry, "category", term=article.section)
        xml_sub(entry, "summary", item_html(article, who), type="html")
        source = xml_sub(entry, "source")
        xml_sub(source, "id", who.outlet_feed)
        xml_sub(source, "title", who.outlet)
        xml_sub(source, "link", rel="self", type="application/rss+xml", href=who.outlet_feed)
    return serialise(root)
