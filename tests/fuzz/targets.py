"""The contracts fuzzed: each check raises AssertionError (or an unexpected error) on a bug."""

from __future__ import annotations

import contextlib
import re
from datetime import UTC
from zoneinfo import ZoneInfo

from jarida.crawl.body import BodyDecodingError, BodyTooLarge, BoundedBody
from jarida.crawl.discovery import discover_feeds, links_from_listing, parse_feed
from jarida.dedup import canonical_url
from jarida.extract import extract_article
from jarida.sources import load_sources_opml, load_sources_yaml
from jarida.sources.errors import RegistryFileError
from tests.fuzz.harness import target, unpack

BASE = "https://fuzz.example/section/feed"
BODY_LIMIT = 4096
_HTTP = re.compile(r"^https?://[^/?#]+", re.I)
_KIND_HINTS = (None, "rss", "atom", "sitemap", "listing")
_ZONES = (UTC, ZoneInfo("Africa/Casablanca"), ZoneInfo("America/New_York"))


def _text(data: bytes) -> str:
    return data.decode("utf-8", "surrogatepass") if _valid(data) else data.decode("latin-1")


def _valid(data: bytes) -> bool:
    try:
        data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return False
    return True


@target("feed")
def check_feed(data: bytes) -> None:
    """parse_feed never raises; what it returns links to http(s) URLs with dates in UTC."""
    selector, body = unpack(data, 2)
    choice = selector[0] if selector else 0
    feed = parse_feed(body, BASE, kind_hint=_KIND_HINTS[choice % len(_KIND_HINTS)],  # type: ignore[arg-type]
                      default_tz=_ZONES[choice % len(_ZONES)])
    for entry in feed.entries:
        assert _HTTP.match(entry.url), entry.url
        for when in (entry.published, entry.updated):
            assert when is None or when.utcoffset() is not None


@target("discovery")
def check_discovery(data: bytes) -> None:
    """Autodiscovery and listing links never raise and only yield http(s) URLs."""
    html = _text(data)
    for found in discover_feeds(html, BASE):
        assert _HTTP.match(found.url), found.url
    for entry in links_from_listing(html, BASE, None):
        assert _HTTP.match(entry.url), entry.url


@target("extract")
def check_extract(data: bytes) -> None:
    """extract_article never raises on any page; dates come back in UTC."""
    extracted = extract_article(_text(data), "https://fuzz.example/a/1.html", timezone="UTC")
    assert extracted.published is None or extracted.published.tzinfo is UTC
    assert extracted.text is None or isinstance(extracted.text, str)


@target("body")
def check_body(data: bytes) -> None:
    """Decoding fails only with BodyTooLarge/BodyDecodingError and never exceeds the cap."""
    header, payload, chunking = unpack(data, 3)
    size = max(1, chunking[0] if chunking else 64)
    try:
        reader = BoundedBody(header.decode("latin-1"), BODY_LIMIT)
        for start in range(0, len(payload), size):
            reader.feed(payload[start:start + size])
    except (BodyTooLarge, BodyDecodingError):
        return
    assert len(reader.body()) <= BODY_LIMIT


@target("url")
def check_url(data: bytes) -> None:
    """canonical_url refuses with ValueError or answers a fixed point: canonical twice = once."""
    url, rel = (_text(part) for part in unpack(data, 2))
    try:
        once = canonical_url(url, rel_canonical=rel or None)
    except ValueError:
        return
    assert canonical_url(once) == once, (url, rel, once)


@target("opml")
def check_opml(data: bytes) -> None:
    """An OPML file is read or refused with RegistryFileError, nothing else."""
    with contextlib.suppress(RegistryFileError):
        load_sources_opml(data)


@target("yaml")
def check_yaml(data: bytes) -> None:
    """A YAML registry is read or refused with RegistryFileError, nothing else."""
    text = _text(data)
    if "\n" not in text:
        text += "\n"  # one line ending in .yaml would be read as a path: stay on text
    with contextlib.suppress(RegistryFileError):
        load_sources_yaml(text)
