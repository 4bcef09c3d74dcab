"""What the alert pages and the alert API show, as plain data (no SQL here): the rules
(subscriptions: which alerts go where) and the alert history with its deliveries."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from jarida.alerts.texts import alert_headline
from jarida.storage import alerts as store
from jarida.storage.alerts import DeliveryRow, SavedQuery, StoredAlert, Subscription

HISTORY_LIMIT = 200


@dataclass(frozen=True)
class HistoryItem:
    alert: StoredAlert
    deliveries: list[DeliveryRow]


@dataclass(frozen=True)
class Rules:
    subscriptions: list[Subscription]
    queries: list[SavedQuery]

    def query_name(self, query_id: int | None) -> str | None:
        return next((q.name for q in self.queries if q.id == query_id), None)


def rules(conn: Connection) -> Rules:
    return Rules(store.list_subscriptions(conn), store.list_queries(conn))


def history(conn: Connection, *, limit: int = 50, rule: str | None = None,
            subject: str | None = None, before: int | None = None) -> list[HistoryItem]:
    """The latest alerts (newest first) and their deliveries; an unknown subject has none."""
    subject_id = None
    if subject:
        subject_id = store.subject_id_by_slug(conn, subject)
        if subject_id is None:
            return []
    found = store.alert_history(conn, limit=min(limit, HISTORY_LIMIT), rule=rule or None,
                                subject_id=subject_id, before=before)
    sent = store.deliveries_of(conn, [a.id for a in found])
    return [HistoryItem(a, sent[a.id]) for a in found]


def rule_data(sub: Subscription, known: Rules) -> dict[str, Any]:
    """A subscription as the API shows it (never its secret)."""
    return {"id": sub.id, "channel": sub.channel, "target": sub.target,
            "rules": list(sub.rules), "subject": sub.subject,
            "query": known.query_name(sub.query_id), "mode": sub.mode,
            "language": sub.language, "active": sub.active,
            "created_at": sub.created_at.isoformat()}


def query_data(query: SavedQuery) -> dict[str, Any]:
    return {"id": query.id, "name": query.name, "query": query.query,
            "language": query.language, "created_at": query.created_at.isoformat()}


def alert_data(item: HistoryItem, gettext: Callable[[str], str]) -> dict[str, Any]:
    a = item.alert
    return {
        "id": a.id, "rule": a.rule, "created_at": a.created_at.isoformat(),
        "subject": a.details.get("subject"), "headline": headline(a, gettext),
        "details": a.details,
        "deliveries": [{"channel": d.channel, "target": d.target, "state": d.state,
                        "attempts": d.attempts, "last_error": d.last_error,
                        "sent_at": d.sent_at.isoformat() if d.sent_at else None}
                       for d in item.deliveries],
    }


def headline(alert: StoredAlert, gettext: Callable[[str], str]) -> str:
    """One line naming the alert, in the reader's language."""
    return alert_headline({"rule": alert.rule, **alert.details}, gettext)
