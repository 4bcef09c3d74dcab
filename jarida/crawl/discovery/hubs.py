"""WebSub discovery: the hub a feed names, and the topic URL it calls itself.

Per the WebSub recommendation (§4), the HTTP `Link` header comes first, then `<link>`
elements at the top of the document (`<atom:link rel="hub">` in an RSS channel, `<link
rel="hub">` in an Atom feed). Only http(s) URLs are returned; items' links are ignored.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from lxml import etree

from jarida.crawl.discovery.xmlfeeds import ATOM, split_tag
from jarida.crawl.discovery.xmlsafety import BodyError, UnsafeXMLError, parse_xml, prepare_body

_LINK_VALUE = re.compile(r"<([^>]*)>((?:\s*;\s*[^,;]+)*)")
_REL_PARAM = re.compile(r"""rel\s*=\s*(?:"([^"]*)"|([^\s;,"]+))""", re.IGNORECASE)
MAX_LINK_HEADER = 8192


@dataclass(frozen=True)
class HubLinks:
    hub: str | None = None
    self_url: str | None = None  # the topic to subscribe to, when the feed names itself


def _http_url(url: str | None, base: str) -> str | None:
    if not url:
        return None
    absolute = urljoin(base, url.strip())
    parts = urlsplit(absolute)
    return absolute if parts.scheme in ("http", "https") and parts.hostname else None


def links_from_header(value: str, base_url: str) -> dict[str, str]:
    """rel -> first URL, from an RFC 8288 `Link` header value."""
    found: dict[str, str] = {}
    for match in _LINK_VALUE.finditer(value[:MAX_LINK_HEADER]):
        rel = _REL_PARAM.search(match.group(2) or "")
        url = _http_url(match.group(1), base_url)
        if rel is None or url is None:
            continue
        for name in (rel.group(1) or rel.group(2) or "").lower().split():
            found.setdefault(name, url)
    return found


def _links_from_document(body: bytes, base_url: str) -> dict[str, str]:
    if b"hub" not in body.lower():  # cheap: most feeds name no hub
        return {}
    try:
        root = parse_xml(prepare_body(body), base_url, recover=True)
    except (etree.XMLSyntaxError, UnsafeXMLError, BodyError):
        return {}
    ns, local = split_tag(root.tag)
    top = root.find("channel") if local == "rss" else root
    if top is None or (local not in ("rss", "feed") or (local == "feed" and ns != ATOM)):
        return {}
    found: dict[str, str] = {}
    for child in top:
        if split_tag(child.tag) != (ATOM, "link"):
            continue
        url = _http_url(child.get("href"), base_url)
        for name in (child.get("rel") or "").lower().split():
            if url is not None:
                found.setdefault(name, url)
    return found


def hub_links(body: bytes, base_url: str, headers: Mapping[str, str]) -> HubLinks:
    """The hub and self URL of a feed response (header first, then the document)."""
    header = next((v for k, v in headers.items() if k.lower() == "link"), "")
    from_header = links_from_header(header, base_url) if header else {}
    from_body = {} if "hub" in from_header else _links_from_document(body, base_url)
    links = from_header if "hub" in from_header else from_body
    return HubLinks(links.get("hub"), links.get("self") or from_header.get("self"))
