"""Pushed feed bodies, read like a polled feed: the crawler's "pushed entries for this feed"."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from jarida.crawl.discovery import parse_feed
from jarida.crawl.discovery.identity import entry_keys
from jarida.crawl.result import FetchResult
from jarida.lxml_turn import lxml_turn
from jarida.model import Entry, Feed
from jarida.pipeline.poll import PollResult


def pushed_poll(feed: Feed, bodies: list[bytes], timezone: str) -> PollResult | None:
    """The entries of the pushed bodies as a poll result, or None when none is usable
    (the crawler then polls the feed as usual). No request was made: the fetch part
    carries no status and no validators, so the feed's stored ones are kept."""
    hint = feed.kind if feed.kind in ("rss", "atom") else None
    latest: dict[str, Entry] = {}
    for body in bodies:  # oldest first: a later push of the same entry wins
        with lxml_turn():  # a worker's threads parse one at a time (jarida/lxml_turn.py)
            parsed = parse_feed(body, feed.url, kind_hint=hint,
                                default_tz=ZoneInfo(timezone))
        entries = list(parsed.entries)
        for key, entry in zip(entry_keys(entries), entries, strict=True):
            latest[key] = entry
    if not latest:
        return None
    return PollResult(fetch=FetchResult(url=feed.url, final_url=feed.url),
                      entries=list(latest.values()))
