"""Sitemaps (plain and Google News) and the OPML list of per-source feeds."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.etree.ElementTree import Element  # building only, never parsing

from jarida.model import Article, Source
from jarida.web.feeds import serialise, xml_sub

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"


def build_sitemap(
    pages: Sequence[str], items: Sequence[Article], page_url: Callable[[Article], str]
) -> bytes:
    root = Element("urlset", {"xmlns": SITEMAP_NS})
    for loc in pages:
        xml_sub(xml_sub(root, "url"), "loc", loc)
    for article in items:
        url = xml_sub(root, "url")
        xml_sub(url, "loc", page_url(article))
        xml_sub(url, "lastmod", article.updated_at.astimezone(UTC).isoformat(timespec="seconds"))
    return serialise(root)


def build_news_sitemap(
    items: Sequence[Article], page_url: Callable[[Article], str], publication: str
) -> bytes:
    """Google News sitemap: only the last two days, at most 1,000 articles."""
    root = Element("urlset", {"xmlns": SITEMAP_NS, "xmlns:news": NEWS_NS})
    for article in items:
        url = xml_sub(root, "url")
        xml_sub(url, "loc", page_url(article))
        news = xml_sub(url, "news:news")
        pub = xml_sub(news, "news:publication")
        xml_sub(pub, "news:name", publication)
        xml_sub(pub, "news:language", article.language or "fr")
        when = (article.published_at or article.fetched_at).astimezone(UTC)
        xml_sub(news, "news:publication_date", when.isoformat(timespec="seconds"))
        xml_sub(news, "news:title", article.title)
    return serialise(root)


def build_opml(title: str, sources: Sequence[Source], feed_url: Callable[[Source], str]) -> bytes:
    root = Element("opml", {"version": "2.0"})
    head = xml_sub(root, "head")
    xml_sub(head, "title", title)
    xml_sub(head, "dateCreated", format_datetime(datetime.now(UTC), usegmt=True))
    body = xml_sub(root, "body")
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
        xml_sub(body, "outline", None, attrs)
    return serialise(root)
