"""From an extracted page (or the feed entry alone) to a record the store accepts."""

from __future__ import annotations

import re
from datetime import datetime

from jarida.crawl.discovery import to_plain_text
from jarida.dedup import canonical_url, content_hash
from jarida.model import ArticleRecord, Entry, Extracted, Feed, Source
from jarida.pipeline.publication import trusted_publication

_SPACES = re.compile(r"\s+")
EXCERPT_CHARS = 320


class EmptyArticle(ValueError):
    """Nothing at all is known of the article (no text, summary, description or title)."""


def make_excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The first sentences up to `limit` characters, cut on a word boundary."""
    flat = _SPACES.sub(" ", text).strip()
    if len(flat) <= limit:
        return flat
    cut = flat[:limit]
    sentence_end = max(cut.rfind(". "), cut.rfind("؟ "), cut.rfind("! "), cut.rfind("? "))
    if sentence_end > limit // 2:
        return cut[: sentence_end + 1]
    return cut.rsplit(" ", 1)[0].rstrip(",;:") + "…"


def build_record(
    extracted: Extracted,
    *,
    entry: Entry,
    feed: Feed,
    source: Source,
    fetched_url: str,
    fetched_at: datetime,
) -> ArticleRecord:
    """Merge page and entry: the page wins, the entry fills the gaps.

    A fetched page without article text still gives a record, marked
    `extraction="fallback"`, whose text is what is known: the entry's summary, else the
    page's meta description or title (`extracted.excerpt`). A later successful extraction
    of the URL replaces it (save_articles). With no page and no summary, nothing is known.
    """
    text = (extracted.text or "").strip()
    # Titles are plain text everywhere: markup in a page or feed title is dropped, not kept.
    title = to_plain_text(extracted.title or entry.title) or ""
    fallback = extracted.from_feed or not text
    if not text:
        text = (to_plain_text(entry.summary) or to_plain_text(extracted.excerpt) or "").strip()
    if not text:
        raise EmptyArticle(f"no article text in {fetched_url}")
    if not title:
        title = make_excerpt(text, 90)
    canonical = canonical_url(fetched_url, rel_canonical=extracted.canonical_url)
    return ArticleRecord(
        source_id=source.id,
        feed_id=feed.id,
        url=fetched_url,
        canonical_url=canonical,
        guid=entry.guid,
        title=title,
        text=text,
        html=extracted.html or "",
        excerpt=(extracted.excerpt or "").strip() or make_excerpt(text),
        content_hash=content_hash(title, text),
        fetched_at=fetched_at,
        author=to_plain_text(extracted.author or entry.author),
        published_at=trusted_publication(extracted.published or entry.published, fetched_at),
        language=extracted.language or entry.language or _only(source.languages),
        section=extracted.section or feed.section or source.section,
        image_url=extracted.image or entry.image,
        status="feed_only" if fallback else "ok",
        extraction="fallback" if fallback else "full",
    )


def _only(languages: tuple[str, ...]) -> str | None:
    return languages[0] if len(languages) == 1 else None
