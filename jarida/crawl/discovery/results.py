"""Plain results of discovery: what a feed, sitemap or page told us, as frozen data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from jarida.model import Entry

ParsedKind = Literal["rss", "atom", "sitemap", "sitemap_index", "listing"]
DetectedKind = Literal["rss", "atom", "sitemap", "sitemap_index", "html", "unknown"]
DiscoveredKind = Literal["rss", "atom", "sitemap"]


@dataclass(frozen=True)
class ParsedFeed:
    """Everything one poll of a feed, sitemap or listing page yields.

    `error` is one line; it may be set while `entries` still holds what a lenient
    parser recovered from a malformed document.
    """

    kind: ParsedKind
    title: str | None = None
    entries: list[Entry] = field(default_factory=list)
    child_sitemaps: list[str] = field(default_factory=list)
    error: str | None = None
    language: str | None = None
    # lastmod of each child sitemap of an index (when given), so callers can skip old ones
    child_lastmod: dict[str, datetime] = field(default_factory=dict)


@dataclass(frozen=True)
class DiscoveredFeed:
    """A feed advertised by a page (<link rel="alternate">) or a path worth probing."""

    url: str
    kind: DiscoveredKind
    title: str | None = None
