"""Find a site's feeds: advertised <link rel="alternate"> first, well-known paths second."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from jarida.crawl.discovery.entries import absolute_http_url
from jarida.crawl.discovery.htmldoc import document_base, parse_html
from jarida.crawl.discovery.plaintext import to_plain_text
from jarida.crawl.discovery.results import DiscoveredFeed, DiscoveredKind

_FEED_TYPES: dict[str, DiscoveredKind] = {
    "application/rss+xml": "rss",
    "application/rdf+xml": "rss",
    "application/x-rss+xml": "rss",
    "application/atom+xml": "atom",
    "application/x-atom+xml": "atom",
}
# Paths where CMSs (WordPress, Drupal, Ghost, Hugo, Blogger, Joomla...) publish feeds and
# sitemaps; the caller probes them in this order when a page advertises nothing.
COMMON_FEED_PATHS: tuple[str, ...] = (
    "/feed",
    "/feed/",
    "/rss",
    "/rss/",
    "/rss.xml",
    "/feed.xml",
    "/atom.xml",
    "/index.xml",
    "/index.rss",
    "/feeds/posts/default",
    "/?feed=rss2",
    "/?format=feed&type=rss",
    "/sitemap.xml",
    "/sitemap_index.xml",
    "/news-sitemap.xml",
    "/sitemap-news.xml",
    "/news_sitemap.xml",
)
_SECTION_PATHS = ("feed", "feed/", "rss", "rss.xml", "feed.xml", "atom.xml", "index.xml")
_COMMENT_MARKERS = ("comment", "commentaire", "تعليق", "comentario")


def discover_feeds(html: bytes | str, base_url: str) -> list[DiscoveredFeed]:
    """Feeds a page advertises, in page order, comment feeds last, deduplicated."""
    doc = parse_html(html)
    if doc is None:
        return []
    base = document_base(doc, base_url)
    found: dict[str, DiscoveredFeed] = {}
    for link in doc.iter("link"):
        rels = (link.get("rel") or "").lower().split()
        mime = (link.get("type") or "").split(";", 1)[0].strip().lower()
        kind: DiscoveredKind | None = None
        if "alternate" in rels and mime in _FEED_TYPES:
            kind = _FEED_TYPES[mime]
        elif "sitemap" in rels:
            kind = "sitemap"
        url = absolute_http_url(link.get("href"), base) if kind else None
        if kind is None or url is None or url in found:
            continue
        found[url] = DiscoveredFeed(url=url, kind=kind, title=to_plain_text(link.get("title")))
    return sorted(found.values(), key=_is_comment_feed)


def candidate_feed_urls(base_url: str) -> list[str]:
    """Well-known feed and sitemap URLs to probe for a site (section paths first)."""
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"not an absolute http(s) URL: {base_url!r}")
    origin = f"{parts.scheme}://{parts.netloc}"
    candidates: list[str] = []
    section = parts.path.rsplit("/", 1)[0] + "/" if parts.path.strip("/") else ""
    if section and section != "/":
        candidates.extend(urljoin(origin + section, path) for path in _SECTION_PATHS)
    candidates.extend(origin + path for path in COMMON_FEED_PATHS)
    return list(dict.fromkeys(candidates))


def _is_comment_feed(feed: DiscoveredFeed) -> bool:
    haystack = f"{feed.title or ''} {feed.url}".lower()
    return any(marker in haystack for marker in _COMMENT_MARKERS)
