"""Article links from a section or home page, for outlets without a usable feed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit, urlunsplit

from lxml.html import HtmlElement

from jarida.crawl.discovery.entries import absolute_http_url
from jarida.crawl.discovery.htmldoc import document_base, parse_html
from jarida.crawl.discovery.plaintext import to_plain_text
from jarida.dedup.urls import same_site
from jarida.model import Entry

# Path segments that mark navigation, taxonomy, account or legal pages, not articles.
NAV_SEGMENTS = frozenset(
    {
        "tag", "tags", "category", "categories", "categorie", "categories-2", "rubrique",
        "rubriques", "section", "sections", "topic", "topics", "theme", "themes", "author",
        "authors", "auteur", "auteurs", "writer", "login", "logout", "signin", "sign-in",
        "signup", "register", "inscription", "connexion", "account", "compte", "user", "users",
        "profile", "search", "recherche", "page", "contact", "contact-us", "about", "about-us",
        "a-propos", "qui-sommes-nous", "privacy", "privacy-policy", "politique-de-confidentialite",
        "terms", "cgu", "mentions-legales", "newsletter", "subscribe", "abonnement", "feed",
        "rss", "wp-admin", "wp-login.php", "wp-json", "cdn-cgi", "archive", "archives", "amp",
        "print", "share", "comments", "advertise", "publicite", "jobs", "careers", "cart",
    }
)
_ASSET_RE = re.compile(
    r"\.(?:jpe?g|png|gif|webp|svg|ico|pdf|xml|rss|atom|json|css|js|zip|gz|mp3|mp4|webm|avi|"
    r"docx?|xlsx?|pptx?)$",
    re.I,
)
_PAGE_EXT_RE = re.compile(r"\.(?:s?html?|php\d?|aspx?|jsp|cfm)$", re.I)
_DATE_PATH_RE = re.compile(r"/(?:19|20)\d\d/(?:0?[1-9]|1[0-2])/")
_ID_QUERY_RE = re.compile(r"(?:^|&)(?:id|p|nid|aid|article|articleid|news_id)=\d{2,}(?:&|$)", re.I)


@dataclass
class _Found:
    url: str
    title: str | None = None
    image: str | None = None


def links_from_listing(html: bytes | str, base_url: str, pattern: str | None) -> list[Entry]:
    """Same-site links in page order, deduplicated, fragment removed.

    With a pattern (a per-source regex, applied with re.search to the absolute
    URL) every same-site link that matches is kept; without one, links on the
    page's own host whose path looks like an article (see looks_like_article).
    Raises ValueError for an invalid pattern.
    """
    try:
        regex = re.compile(pattern) if pattern else None
    except re.error as exc:
        raise ValueError(f"invalid listing pattern {pattern!r}: {exc}") from exc
    doc = parse_html(html)
    if doc is None:
        return []
    base = document_base(doc, base_url)
    page_host = _bare_host(base_url)
    found: dict[str, _Found] = {}
    for anchor in doc.iter("a"):
        url = absolute_http_url(anchor.get("href"), base)
        if url is None:
            continue
        url = urlunsplit(urlsplit(url)._replace(fragment=""))
        if regex is not None:
            if not same_site(url, base_url) or not regex.search(url):
                continue
        elif _bare_host(url) != page_host or not looks_like_article(url):
            continue
        item = found.setdefault(url, _Found(url))
        text = to_plain_text(anchor.text_content()) or to_plain_text(anchor.get("title"))
        if text and (item.title is None or len(text) > len(item.title)):
            item.title = text
        if item.image is None:
            item.image = _anchor_image(anchor, base)
    return [Entry(url=f.url, title=f.title, image=f.image) for f in found.values()]


def looks_like_article(url: str) -> bool:
    """Heuristic: a long slug, a numeric id, or a dated path; never nav/tag/login pages."""
    parts = urlsplit(url)
    segments = [unquote(s) for s in parts.path.split("/") if s]
    if not segments:
        return bool(parts.query and _ID_QUERY_RE.search(parts.query))
    if any(segment.lower() in NAV_SEGMENTS for segment in segments):
        return False
    last = segments[-1]
    if _ASSET_RE.search(last):
        return False
    has_page_ext = bool(_PAGE_EXT_RE.search(last))
    stem = _PAGE_EXT_RE.sub("", last)
    separators = stem.count("-") + stem.count("_")
    if separators >= 3 or re.search(r"\d{5,}", stem):
        return True
    if has_page_ext and (re.search(r"\d{3,}", stem) or separators >= 2):
        return True
    if _DATE_PATH_RE.search(parts.path) and not stem.isdigit():
        return True
    if len(segments) >= 3 and separators >= 2:
        return True
    return bool(parts.query and _ID_QUERY_RE.search(parts.query))


def _bare_host(url: str) -> str:
    host = (urlsplit(url).hostname or "").rstrip(".")
    return host[4:] if host.startswith("www.") else host


def _anchor_image(anchor: HtmlElement, page_url: str) -> str | None:
    """The first picture inside the link (lazy-loading attributes first)."""
    for img in anchor.iter("img"):
        for attr in ("data-src", "data-lazy-src", "src"):
            value = img.get(attr)
            if value and not value.startswith("data:"):
                return absolute_http_url(value, page_url)
    return None
