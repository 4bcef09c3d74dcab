"""One alerts step: evaluate the rules, record and queue, queue digests, send.

`run_alerts` is what `jarida watch alerts run` calls and what `jarida run` calls every
`alerts_interval_seconds` (`alerts_loop`, started by `pipeline.runner.run_forever`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from datetime import UTC, datetime

from jarida.alerts.dispatch import DispatchReport, dispatch
from jarida.alerts.enqueue import queue_digests, record_alerts
from jarida.alerts.rules import evaluate
from jarida.settings import Settings
from jarida.storage import Database
from jarida.storage.failures import describe

log = logging.getLogger("jarida.alerts")


@dataclass(frozen=True)
class AlertsReport:
    found: int  # events the rules saw (known ones included)
    created: int  # alerts recorded by this step
    digests: int
    delivery: DispatchReport


def evaluate_and_queue(db: Database, settings: Settings, now: datetime) -> tuple[int, int, int]:
    """The write side, in one transaction: (events found, alerts created, digests queued)."""
    with db.write() as conn:
        found = evaluate(conn, settings, now)
        created = record_alerts(conn, found, now)
        digests = queue_digests(conn, settings, now)
    return len(found), len(created), digests


async def run_alerts(db: Database, settings: Settings, *, now: datetime | None = None
                     ) -> AlertsReport:
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    found, created, digests = await asyncio.to_thread(evaluate_and_queue, db, settings, moment)
    sent = await dispatch(db, settings, now=None if now is None else moment)
    return AlertsReport(found, created, digests, sent)


async def alerts_loop(settings: Settings, db: Database, stop: asyncio.Event) -> None:
    """Every `alerts_interval_seconds` until `stop`; a failed step is logged, never fatal."""
    interval = settings.alerts_interval_seconds
    if interval <= 0:
        return
    while not stop.is_set():
        try:
            report = await run_alerts(db, settings)
            if report.created or report.delivery.sent or report.delivery.failed:
                log.info("alerts: %d new, %d sent, %d retrying, %d failed", report.created,
                         report.delivery.sent, report.delivery.retrying,
                         report.delivery.failed)
        except Exception as exc:
            log.error("alerts step failed: %s", describe(exc))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=interval)
