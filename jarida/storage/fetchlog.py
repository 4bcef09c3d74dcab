"""The fetch log: one row per request the crawler made, for operators and stats."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, delete, func, insert, select

from jarida.storage.clean import clean_text
from jarida.storage.tables import fetch_log


@dataclass(frozen=True)
class FetchLogEntry:
    url: str
    outcome: str  # "ok", "not_modified", "error", "gone", "skipped"
    fetched_at: datetime
    feed_id: int | None = None
    status: int | None = None
    error: str | None = None
    bytes: int = 0
    elapsed_ms: int = 0


def log_fetches(conn: Connection, entries: list[FetchLogEntry]) -> None:
    if entries:
        conn.execute(
            insert(fetch_log),
            [
                {
                    "feed_id": e.feed_id,
                    "url": clean_text(e.url),
                    "status": e.status,
                    "outcome": e.outcome,
                    "error": clean_text(e.error),
                    "bytes": e.bytes,
                    "elapsed_ms": e.elapsed_ms,
                    "fetched_at": e.fetched_at,
                }
                for e in entries
            ],
        )


def fetch_outcomes_since(conn: Connection, since: datetime) -> dict[str, int]:
    rows = conn.execute(
        select(fetch_log.c.outcome, func.count())
        .where(fetch_log.c.fetched_at >= since)
        .group_by(fetch_log.c.outcome)
    )
    return {str(k): int(n) for k, n in rows}


def prune_fetch_log(conn: Connection, now: datetime, keep_days: int = 30) -> int:
    result = conn.execute(
        delete(fetch_log).where(fetch_log.c.fetched_at < now - timedelta(days=keep_days))
    )
    return int(result.rowcount or 0)
