"""How far behind the crawl is: feeds due now, feeds overdue, the oldest due time (metrics)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, case, func, or_, select

from jarida.storage.tables import feeds


@dataclass(frozen=True)
class FeedLateness:
    due: int  # active or failing feeds whose poll time has come (or was never set)
    overdue: int  # of those, due for longer than the grace period
    oldest_due_at: datetime | None  # the earliest poll time among due feeds


def feed_lateness(conn: Connection, now: datetime, overdue_after: timedelta) -> FeedLateness:
    """One aggregate over the feeds a crawler would claim now (storage.feeds._due_ids)."""
    late = now - overdue_after
    row = conn.execute(
        select(
            func.count(),
            func.coalesce(func.sum(case((feeds.c.next_poll_at <= late, 1), else_=0)), 0),
            func.min(feeds.c.next_poll_at),
        )
        .where(feeds.c.status.in_(("active", "failing")))
        .where(or_(feeds.c.next_poll_at.is_(None), feeds.c.next_poll_at <= now))
    ).one()
    return FeedLateness(due=int(row[0]), overdue=int(row[1]), oldest_due_at=row[2])
