"""Queries on WebSub subscriptions and the inbox of pushed feed bodies."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Select, and_, delete, insert, or_, select, update

from jarida.storage.clean import clean_text
from jarida.storage.tables import feeds, websub_inbox, websub_subscriptions

INBOX_PER_FEED = 10  # pushed bodies kept per feed; a flood keeps only the newest


@dataclass(frozen=True)
class Subscription:
    id: int
    feed_id: int | None  # None: the feed was removed, only unsubscribing is left
    hub: str
    topic: str
    token: str
    secret: str
    state: str  # inactive or active
    pending: str | None  # subscribe or unsubscribe, asked of the hub and not yet verified
    expires_at: datetime | None
    attempts: int
    feed_gone: bool = False  # the feed answered 410: unsubscribe as if it were removed


def _subscription(row: object) -> Subscription:
    m = row._mapping  # type: ignore[attr-defined]
    return Subscription(
        id=m["id"], feed_id=m["feed_id"], hub=m["hub"], topic=m["topic"], token=m["token"],
        secret=m["secret"], state=m["state"], pending=m["pending"],
        expires_at=m["expires_at"], attempts=m["attempts"],
        feed_gone=m.get("feed_status") == "gone",
    )


def _with_feed_status() -> Select[Any]:
    return select(websub_subscriptions, feeds.c.status.label("feed_status")).outerjoin(
        feeds, feeds.c.id == websub_subscriptions.c.feed_id)


def subscription_by_token(conn: Connection, token: str) -> Subscription | None:
    row = conn.execute(_with_feed_status().where(websub_subscriptions.c.token == token)).first()
    return _subscription(row) if row is not None else None


def subscription_of_feed(conn: Connection, feed_id: int) -> Subscription | None:
    row = conn.execute(
        _with_feed_status().where(websub_subscriptions.c.feed_id == feed_id)
        .order_by(websub_subscriptions.c.id.desc()).limit(1)
    ).first()
    return _subscription(row) if row is not None else None


def feed_is_pushed(conn: Connection, feed_id: int, now: datetime) -> bool:
    """True while the feed has a verified, unexpired subscription."""
    sub = subscription_of_feed(conn, feed_id)
    return (sub is not None and sub.state == "active"
            and (sub.expires_at is None or sub.expires_at > now))


def note_hub(conn: Connection, feed_id: int, *, hub: str, topic: str, token: str,
             secret: str, now: datetime) -> bool:
    """Remember that a feed names this hub; True when a new subscription is to be made.

    A feed that moved to another hub or topic leaves its old subscription to be
    unsubscribed (detached from the feed, like a removed feed's)."""
    current = subscription_of_feed(conn, feed_id)
    if current is not None and (current.hub, current.topic) == (hub, topic):
        return False
    if current is not None:
        conn.execute(update(websub_subscriptions)
                     .where(websub_subscriptions.c.id == current.id)
                     .values(feed_id=None, due_at=now, attempts=0))
    conn.execute(insert(websub_subscriptions).values(
        feed_id=feed_id, hub=hub, topic=topic, token=token, secret=secret, state="inactive",
        pending=None, due_at=now, attempts=0, created_at=now))
    return True


def subscriptions_due(conn: Connection, now: datetime, *, limit: int = 50
                      ) -> list[Subscription]:
    """Subscriptions to (re)subscribe or unsubscribe now, soonest first: those due, and
    those whose feed was just removed or answered 410 (not asked anything since)."""
    orphaned = and_(websub_subscriptions.c.attempts == 0,
                    or_(websub_subscriptions.c.feed_id.is_(None), feeds.c.status == "gone"))
    query = (_with_feed_status()
             .where(or_(websub_subscriptions.c.due_at <= now, orphaned))
             .order_by(websub_subscriptions.c.due_at, websub_subscriptions.c.id).limit(limit))
    return [_subscription(r) for r in conn.execute(query)]


def mark_requested(conn: Connection, sub_id: int, *, pending: str, retry_at: datetime,
                   attempts: int) -> None:
    """A request was (about to be) sent: accept its verification, retry if none comes."""
    conn.execute(update(websub_subscriptions).where(websub_subscriptions.c.id == sub_id)
                 .values(pending=pending, due_at=retry_at, attempts=attempts))


def mark_request_failed(conn: Connection, sub_id: int, *, error: str, retry_at: datetime
                        ) -> None:
    conn.execute(update(websub_subscriptions).where(websub_subscriptions.c.id == sub_id)
                 .values(pending=None, due_at=retry_at, last_error=(clean_text(error) or "")[:300]))


def confirm_subscribed(conn: Connection, sub_id: int, *, lease_seconds: int, now: datetime,
                       renew_at: datetime) -> None:
    conn.execute(update(websub_subscriptions).where(websub_subscriptions.c.id == sub_id)
                 .values(state="active", pending=None, lease_seconds=lease_seconds,
                         expires_at=now + timedelta(seconds=lease_seconds), due_at=renew_at,
                         attempts=0, last_error=None))


def mark_denied(conn: Connection, sub_id: int, *, reason: str, retry_at: datetime) -> None:
    """The hub refused (or cancelled) the subscription: polling only, ask again much later."""
    conn.execute(update(websub_subscriptions).where(websub_subscriptions.c.id == sub_id)
                 .values(state="inactive", pending=None, due_at=retry_at,
                         last_error=(clean_text(f"denied: {reason}") or "")[:300]))


def forget_subscription(conn: Connection, sub_id: int) -> None:
    conn.execute(delete(websub_subscriptions).where(websub_subscriptions.c.id == sub_id))


def store_push(conn: Connection, feed_id: int, body: bytes, content_type: str | None,
               now: datetime) -> None:
    """Keep a pushed body for the crawler and make its feed due now."""
    conn.execute(insert(websub_inbox).values(feed_id=feed_id, body=body,
                                             content_type=content_type, received_at=now))
    keep = (select(websub_inbox.c.id).where(websub_inbox.c.feed_id == feed_id)
            .order_by(websub_inbox.c.id.desc()).limit(INBOX_PER_FEED))
    conn.execute(delete(websub_inbox).where(websub_inbox.c.feed_id == feed_id)
                 .where(websub_inbox.c.id.not_in(keep.scalar_subquery())))
    conn.execute(update(feeds).where(feeds.c.id == feed_id).values(next_poll_at=now))


def take_inbox(conn: Connection, feed_id: int) -> list[bytes]:
    """The pushed bodies of a feed, oldest first, removed from the inbox."""
    rows = inbox_of(conn, feed_id)
    drop_inbox(conn, [i for i, _ in rows])
    return [body for _, body in rows]


def inbox_of(conn: Connection, feed_id: int) -> list[tuple[int, bytes]]:
    """The pushed bodies of a feed with their ids, oldest first, left in the inbox (a
    distributed worker drops them with `drop_inbox` when the poll's effect commits)."""
    rows = conn.execute(select(websub_inbox.c.id, websub_inbox.c.body)
                        .where(websub_inbox.c.feed_id == feed_id)
                        .order_by(websub_inbox.c.id)).all()
    return [(int(r[0]), bytes(r[1])) for r in rows]


def drop_inbox(conn: Connection, ids: Sequence[int]) -> None:
    if ids:
        conn.execute(delete(websub_inbox).where(websub_inbox.c.id.in_(list(ids))))
