"""Shared last step of every feed parser: raw fields in, clean jarida.model.Entry out.

Both the lxml fast path and the feedparser fallback fill a RawItem, so titles,
dates, URLs and images are cleaned by exactly one piece of code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from jarida.crawl.discovery.feeddates import to_utc
from jarida.crawl.discovery.identity import entry_keys
from jarida.crawl.discovery.plaintext import author_name, language_code, to_plain_text
from jarida.model import Entry

_ABSOLUTE_RE = re.compile(r"https?://[^/?#]", re.I)
# An http(s) URL with a plain host (no userinfo, IPv6 or odd port) needs no urlsplit check.
_PLAIN_ABSOLUTE_RE = re.compile(r"https?://[A-Za-z0-9.\-]+(?::[0-9]{1,5})?(?:[/?#]|$)", re.I)
_IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif")
# Preference when an item offers several pictures: media:content, enclosure, thumbnail.
IMAGE_RANK = {"media_content": 0, "enclosure": 1, "thumbnail": 2}


@dataclass
class RawItem:
    """Fields of one feed item as found in the document, before any cleaning."""

    base: str
    link: str | None = None
    guid: str | None = None
    guid_is_permalink: bool = False
    title: str | None = None
    summary: str | None = None
    content_html: str | None = None
    author: str | None = None
    published: str | None = None
    updated: str | None = None
    published_dt: datetime | None = None  # already parsed (feedparser path)
    updated_dt: datetime | None = None
    # (rank, url, mime type or medium or "")
    images: list[tuple[int, str, str]] = field(default_factory=list)
    language: str | None = None


def absolute_http_url(value: str | None, base: str) -> str | None:
    """Resolve value against base; only http(s) URLs with a host come back."""
    if not value:
        return None
    candidate = "".join(value.split())  # feeds wrap long URLs over several lines
    if _PLAIN_ABSOLUTE_RE.match(candidate):
        return candidate
    if candidate.startswith("/") and not candidate.startswith("//") and "/." not in candidate:
        origin = _http_origin(base)  # fast path for root-relative links (urljoin is slow)
        return origin + candidate if origin else None
    try:
        url = candidate if _ABSOLUTE_RE.match(candidate) else urljoin(base, candidate)
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return url


@lru_cache(maxsize=256)
def _http_origin(base: str) -> str | None:
    """'https://host:port' of an http(s) base URL, None for anything else."""
    try:
        parts = urlsplit(base)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return f"{parts.scheme.lower()}://{parts.netloc}"


def looks_like_image(url: str, kind: str) -> bool:
    """True for medium="image", an image/* MIME type, or (untyped) an image file name."""
    kind = kind.lower()
    if kind == "image" or kind.startswith("image/"):
        return True
    if kind:
        return False
    return urlsplit(url).path.lower().endswith(_IMAGE_EXTENSIONS)


def best_image(item: RawItem) -> str | None:
    """Pick the preferred picture: media:content, then enclosure, then thumbnail."""
    candidates = []
    for rank, url, kind in item.images:
        absolute = absolute_http_url(url, item.base)
        if absolute and (rank == IMAGE_RANK["thumbnail"] or looks_like_image(absolute, kind)):
            candidates.append((rank, absolute))
    if not candidates:
        return None
    return min(candidates, key=lambda pair: pair[0])[1]


def build_entry(item: RawItem, default_tz: tzinfo = UTC) -> Entry | None:
    """Clean one RawItem; None when it has no usable http(s) URL."""
    guid = item.guid.strip() if item.guid and item.guid.strip() else None
    url = absolute_http_url(item.link, item.base)
    if url is None and guid and (item.guid_is_permalink or guid.startswith(("http://", "https://"))):
        url = absolute_http_url(guid, item.base)
    if url is None:
        return None
    return Entry(
        url=url,
        guid=guid,
        title=to_plain_text(item.title),
        summary=to_plain_text(item.summary),
        content_html=item.content_html or None,
        author=author_name(item.author),
        published=item.published_dt or to_utc(item.published, default_tz),
        updated=item.updated_dt or to_utc(item.updated, default_tz),
        image=best_image(item),
        language=language_code(item.language),
    )


def collapse_duplicates(entries: list[Entry]) -> list[Entry]:
    """One entry per identity (identity.entry_keys: the GUID while it names one URL, else
    the URL): the most recently updated wins, at the position where it first appeared."""
    position: dict[str, int] = {}
    kept: list[Entry] = []
    for key, entry in zip(entry_keys(entries), entries, strict=True):
        index = position.get(key)
        if index is None:
            position[key] = len(kept)
            kept.append(entry)
        elif _freshness(entry) > _freshness(kept[index]):
            kept[index] = entry
    return kept


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _freshness(entry: Entry) -> datetime:
    return entry.updated or entry.published or _EPOCH
