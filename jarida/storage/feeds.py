"""Queries on the polling state of feeds: what is due, what succeeded, what failed."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
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


def _due_ids(now: datetime, source_slug: str | None, limit: int | None) -> Any:
    """The ids of the feeds `due_feeds` would give, in its order (a subquery)."""
    query = (
        select(feeds.c.id)
        .where(feeds.c.status.in_(("active", "failing")))
        .where(or_(feeds.c.next_poll_at.is_(None), feeds.c.next_poll_at <= now))
        .order_by(feeds.c.next_poll_at, feeds.c.id)
    )
    if source_slug is not None:
        query = query.where(
            feeds.c.source_id.in_(select(sources.c.id).where(sources.c.slug == source_slug))
        )
    return query.limit(limit) if limit is not None else query


def claim_due_feeds(
    conn: Connection,
    now: datetime,
    *,
    lease_seconds: int,
    source_slug: str | None = None,
    limit: int | None = None,
) -> list[Feed]:
    """Due feeds, claimed for this crawler: no other crawler on the database gets them.

    A claim moves `next_poll_at` to now + `lease_seconds` in the caller's write
    transaction (commit it before polling); the poll's `record_feed_success`,
    `mark_feed_failed` or `mark_feed_gone` then sets the real next time. If the crawler
    dies first, the feed is due again once the lease is over. PostgreSQL locks the due
    rows with FOR UPDATE SKIP LOCKED (a concurrent claim skips them without waiting);
    SQLite claims with one UPDATE ... RETURNING, atomic under its single writer. The
    feeds come back least recently polled first (never polled first), with `next_poll_at`
    set to the lease's end.
    """
    if lease_seconds <= 0:
        raise ValueError("lease_seconds must be positive")
    until = now + timedelta(seconds=lease_seconds)
    due = _due_ids(now, source_slug, limit)
    if conn.dialect.name == "postgresql":
        ids = list(conn.execute(due.with_for_update(skip_locked=True)).scalars())
        if ids:
            conn.execute(update(feeds).where(feeds.c.id.in_(ids)).values(next_poll_at=until))
    else:
        ids = list(conn.execute(
            update(feeds).where(feeds.c.id.in_(due.scalar_subquery()))
            .values(next_poll_at=until).returning(feeds.c.id)
        ).scalars())
    if not ids:
        return []
    claimed = [replace(feed_from_row(r), next_poll_at=until)
               for r in conn.execute(select(feeds).where(feeds.c.id.in_(ids)))]
    epoch = datetime.min.replace(tzinfo=now.tzinfo)
    return sorted(claimed, key=lambda f: (f.last_polled_at or epoch, f.id))
