"""Queries on crawl passes: record each one, and read the crawl's health from the latest."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, delete, insert, select

from jarida.storage.clean import clean_text
from jarida.storage.tables import crawl_passes

KEEP_PASSES = 1000  # older rows are pruned: this is a status, not an archive


@dataclass(frozen=True)
class PassRecord:
    runner: str
    started_at: datetime
    finished_at: datetime
    ok: bool
    error: str | None = None
    feeds: int = 0
    pages: int = 0
    stored: int = 0
    failed: int = 0


@dataclass(frozen=True)
class CrawlHealth:
    last_pass_at: datetime | None
    last_success_at: datetime | None
    consecutive_failures: int
    last_error: str | None


def record_pass(conn: Connection, record: PassRecord) -> None:
    conn.execute(insert(crawl_passes).values(
        runner=record.runner[:120], started_at=record.started_at,
        finished_at=record.finished_at, ok=record.ok, error=clean_text(record.error),
        feeds=record.feeds, pages=record.pages, stored=record.stored, failed=record.failed,
    ))
    oldest_kept = conn.execute(
        select(crawl_passes.c.id).order_by(crawl_passes.c.id.desc())
        .offset(KEEP_PASSES).limit(1)
    ).scalar()
    if oldest_kept is not None:
        conn.execute(delete(crawl_passes).where(crawl_passes.c.id <= oldest_kept))


def crawl_health(conn: Connection, *, window: int = 100) -> CrawlHealth:
    """From the latest passes of every runner: when the crawl last worked, and the
    failures since."""
    rows = conn.execute(
        select(crawl_passes.c.finished_at, crawl_passes.c.ok, crawl_passes.c.error)
        .order_by(crawl_passes.c.id.desc()).limit(window)
    ).all()
    failures = 0
    last_error = None
    for row in rows:
        if row.ok:
            break
        failures += 1
        last_error = last_error or row.error
    success = conn.execute(
        select(crawl_passes.c.finished_at).where(crawl_passes.c.ok.is_(True))
        .order_by(crawl_passes.c.id.desc()).limit(1)
    ).scalar()
    return CrawlHealth(
        last_pass_at=rows[0].finished_at if rows else None, last_success_at=success,
        consecutive_failures=failures, last_error=last_error,
    )
