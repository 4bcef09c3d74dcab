"""Sitemaps (plain and Google News) and the OPML list of per-source feeds."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.etree.ElementTree import Element, SubElement  # building only, never parsing

from jarida.model import Article, Source
from jarida.web.feeds import serialise, xml_text

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"


def _sub(parent: Element, tag: str, text: str | None = None, **attrs: str) -> Element:
    element = SubElement(parent, tag, {k: xml_text(v) for k, v in attrs.items()})
    if text is not None:
        element.text = xml_text(text)
    return element


def build_sitemap(
    pages: Sequence[str], items: Sequence[Article], page_url: Callable[[Article], str]
) -> bytes:
    root = Element("urlset", {"xmlns": SITEMAP_NS})
    for loc in pages:
        _sub(_sub(root, "url"), "loc", loc)
    for article in items:
        url = _sub(root, "url")
        _sub(url, "loc", page_url(article))
        _sub(url, "lastmod", article.updated_at.astimezone(UTC).isoformat(timespec="seconds"))
    return serialise(root)


def build_news_sitemap(
    items: Sequence[Article], page_url: Callable[[Article], str], publication: str
) -> bytes:
    """Google News sitemap: only the last two days, at most 1,000 articles."""
    root = Element("urlset", {"xmlns": SITEMAP_NS, "xmlns:news": NEWS_NS})
    for article in items:
        url = _sub(root, "url")
        _sub(url, "loc", page_url(article))
        news = _sub(url, "news:news")
        pub = _sub(news, "news:publication")
        _sub(pub, "news:name", publication)
        _sub(pub, "news:language", article.language or "fr")
        when = (article.published_at or article.fetched_at).astimezone(UTC)
        _sub(news, "news:publication_date", when.isoformat(timespec="seconds"))
        _sub(news, "news:title", article.title)
    return serialise(root)


def build_opml(title: str, sources: Sequence[Source], feed_url: Callable[[Source], str]) -> bytes:
    root = Element("opml", {"version": "2.0"})
    head = _sub(root, "head")
    _sub(head, "title", title)
    _sub(head, "dateCreated", format_datetime(datetime.now(UTC), usegmt=True))
    body = _sub(root, "body")
    for source in sources:
        attrs = {
            "text": source.name,
            "title": source.name,
            "type": "rss",
            "xmlUrl": feed_url(source),
        }
        if source.homepage:
            attrs["htmlUrl"] = source.homepage
        if source.languages:
            attrs["language"] = source.languages[0]
        SubElement(body, "outline", {k: xml_text(v) for k, v in attrs.items()})
    return serialise(root)
