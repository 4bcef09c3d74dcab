"""What the callback answers: intent verification (GET) and content distribution (POST).

Only what we asked for is confirmed: a challenge is echoed for a subscription whose
token, topic and pending request (subscribe or unsubscribe) all match. Pushed content is
kept only when its `X-Hub-Signature` matches the subscription's secret; anything else is
dropped with a 2xx, as the recommendation asks (§8), so that a forger learns nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from jarida.settings import Settings
from jarida.storage import Database
from jarida.storage import websub as store
from jarida.websub.signature import signature_valid

log = logging.getLogger(__name__)

MAX_CHALLENGE = 1024
MAX_LEASE = 365 * 86400
DENIED_RETRY = timedelta(days=7)


@dataclass(frozen=True)
class Answer:
    status: int
    body: str = ""


NOT_OURS = Answer(404, "unknown subscription")


def renew_at(now: datetime, lease_seconds: int) -> datetime:
    """When to renew: a tenth of the lease (at most a day) before it ends."""
    return now + timedelta(seconds=lease_seconds - min(lease_seconds / 10, 86400))


def _lease(params: Mapping[str, str], settings: Settings) -> int:
    try:
        lease = int(params.get("hub.lease_seconds", ""))
    except ValueError:
        return settings.websub_lease_seconds
    return min(MAX_LEASE, lease) if lease > 0 else settings.websub_lease_seconds


def verify_intent(db: Database, token: str, params: Mapping[str, str], now: datetime,
                  settings: Settings) -> Answer:
    """The hub's GET: echo `hub.challenge` only for a request we made."""
    mode, topic = params.get("hub.mode", ""), params.get("hub.topic", "")
    challenge = params.get("hub.challenge", "")
    with db.write() as conn:
        sub = store.subscription_by_token(conn, token)
        if sub is None or topic != sub.topic:
            return NOT_OURS
        if mode == "denied":
            store.mark_denied(conn, sub.id, reason=params.get("hub.reason", "no reason given"),
                              retry_at=now + DENIED_RETRY)
            return Answer(200)
        if mode not in ("subscribe", "unsubscribe") or sub.pending != mode:
            return NOT_OURS
        if not challenge or len(challenge) > MAX_CHALLENGE:
            return Answer(400, "missing or oversized hub.challenge")
        if mode == "subscribe":
            if sub.feed_id is None or sub.feed_gone:
                return NOT_OURS
            lease = _lease(params, settings)
            store.confirm_subscribed(conn, sub.id, lease_seconds=lease, now=now,
                                     renew_at=renew_at(now, lease))
        else:
            store.forget_subscription(conn, sub.id)
    return Answer(200, challenge)


def receive_content(db: Database, token: str, body: bytes, headers: Mapping[str, str],
                    now: datetime) -> Answer:
    """The hub's POST: keep a correctly signed body for the crawler."""
    with db.write() as conn:
        sub = store.subscription_by_token(conn, token)
        if sub is None or sub.feed_id is None or sub.feed_gone:
            return Answer(410, "no such subscription")  # the hub may end it (§8)
        if sub.state != "active":
            log.warning("websub: content for unverified subscription %s dropped", sub.id)
            return Answer(202)
        if not signature_valid(sub.secret, body, headers.get("x-hub-signature")):
            log.warning("websub: unsigned or wrongly signed content for feed %s dropped",
                        sub.feed_id)
            return Answer(202)
        store.store_push(conn, sub.feed_id, body, headers.get("content-type"), now)
    return Answer(202)
