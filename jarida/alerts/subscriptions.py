"""Who gets which alerts: checking and saving a subscription (CLI and tests use this)."""

from __future__ import annotations

import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection

from jarida.alerts.webhook import check_webhook_url
from jarida.storage import alerts as store

RULES = ("spike", "negative", "new_outlet", "query")
MODES = ("immediate", "digest")
LANGUAGES = ("fr", "ar", "es", "en")
_EMAIL = re.compile(r"^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;]+$")


class BadSubscription(ValueError):
    """A subscription that cannot be saved; the message is one line."""


@dataclass(frozen=True)
class Created:
    id: int
    secret: str  # shown once: the receiver needs it to check signatures


def subscribe(conn: Connection, *, target: str, rules: Sequence[str] = RULES,
              subject: str | None = None, query: str | None = None,
              mode: str = "immediate", language: str = "fr", now: datetime) -> Created:
    """`target` is an http(s) URL (webhook) or an e-mail address."""
    if target.startswith(("http://", "https://")):
        channel = "webhook"
        try:
            check_webhook_url(target)
        except ValueError as exc:
            raise BadSubscription(str(exc)) from exc
    elif _EMAIL.match(target):
        channel = "email"
    else:
        raise BadSubscription(f"not a webhook URL nor an e-mail address: {target!r}")
    unknown = [r for r in rules if r not in RULES]
    if unknown or not rules:
        raise BadSubscription(f"rules must be among {', '.join(RULES)} (got {', '.join(rules)})")
    if mode not in MODES:
        raise BadSubscription(f"mode must be immediate or digest, not {mode!r}")
    if language not in LANGUAGES:
        raise BadSubscription(f"language must be one of {', '.join(LANGUAGES)}")
    subject_id = None
    if subject is not None:
        subject_id = store.subject_id_by_slug(conn, subject)
        if subject_id is None:
            raise BadSubscription(f"no watched subject {subject!r}")
    query_id = None
    if query is not None:
        saved = store.query_by_name(conn, query)
        if saved is None:
            raise BadSubscription(f"no saved query {query!r}")
        query_id = saved.id
    secret = secrets.token_hex(32)
    subscription_id = store.add_subscription(
        conn, channel=channel, target=target, secret=secret, rules=list(dict.fromkeys(rules)),
        subject_id=subject_id, query_id=query_id, mode=mode, language=language, now=now)
    return Created(subscription_id, secret)
