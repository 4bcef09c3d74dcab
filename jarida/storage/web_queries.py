"""Queries the reader's website needs beyond the article lists: cache versions, batch lookups."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Connection, bindparam, func, select

from jarida.model import Article
from jarida.storage.articles import WITH_SOURCE as _WITH_SOURCE
from jarida.storage.rows import article_from_row
from jarida.storage.tables import (
    IMAGE_COLUMNS,
    LEAD_IMAGE,
    articles,
    change_marks,
    images,
    media,
    sources,
)


@dataclass(frozen=True, slots=True)
class ArticleView:
    """What an article's page shows: the article, its outlet's name and display mode.

    `text` is only read when the page needs it: when `html` is blank (see `article_view`).
    """

    id: int
    url: str
    canonical_url: str
    title: str
    html: str
    excerpt: str
    author: str | None
    published_at: datetime | None
    updated_at: datetime
    language: str | None
    section: str | None
    image_url: str | None
    status: str
    source_name: str
    source_mode: str
    extraction: str
    hidden_at: datetime | None = None
    image_id: int | None = None
    image_status: str | None = None
    image_widths: str | None = None
    text: str = ""


# Built once: executing the same statement object again skips building the query and its
# SQLAlchemy cache key. The columns are in ArticleView's order; the plain text, as long as
# the HTML and not shown when there is HTML, is left out.
_ARTICLE_VIEW = (
    select(
        articles.c.id, articles.c.url, articles.c.canonical_url, articles.c.title,
        articles.c.html, articles.c.excerpt,
        articles.c.author, articles.c.published_at, articles.c.updated_at,
        articles.c.language, articles.c.section, articles.c.image_url, articles.c.status,
        sources.c.name, sources.c.mode, articles.c.extraction, articles.c.hidden_at,
        *IMAGE_COLUMNS,
    )
    .join(sources, sources.c.id == articles.c.source_id)
    .outerjoin(images, LEAD_IMAGE)
    .outerjoin(media, media.c.sha256 == images.c.sha256)
    .where(articles.c.id == bindparam("article_id"))
)
_ARTICLE_TEXT = select(articles.c.text).where(articles.c.id == bindparam("article_id"))


def article_view(conn: Connection, article_id: int) -> ArticleView | None:
    """One article for its page, with its source, in one query (a second one for the plain
    text only when the article has no HTML and its source allows more than an excerpt)."""
    row = conn.execute(_ARTICLE_VIEW, {"article_id": article_id}).first()
    if row is None:
        return None
    view = ArticleView(*cast(tuple[Any, ...], row))  # the columns are in the fields' order
    if view.source_mode != "excerpt" and not view.html.strip():
        text = conn.execute(_ARTICLE_TEXT, {"article_id": article_id}).scalar()
        view = replace(view, text=text or "")
    return view


@dataclass(frozen=True)
class DataVersion:
    fingerprint: str
    last_changed: datetime | None


def _aware(value: object) -> datetime | None:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if not isinstance(value, datetime):
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def data_version(conn: Connection) -> DataVersion:
    """A cheap fingerprint that changes when articles or sources are added, updated or removed.

    Only index lookups: the highest article id (a new article), the latest updated_at
    (indexed since migration 0003: an update), the sources' count, highest id (removing
    a source removes its articles) and latest updated_at (an edit, such as a switch to
    excerpt-only, changes every page of that source), the highest image id and the
    moderation counter (`change_marks`, bumped by every block, restore, hidden article
    and stored image).
    """
    max_id = conn.execute(select(func.max(articles.c.id))).scalar()
    max_updated = conn.execute(select(func.max(articles.c.updated_at))).scalar()
    src = conn.execute(
        select(func.count(), func.max(sources.c.id), func.max(sources.c.updated_at))
        .select_from(sources)
    ).one()
    img = conn.execute(select(func.max(images.c.id))).one()
    # Bumped by every block, restore, ban, hidden article and stored image (storage.blocking).
    marks = conn.execute(select(func.sum(change_marks.c.counter))).scalar()
    last_changed = _aware(max_updated)
    parts = [max_id, last_changed.isoformat() if last_changed else None, *src, *img, marks]
    return DataVersion("|".join("" if p is None else str(p) for p in parts), last_changed)


def articles_by_ids(conn: Connection, ids: Sequence[int]) -> list[Article]:
    """Articles in the order of `ids` (missing ones left out), in one query per 500 ids."""
    found: dict[int, Article] = {}
    wanted = list(dict.fromkeys(ids))
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        query = _WITH_SOURCE.where(articles.c.id.in_(chunk), articles.c.hidden_at.is_(None))
        for row in conn.execute(query):
            art = article_from_row(row)
            found[art.id] = art
    return [found[i] for i in wanted if i in found]
