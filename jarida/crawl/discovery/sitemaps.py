"""Read sitemaps, sitemap indexes and Google News sitemaps (XML or plain text) with lxml.

Namespaces are matched on local names only: many CMSs emit the sitemap schema
with a wrong or missing namespace, and the element names alone are unambiguous.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo

from lxml import etree

from jarida.crawl.discovery.entries import absolute_http_url
from jarida.crawl.discovery.feeddates import to_utc
from jarida.crawl.discovery.plaintext import language_code, to_plain_text
from jarida.model import Entry


@dataclass
class SitemapResult:
    """URLs of a sitemap, or child sitemaps of an index."""

    kind: str  # "sitemap" | "sitemap_index"
    entries: list[Entry] = field(default_factory=list)
    children: list[str] = field(default_factory=list)
    child_lastmod: dict[str, datetime] = field(default_factory=dict)


def _local(tag: object) -> str:
    """Local name of an element tag ('' for comments)."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def is_sitemap_root(root: etree._Element) -> bool:
    """True when the document element is <urlset> or <sitemapindex>."""
    return _local(root.tag) in ("urlset", "sitemapindex")


def read_sitemap(root: etree._Element, base_url: str, default_tz: tzinfo = UTC) -> SitemapResult:
    """Entries of a <urlset>, or child sitemap URLs of a <sitemapindex>."""
    if _local(root.tag) == "sitemapindex":
        return _read_index(root, base_url, default_tz)
    result = SitemapResult("sitemap")
    seen: set[str] = set()
    for url_el in root:
        if _local(url_el.tag) != "url":
            continue
        entry = _url_entry(url_el, base_url, default_tz)
        if entry is not None and entry.url not in seen:
            seen.add(entry.url)
            result.entries.append(entry)
    return result


def read_text_sitemap(data: bytes, base_url: str) -> SitemapResult:
    """The sitemap protocol's plain-text form: one absolute URL per line."""
    result = SitemapResult("sitemap")
    seen: set[str] = set()
    for line in data.decode("utf-8", "replace").splitlines():
        line = line.strip()
        absolute = line.startswith(("http://", "https://"))
        url = absolute_http_url(line, base_url) if absolute else None
        if url and url not in seen:
            seen.add(url)
            result.entries.append(Entry(url=url))
    return result


def _read_index(root: etree._Element, base_url: str, default_tz: tzinfo) -> SitemapResult:
    result = SitemapResult("sitemap_index")
    seen: set[str] = set()
    for sitemap_el in root:
        if _local(sitemap_el.tag) != "sitemap":
            continue
        fields = {_local(child.tag): (child.text or "") for child in sitemap_el}
        url = absolute_http_url(fields.get("loc", "").strip(), base_url)
        if url is None or url in seen:
            continue
        seen.add(url)
        result.children.append(url)
        lastmod = to_utc(fields.get("lastmod"), default_tz)
        if lastmod is not None:
            result.child_lastmod[url] = lastmod
    return result


def _url_entry(url_el: etree._Element, base_url: str, default_tz: tzinfo) -> Entry | None:
    loc = lastmod = title = published = language = image = None
    for child in url_el:
        local = _local(child.tag)
        if local == "loc":
            loc = child.text
        elif local == "lastmod":
            lastmod = child.text
        elif local == "news":
            title, published, language = _news_fields(child)
        elif local == "image" and image is None:
            image = next(
                (c.text for c in child if _local(c.tag) == "loc" and c.text), None
            )
    url = absolute_http_url((loc or "").strip(), base_url)
    if url is None:
        return None
    return Entry(
        url=url,
        title=to_plain_text(title),
        published=to_utc(published, default_tz),
        updated=to_utc(lastmod, default_tz),
        image=absolute_http_url(image, url),
        language=language_code(language),
    )


def _news_fields(news: etree._Element) -> tuple[str | None, str | None, str | None]:
    """<news:news>: title, publication_date and publication/language."""
    title = published = language = None
    for child in news:
        local = _local(child.tag)
        if local == "title":
            title = child.text
        elif local == "publication_date":
            published = child.text
        elif local == "publication":
            for pub_child in child:
                if _local(pub_child.tag) == "language":
                    language = pub_child.text
    return title, published, language
