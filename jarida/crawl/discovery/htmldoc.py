"""Parse untrusted HTML once, safely, and find the base URL links resolve against."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from lxml import etree, html

from jarida.crawl.discovery.entries import absolute_http_url

_DECLARED_CHARSET_RE = re.compile(rb"<meta[^>]+charset", re.I)


def parse_html(document: bytes | str) -> html.HtmlElement | None:
    """An lxml tree for a page, or None when there is nothing to parse."""
    encoding = None
    if isinstance(document, str):
        # "replace": a lone surrogate (text decoded with surrogateescape) becomes "?"
        document, encoding = document.encode("utf-8", "replace"), "utf-8"
    elif not _DECLARED_CHARSET_RE.search(document[:4096]):
        encoding = _guess_encoding(document)
    parser = html.HTMLParser(encoding=encoding, remove_comments=True, no_network=True)
    if not document.strip():
        return None
    try:
        return html.document_fromstring(document, parser=parser)
    except (etree.ParserError, ValueError):
        return None


def _guess_encoding(document: bytes) -> str:
    """No declared charset: UTF-8 if it decodes, else Windows-1252 (better than Latin-1)."""
    try:
        document.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"


def document_base(doc: html.HtmlElement, page_url: str) -> str:
    """The page URL, overridden by a valid <base href> (resolved against it)."""
    for base_el in doc.iter("base"):
        href = base_el.get("href")
        if href:
            resolved = absolute_http_url(urljoin(page_url, href.strip()), page_url)
            return resolved or page_url
    return page_url
