"""Plain data passed between the stages: frozen dataclasses, no behaviour.

Each arrow of the flow (registry -> poll -> fetch -> extract -> dedup -> store
-> serve) takes and returns these, so the same stages run inline or as queue
tasks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from jarida.pipeline.derived import Derived

FeedKind = Literal["rss", "atom", "sitemap", "listing"]
PublishingMode = Literal["full", "excerpt"]
FeedStatus = Literal["active", "failing", "gone", "paused"]
ArticleStatus = Literal["ok", "feed_only", "updated", "removed"]
Extraction = Literal["full", "fallback"]
ImageStatus = Literal["pending", "ok", "blocked", "failed"]


@dataclass(frozen=True)
class FeedSpec:
    """A feed as declared in the registry (before it is stored)."""

    url: str
    kind: FeedKind = "rss"
    section: str | None = None
    listing_pattern: str | None = None  # regex selecting article links on a listing page
    title: str | None = None


@dataclass(frozen=True)
class SourceSpec:
    """A news outlet as declared in YAML/OPML or on the command line."""

    slug: str
    name: str
    homepage: str | None = None
    languages: tuple[str, ...] = ()
    country: str | None = None
    section: str | None = None
    mode: PublishingMode = "full"
    timezone: str | None = None
    verified: bool = True
    feeds: tuple[FeedSpec, ...] = ()


@dataclass(frozen=True)
class Source:
    id: int
    slug: str
    name: str
    homepage: str | None
    languages: tuple[str, ...]
    country: str | None
    section: str | None
    mode: PublishingMode
    timezone: str | None
    verified: bool
    created_at: datetime


@dataclass(frozen=True)
class Feed:
    id: int
    source_id: int
    url: str
    kind: FeedKind
    section: str | None
    listing_pattern: str | None
    title: str | None
    etag: str | None
    last_modified: str | None
    body_hash: str | None
    poll_interval: int
    next_poll_at: datetime | None
    last_polled_at: datetime | None
    consecutive_failures: int
    last_error: str | None
    status: FeedStatus
    schedule_state: str | None = None  # the adaptive schedule's FeedRhythm, JSON


@dataclass(frozen=True)
class Entry:
    """One item found in a feed, sitemap or listing page."""

    url: str
    guid: str | None = None
    title: str | None = None
    summary: str | None = None
    content_html: str | None = None
    author: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    image: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Extracted:
    """What the extractor read from one article page."""

    url: str
    title: str | None = None
    text: str | None = None
    html: str | None = None
    author: str | None = None
    published: datetime | None = None
    image: str | None = None
    language: str | None = None
    section: str | None = None
    canonical_url: str | None = None
    excerpt: str | None = None
    from_feed: bool = False  # the page gave no body; text comes from the feed entry


@dataclass(frozen=True)
class ArticleRecord:
    """An article ready to be stored (idempotently, keyed by canonical URL)."""

    source_id: int
    feed_id: int | None
    url: str
    canonical_url: str
    title: str
    text: str
    html: str
    excerpt: str
    content_hash: str
    fetched_at: datetime
    guid: str | None = None
    author: str | None = None
    published_at: datetime | None = None
    language: str | None = None
    section: str | None = None
    image_url: str | None = None
    status: ArticleStatus = "ok"
    # "fallback": the page gave no article text; stored from the feed entry / page metadata
    extraction: Extraction = "full"
    # Title and text as SQLite's search index stores them (storage.searchtext.index_text),
    # computed by the extraction worker; storage uses them only if cleaning left the
    # record's title, text and language as they are, and recomputes them otherwise.
    index_forms: tuple[str, str] | None = field(default=None, repr=False, compare=False)
    # What the after-store hooks compute from the record alone (copies signature, story
    # features), computed by the extraction worker (jarida.pipeline.derived).
    derived: Derived | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class Article:
    id: int
    source_id: int
    feed_id: int | None
    url: str
    canonical_url: str
    guid: str | None
    title: str
    text: str
    html: str
    excerpt: str
    author: str | None
    published_at: datetime | None
    fetched_at: datetime
    updated_at: datetime
    language: str | None
    section: str | None
    image_url: str | None
    content_hash: str
    status: ArticleStatus
    source_slug: str = ""
    source_name: str = ""
    # The lead image's row (images, joined on image_url) and its stored widths, "320,640".
    image_id: int | None = None
    image_status: str | None = None
    image_widths: str | None = None
    hidden: bool = False
    extraction: Extraction = "full"


@dataclass(frozen=True)
class Image:
    id: int
    article_id: int
    url: str
    status: ImageStatus


@dataclass(frozen=True)
class SearchHit:
    article: Article
    snippet: str
    rank: float


@dataclass(frozen=True)
class Page:
    """A page of results with an opaque cursor to the next one."""

    items: list[Article] = field(default_factory=list)
    next_cursor: str | None = None
