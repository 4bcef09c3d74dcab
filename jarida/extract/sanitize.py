"""Article HTML made safe to show on Jarida's pages (nh3 allow-list, absolute links)."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

import nh3

ALLOWED_TAGS = frozenset(
    {
        "p", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "figure", "figcaption",
        "img", "a", "em", "strong", "b", "i", "br",
        "table", "thead", "tbody", "tr", "th", "td", "caption",
    }
)
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}
# Removed together with their content, not just unwrapped.
DROPPED_WITH_CONTENT = frozenset(
    {"script", "style", "iframe", "object", "embed", "form", "noscript", "template", "svg",
     "math", "select", "textarea", "button"}
)
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
# Links are marked rel="noopener noreferrer"; no target="_blank": readers choose where
# links open, and the original article is one click away either way.
LINK_REL = "noopener noreferrer"
_IMG_WITHOUT_SRC = re.compile(r"<img(?![^>]*\ssrc=)[^>]*>")


def _absolute_or_none(base_url: str) -> Callable[[str], str | None]:
    """nh3 callback: resolve relative URLs, drop those that do not become http(s)."""

    def rewrite(url: str) -> str | None:
        resolved = urljoin(base_url, url.strip())
        return resolved if urlsplit(resolved).scheme in ("http", "https") else None

    return rewrite


def _filter_attribute(element: str, attribute: str, value: str) -> str | None:
    """Images only from http(s); sizes only as plain numbers."""
    if element == "img" and attribute == "src":
        scheme = urlsplit(value.strip()).scheme.lower()
        return value if scheme in ("", "http", "https") else None
    if attribute in ("width", "height"):
        return value if value.isdigit() else None
    return value


def sanitize_html(html: str, base_url: str) -> str:
    """Keep the article's structure and links; strip everything that can run or track."""
    cleaned = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_filter_attribute,
        url_schemes=set(LINK_SCHEMES),
        url_relative=_absolute_or_none(base_url),
        link_rel=LINK_REL,
        strip_comments=True,
    )
    return _IMG_WITHOUT_SRC.sub("", cleaned).strip()
