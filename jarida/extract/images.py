"""The article's lead image: declared (og:image, JSON-LD) first, else the first figure."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

# Lazy-loading scripts keep the real address in one of these.
_SRC_ATTRIBUTES = ("src", "data-src", "data-lazy-src", "data-original")


def absolute_image_url(url: str | None, base_url: str) -> str | None:
    """Resolve against the page; keep only http(s) addresses."""
    if not url or not url.strip() or url.strip().startswith("data:"):
        return None
    resolved = urljoin(base_url, url.strip())
    return resolved if urlsplit(resolved).scheme in ("http", "https") else None


def _figure_image(tree: HtmlElement) -> str | None:
    for img in tree.iterfind(".//figure//img"):
        for attribute in _SRC_ATTRIBUTES:
            value = img.get(attribute)
            if value and not value.startswith("data:"):
                return str(value)
    return None


def lead_image(tree: HtmlElement | None, declared: str | None, base_url: str) -> str | None:
    """The declared image when there is one, else the first image inside a <figure>."""
    found = absolute_image_url(declared, base_url)
    if found is None and tree is not None:
        found = absolute_image_url(_figure_image(tree), base_url)
    return found
