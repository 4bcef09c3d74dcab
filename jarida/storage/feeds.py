"""Queries on the polling state of feeds: what is due, what succeeded, what failed."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, or_, select, update

from jarida.model import Feed
from jarida.storage.clean import clean_text
from jarida.storage.rows import feed_from_row
from jarida.storage.tables import feeds, sources


def due_feeds(
    conn: Connection, now: datetime, *, source_slug: str | None = None, limit: int | None = None
) -> list[Feed]:
    """Active or failing feeds whose next poll time has come, oldest first."""
    query = (
        select(feeds)
        .where(feeds.c.status.in_(("active", "failing")))
        .where(or_(feeds.c.next_poll_at.is_(None), feeds.c.next_poll_at <= now))
        .order_by(feeds.c.next_poll_at, feeds.c.id)
    )
    if source_slug is not None:
        query = query.join(sources, sources.c.id == feeds.c.source_id).where(
            sources.c.slug == source_slug
        )
    if limit is not None:
        query = query.limit(limit)
    return [feed_from_row(r) for r in conn.execute(query)]


def next_due_time(conn: Connection) -> datetime | None:
    return conn.execute(
        select(feeds.c.next_poll_at)
        .where(feeds.c.status.in_(("active", "failing")))
        .order_by(feeds.c.next_poll_at)
        .limit(1)
    ).scalar()


def record_feed_success(
    conn: Connection,
    feed_id: int,
    *,
    polled_at: datetime,
    next_poll_at: datetime,
    poll_interval: int,
    etag: str | None,
    last_modified: str | None,
    body_hash: str | None,
) -> None:
    conn.execute(
        update(feeds)
        .where(feeds.c.id == feed_id)
        .values(
            last_polled_at=polled_at,
            next_poll_at=next_poll_at,
            poll_interval=poll_interval,
            etag=etag,
            last_modified=last_modified,
            body_hash=body_hash,
            consecutive_failures=0,
            last_error=None,
            status="active",
        )
    )


def mark_feed_failed(
    conn: Connection, feed_id: int, *, error: str, polled_at: datetime, next_poll_at: datetime
) -> None:
    """Count one more failure; the feed stays scheduled (slowly), never silently dropped."""
    conn.execute(
        update(feeds)
        .where(feeds.c.id == feed_id)
        .values(
            last_polled_at=polled_at,
            next_poll_at=next_poll_at,
            consecutive_failures=feeds.c.consecutive_failures + 1,
            last_error=clean_text(error),
            status="failing",
        )
    )


def mark_feed_gone(conn: Connection, feed_id: int, *, error: str, polled_at: datetime) -> None:
    """HTTP 410: the publisher removed the feed; stop polling it."""
    conn.execute(
        update(feeds)
        .where(feeds.c.id == feed_id)
        .values(last_polled_at=polled_at, next_poll_at=None, last_error=error, status="gone")
    )


def update_feed_url(conn: Connection, feed_id: int, new_url: str) -> bool:
    """Follow a permanent redirect; False when another feed already has that URL."""
    clash = conn.execute(select(feeds.c.id).where(feeds.c.url == new_url)).first()
    if clash is not None and clash[0] != feed_id:
        return False
    conn.execute(
        update(feeds).where(feeds.c.id == feed_id).values(
            url=new_url, registered_url=func.coalesce(feeds.c.registered_url, feeds.c.url)
        )
    )
    return True


def set_feed_kind(conn: Connection, feed_id: int, kind: str, url: str | None = None) -> None:
    values: dict[str, Any] = {"kind": kind}
    if url:
        values["url"] = url
        values["registered_url"] = func.coalesce(feeds.c.registered_url, feeds.c.url)
    conn.execute(update(feeds).where(feeds.c.id == feed_id).values(**values))


def make_feeds_due(conn: Connection, now: datetime, *, source_slug: str | None = None) -> int:
    """Schedule active and failing feeds (of one source, or all) for an immediate poll."""
    stmt = update(feeds).where(feeds.c.status.in_(("active", "failing")))
    if source_slug is not None:
        stmt = stmt.where(
            feeds.c.source_id.in_(select(sources.c.id).where(sources.c.slug == source_slug))
        )
    return int(conn.execute(stmt.values(next_poll_at=now)).rowcount or 0)
