"""The append-only audit log: who did what, to what, when and why (no update, no delete:
the database refuses both, see migration 0005)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, select

from jarida.storage.tables import audit_log


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str
    action: str
    target: str
    reason: str | None


def record(conn: Connection, actor: str, action: str, target: str,
           reason: str | None = None) -> None:
    conn.execute(audit_log.insert().values(
        at=datetime.now(UTC), actor=actor[:100], action=action[:40], target=target[:200],
        reason=(reason or None) and reason[:2000],
    ))


def recent_entries(conn: Connection, limit: int = 100, before: int | None = None
                   ) -> list[AuditEntry]:
    query = select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)
    if before is not None:
        query = query.where(audit_log.c.id < before)
    return [AuditEntry(r.id, r.at, r.actor, r.action, r.target, r.reason)
            for r in conn.execute(query)]
