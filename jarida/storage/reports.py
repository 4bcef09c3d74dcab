"""Readers' image reports: keyed hashes of who reported, tallies, rate counts, standing."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from jarida.storage.tables import network_standing, report_keys, reports


def report_key(conn: Connection, epoch: int, *, create: bool) -> bytes | None:
    """The secret of this key period (made on first use when `create`); keys older than the
    previous period are deleted, so hashes made with them can no longer be linked."""
    found = conn.execute(select(report_keys.c.secret).where(report_keys.c.epoch == epoch))
    value = found.scalar()
    if value is None and create:
        insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
        conn.execute(
            insert(report_keys).on_conflict_do_nothing(index_elements=["epoch"]),
            {"epoch": epoch, "secret": secrets.token_hex(32), "created_at": datetime.now(UTC)},
        )
        conn.execute(delete(report_keys).where(report_keys.c.epoch < epoch - 1))
        value = conn.execute(
            select(report_keys.c.secret).where(report_keys.c.epoch == epoch)
        ).scalar()
    return bytes.fromhex(str(value)) if value is not None else None


@dataclass(frozen=True)
class NewReport:
    image_id: int
    reporter: str
    network: str
    epoch: int
    reason: str
    comment: str | None
    weight: float


def add_report(conn: Connection, report: NewReport) -> None:
    conn.execute(reports.insert().values(
        image_id=report.image_id, reporter=report.reporter, network=report.network,
        epoch=report.epoch, reason=report.reason, comment=report.comment,
        weight=report.weight, status="open", created_at=datetime.now(UTC),
    ))


def already_reported(conn: Connection, image_id: int, reporters: Sequence[str]) -> bool:
    """Has this reader (under the current or previous key) ever reported the image?"""
    row = conn.execute(select(reports.c.id).where(
        reports.c.image_id == image_id, reports.c.reporter.in_(list(reporters)),
    ).limit(1)).first()
    return row is not None


def reports_since(conn: Connection, *, networks: Sequence[str] = (),
                  reporters: Sequence[str] = (), since: datetime) -> int:
    """Reports made since `since` from any of these networks or reader hashes."""
    column = reports.c.network if networks else reports.c.reporter
    values = list(networks or reporters)
    return int(conn.execute(
        select(func.count()).select_from(reports)
        .where(column.in_(values), reports.c.created_at >= since)
    ).scalar_one())


def open_tally(conn: Connection, image_id: int) -> float:
    """Distinct reporters of an image's open reports: each network counts once (at its
    highest weight), and never more networks than distinct reader cookies."""
    rows = conn.execute(
        select(reports.c.network, func.max(reports.c.weight))
        .where(reports.c.image_id == image_id, reports.c.status == "open")
        .group_by(reports.c.network)
    ).all()
    networks = sum(float(w) for _, w in rows)
    readers = conn.execute(
        select(func.count(func.distinct(reports.c.reporter)))
        .where(reports.c.image_id == image_id, reports.c.status == "open")
    ).scalar_one()
    return min(networks, float(readers))


def network_weight(conn: Connection, networks: Sequence[str]) -> float:
    """1 for a network in good standing; less the more its reports were dismissed."""
    row = conn.execute(
        select(func.coalesce(func.sum(network_standing.c.dismissed), 0),
               func.coalesce(func.sum(network_standing.c.upheld), 0))
        .where(network_standing.c.network.in_(list(networks)))
    ).one()
    dismissed, upheld = int(row[0]), int(row[1])
    return 1.0 / (1 + max(0, dismissed - upheld))


def close_reports(conn: Connection, image_ids: Sequence[int], outcome: str) -> int:
    """Mark open reports of these images 'dismissed' or 'upheld', and count the outcome
    against (or for) each network that made them; how many reports were closed."""
    if not image_ids:
        return 0
    where = (reports.c.image_id.in_(list(image_ids)), reports.c.status == "open")
    networks = [str(n) for n in conn.execute(
        select(reports.c.network).where(*where).distinct()).scalars()]
    closed = conn.execute(update(reports).where(*where).values(status=outcome)).rowcount
    column = "dismissed" if outcome == "dismissed" else "upheld"
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    for network in networks:
        first = {"network": network, "dismissed": 0, "upheld": 0, column: 1}
        stmt = insert(network_standing).values(**first)
        conn.execute(stmt.on_conflict_do_update(
            index_elements=["network"],
            set_={column: getattr(network_standing.c, column) + 1},
        ))
    return int(closed or 0)


@dataclass(frozen=True)
class ReportRow:
    id: int
    image_id: int
    reason: str
    comment: str | None
    status: str
    weight: float
    created_at: datetime


def reports_of_images(conn: Connection, image_ids: Sequence[int]) -> dict[int, list[ReportRow]]:
    out: dict[int, list[ReportRow]] = {i: [] for i in image_ids}
    if not image_ids:
        return out
    rows = conn.execute(
        select(reports.c.id, reports.c.image_id, reports.c.reason, reports.c.comment,
               reports.c.status, reports.c.weight, reports.c.created_at)
        .where(reports.c.image_id.in_(list(image_ids))).order_by(reports.c.id)
    )
    for row in rows:
        out[int(row.image_id)].append(ReportRow(*row))
    return out


def now_utc() -> datetime:
    return datetime.now(UTC)
