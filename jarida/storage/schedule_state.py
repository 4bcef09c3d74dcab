"""The adaptive schedule's memory of each feed (`feeds.schedule_state`, migration 0005)."""

from __future__ import annotations

from sqlalchemy import Connection, update

from jarida.storage.tables import feeds


def save_schedule_state(conn: Connection, feed_id: int, state: str) -> None:
    """The feed's rhythm as `jarida.pipeline.schedule.plan_next_poll` returned it."""
    conn.execute(update(feeds).where(feeds.c.id == feed_id).values(schedule_state=state))
