"""Queries of the admin area: the moderation queue, article search, source health."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, func, select, update

from jarida.storage.tables import articles, feeds, images, sources


@dataclass(frozen=True)
class QueuedImage:
    id: int
    article_id: int
    article_title: str
    status: str
    review: str | None
    blocked_reason: str | None
    blocked_at: datetime | None


def moderation_queue(conn: Connection, limit: int = 100) -> list[QueuedImage]:
    """Images blocked by readers' reports that wait for a moderator, oldest block first."""
    rows = conn.execute(
        select(images.c.id, images.c.article_id, articles.c.title, images.c.status,
               images.c.review, images.c.blocked_reason, images.c.blocked_at)
        .join(articles, articles.c.id == images.c.article_id)
        .where(images.c.review == "queued")
        .order_by(images.c.blocked_at, images.c.id).limit(limit)
    )
    return [QueuedImage(*r) for r in rows]


@dataclass(frozen=True)
class AdminArticle:
    id: int
    title: str
    source_name: str
    sort_at: datetime
    hidden_at: datetime | None


def search_articles_by_title(conn: Connection, words: str, *, hidden_only: bool = False,
                             limit: int = 50) -> list[AdminArticle]:
    query = (
        select(articles.c.id, articles.c.title, sources.c.name, articles.c.sort_at,
               articles.c.hidden_at)
        .join(sources, sources.c.id == articles.c.source_id)
        .order_by(articles.c.sort_at.desc(), articles.c.id.desc()).limit(limit)
    )
    words = words.replace("\x00", "").strip()
    if words.isdigit():
        query = query.where(articles.c.id == int(words))
    elif words:
        escaped = words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(articles.c.title.ilike(f"%{escaped}%", escape="\\"))
    if hidden_only:
        query = query.where(articles.c.hidden_at.is_not(None))
    return [AdminArticle(*r) for r in conn.execute(query)]


@dataclass(frozen=True)
class SourceHealth:
    id: int
    slug: str
    name: str
    feeds: int
    paused: int
    last_success: datetime | None
    error_streak: int
    last_error: str | None
    articles_per_day: float


def source_health(conn: Connection, now: datetime) -> list[SourceHealth]:
    week_ago = now - timedelta(days=7)
    recent: dict[int, int] = {int(k): int(v) for k, v in conn.execute(
        select(articles.c.source_id, func.count()).where(articles.c.fetched_at >= week_ago)
        .group_by(articles.c.source_id))}
    out = []
    for src in conn.execute(select(sources.c.id, sources.c.slug, sources.c.name)
                            .order_by(sources.c.name)):
        rows = conn.execute(select(feeds.c.status, feeds.c.last_polled_at,
                                   feeds.c.consecutive_failures, feeds.c.last_error)
                            .where(feeds.c.source_id == src.id)).all()
        ok_times = [r.last_polled_at for r in rows
                    if r.last_polled_at and r.consecutive_failures == 0]
        errors = [r for r in rows if r.last_error]
        out.append(SourceHealth(
            id=src.id, slug=src.slug, name=src.name, feeds=len(rows),
            paused=sum(1 for r in rows if r.status == "paused"),
            last_success=max(ok_times) if ok_times else None,
            error_streak=max((r.consecutive_failures for r in rows), default=0),
            last_error=errors[0].last_error if errors else None,
            articles_per_day=round(int(recent.get(src.id, 0)) / 7, 1),
        ))
    return out


def set_source_paused(conn: Connection, source_id: int, paused: bool) -> int:
    """Pause every active or failing feed of a source, or resume its paused feeds."""
    if paused:
        stmt = update(feeds).where(feeds.c.source_id == source_id,
                                   feeds.c.status.in_(("active", "failing")))
        result = conn.execute(stmt.values(status="paused"))
    else:
        stmt = update(feeds).where(feeds.c.source_id == source_id, feeds.c.status == "paused")
        result = conn.execute(stmt.values(status="active"))
    return int(result.rowcount or 0)


@dataclass(frozen=True)
class FeedStatusRow:
    source: str
    url: str
    status: str
    next_poll_at: datetime | None
    last_polled_at: datetime | None
    failures: int


def crawl_status(conn: Connection, limit: int = 200) -> list[FeedStatusRow]:
    rows = conn.execute(
        select(sources.c.name, feeds.c.url, feeds.c.status, feeds.c.next_poll_at,
               feeds.c.last_polled_at, feeds.c.consecutive_failures)
        .join(sources, sources.c.id == feeds.c.source_id)
        .order_by(feeds.c.next_poll_at.is_(None), feeds.c.next_poll_at).limit(limit)
    )
    return [FeedStatusRow(*r) for r in rows]
