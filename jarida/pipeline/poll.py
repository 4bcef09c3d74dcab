"""Polling one feed: fetch it politely, read its entries, follow its moves.

Handles the cases that change what the feed *is*: a permanent redirect, a 410,
a homepage where a feed was expected (autodiscovery), a sitemap index.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo

from jarida.crawl.discovery import (
    candidate_feed_urls,
    detect_kind,
    discover_feeds,
    links_from_listing,
    parse_feed,
)
from jarida.crawl.discovery.hubs import HubLinks, hub_links
from jarida.crawl.fetcher import Fetcher
from jarida.crawl.result import FetchResult
from jarida.lxml_turn import lxml_turn
from jarida.model import Entry, Feed, FeedKind

MAX_CHILD_SITEMAPS = 50
MAX_PROBES = 6


@dataclass
class PollResult:
    fetch: FetchResult
    entries: list[Entry] = field(default_factory=list)
    error: str | None = None
    new_url: str | None = None  # permanent redirect or autodiscovered feed
    new_kind: FeedKind | None = None
    extra_fetches: list[FetchResult] = field(default_factory=list)
    hub: HubLinks = field(default_factory=HubLinks)  # WebSub hub and topic it names

    @property
    def not_modified(self) -> bool:
        return self.fetch.ok and self.fetch.not_modified

    @property
    def gone(self) -> bool:
        return self.fetch.gone


async def poll_feed(fetcher: Fetcher, feed: Feed, *, timezone: str = "UTC") -> PollResult:
    result = await fetcher.fetch(
        feed.url, etag=feed.etag, last_modified=feed.last_modified, body_hash=feed.body_hash
    )
    poll = PollResult(fetch=result, new_url=result.permanent_redirect)
    if not result.ok:
        poll.error = result.error
        return poll
    if result.not_modified:
        return poll
    if feed.kind == "listing":
        with lxml_turn():
            poll.entries = links_from_listing(result.body, result.final_url,
                                              feed.listing_pattern)
        if not poll.entries:
            poll.error = "listing page has no article links"
        return poll
    body, base, headers = result.body, result.final_url, result.headers
    if detect_kind(body, result.headers.get("content-type")) == "html":
        found = await _autodiscover(fetcher, result, poll)
        if found is None:
            poll.error = f"{feed.url} is a web page that advertises no feed"
            return poll
        body, base, headers = found.body, found.final_url, found.headers
    await _read_entries(fetcher, feed, body, base, poll, ZoneInfo(timezone))
    with lxml_turn():
        poll.hub = hub_links(body, base, headers)
    return poll


async def _autodiscover(
    fetcher: Fetcher, page: FetchResult, poll: PollResult
) -> FetchResult | None:
    """A homepage was registered: use the feed it advertises, else a common feed path."""
    with lxml_turn():
        advertised = [f.url for f in discover_feeds(page.body, page.final_url)]
    for url in [*advertised, *candidate_feed_urls(page.final_url)][: MAX_PROBES + len(advertised)]:
        if url == page.final_url:
            continue
        probe = await fetcher.fetch(url)
        poll.extra_fetches.append(probe)
        if not probe.ok:
            continue
        kind = detect_kind(probe.body, probe.headers.get("content-type"))
        if kind in ("rss", "atom", "sitemap", "sitemap_index"):
            poll.new_url = probe.final_url
            poll.new_kind = "sitemap" if kind.startswith("sitemap") else kind  # type: ignore[assignment]
            return probe
    return None


async def _read_entries(
    fetcher: Fetcher, feed: Feed, body: bytes, base: str, poll: PollResult, tz: tzinfo
) -> None:
    hint = feed.kind if feed.kind != "listing" else None
    with lxml_turn():  # the feed readers parse with lxml (jarida/lxml_turn.py)
        parsed = parse_feed(body, base, kind_hint=hint, default_tz=tz)
    entries = list(parsed.entries)
    if parsed.kind == "sitemap_index":
        children = _recent_children(parsed.child_sitemaps, parsed.child_lastmod, feed)
        fetched = await asyncio.gather(*(fetcher.fetch(u) for u in children))
        poll.extra_fetches.extend(fetched)
        for child in fetched:
            if child.ok:
                with lxml_turn():
                    entries.extend(parse_feed(child.body, child.final_url,
                                              kind_hint="sitemap", default_tz=tz).entries)
    poll.entries = entries
    if parsed.error and not entries:
        poll.error = parsed.error


def _recent_children(urls: list[str], lastmod: dict[str, datetime], feed: Feed) -> list[str]:
    """Child sitemaps changed since the last poll, newest first, at most a bounded number."""
    since = feed.last_polled_at
    fresh = [u for u in urls if since is None or u not in lastmod or lastmod[u] >= since]
    fresh.sort(key=lambda u: lastmod[u].timestamp() if u in lastmod else float("inf"),
               reverse=True)
    return fresh[:MAX_CHILD_SITEMAPS]
