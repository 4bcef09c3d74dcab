"""A reader's report on an image: who counts, rate limits, and the block at the threshold.

Distinct reporters are distinct cookie ids AND distinct networks: reports from one
network count once per image whatever cookies they carry, and never more networks are
counted than distinct cookies (`storage.reports.open_tally`). Both identities are
stored only as HMACs under a key that changes every `report_key_hours`; a reader's
earlier report is still recognised across one change (the previous key is kept).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from sqlalchemy import Connection

from jarida.moderation.blocking import block_with_copies
from jarida.moderation.identity import IPAddress, keyed_hash, network_of
from jarida.settings import Settings
from jarida.storage import audit
from jarida.storage import blocking as block_store
from jarida.storage import reports as store

REASONS = ("violence", "sexual", "hatred", "private", "copyright", "other")
MAX_COMMENT = 500


def reason_labels(gettext: Callable[[str], str]) -> list[tuple[str, str]]:
    """Each reason's code and its label in the reader's language."""
    labels = {
        "violence": gettext("Violence"),
        "sexual": gettext("Sexual content"),
        "hatred": gettext("Hatred"),
        "private": gettext("A private person"),
        "copyright": gettext("Copyright"),
        "other": gettext("Other"),
    }
    return [(code, labels[code]) for code in REASONS]


class UnknownImage(LookupError):
    pass


class RateLimited(Exception):
    pass


@dataclass(frozen=True)
class ReportRequest:
    image_id: int
    reason: str
    comment: str | None
    reader_id: str  # the first-party cookie's random id
    address: IPAddress | None


@dataclass(frozen=True)
class ReportOutcome:
    status: Literal["recorded", "already_reported"]
    blocked: bool


def key_epoch(now: datetime, settings: Settings) -> int:
    return int(now.timestamp() // (settings.report_key_hours * 3600))


def submit_report(conn: Connection, settings: Settings, req: ReportRequest,
                  now: datetime) -> ReportOutcome:
    """Record the report (in the caller's transaction) and block the image at the threshold."""
    state = block_store.image_state(conn, req.image_id)
    if state is None:
        raise UnknownImage(req.image_id)
    epoch = key_epoch(now, settings)
    keys = [k for k in (store.report_key(conn, epoch, create=True),
                        store.report_key(conn, epoch - 1, create=False)) if k is not None]
    net = network_of(req.address)
    reporters = [keyed_hash(k, "reader", req.reader_id) for k in keys]
    networks = [keyed_hash(k, "network", net) for k in keys]
    blocked = state.status == "blocked"
    if store.already_reported(conn, req.image_id, reporters):
        return ReportOutcome("already_reported", blocked)
    hour_ago = now - timedelta(hours=1)
    if (store.reports_since(conn, networks=networks, since=hour_ago)
            >= settings.report_rate_per_network
            or store.reports_since(conn, reporters=reporters, since=hour_ago)
            >= settings.report_rate_per_reader):
        raise RateLimited()
    store.add_report(conn, store.NewReport(
        image_id=req.image_id, reporter=reporters[0], network=networks[0], epoch=epoch,
        reason=req.reason, comment=req.comment or None,
        weight=store.network_weight(conn, networks),
    ))
    if not blocked and store.open_tally(conn, req.image_id) >= settings.report_threshold - 1e-9:
        block_with_copies(conn, settings, [req.image_id], "reports", "queued")
        audit.record(conn, "readers", "image.blocked_by_reports", f"image:{req.image_id}",
                     f"{settings.report_threshold} distinct readers reported it")
        blocked = True
    return ReportOutcome("recorded", blocked)
