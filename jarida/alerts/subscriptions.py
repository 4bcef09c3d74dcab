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


@dataclass(frozen=True)
class Checked:
    """A subscription's fields once checked, ready to store."""

    channel: str
    target: str
    rules: list[str]
    subject_id: int | None
    query_id: int | None
    mode: str
    language: str


def check(conn: Connection, *, target: str, rules: Sequence[str], subject: str | None,
          query: str | None, mode: str, language: str) -> Checked:
    """`target` is an http(s) URL (webhook) or an e-mail address; BadSubscription names the
    first problem."""
    target = target.strip()
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
    if subject:
        subject_id = store.subject_id_by_slug(conn, subject)
        if subject_id is None:
            raise BadSubscription(f"no watched subject {subject!r}")
    query_id = None
    if query:
        saved = store.query_by_name(conn, query)
        if saved is None:
            raise BadSubscription(f"no saved query {query!r}")
        query_id = saved.id
    return Checked(channel, target, list(dict.fromkeys(rules)), subject_id, query_id, mode,
                   language)


def subscribe(conn: Connection, *, target: str, rules: Sequence[str] = RULES,
              subject: str | None = None, query: str | None = None,
              mode: str = "immediate", language: str = "fr", now: datetime) -> Created:
    """Save a new subscription; its webhook signing secret is returned (once)."""
    c = check(conn, target=target, rules=rules, subject=subject, query=query, mode=mode,
              language=language)
    secret = secrets.token_hex(32)
    subscription_id = store.add_subscription(
        conn, channel=c.channel, target=c.target, secret=secret, rules=c.rules,
        subject_id=c.subject_id, query_id=c.query_id, mode=c.mode, language=c.language,
        now=now)
    return Created(subscription_id, secret)


def edit(conn: Connection, subscription_id: int, *, target: str, rules: Sequence[str],
         subject: str | None, query: str | None, mode: str, language: str,
         active: bool = True) -> bool:
    """Change a subscription, keeping its secret; False when there is no such one."""
    c = check(conn, target=target, rules=rules, subject=subject, query=query, mode=mode,
              language=language)
    return store.update_subscription(
        conn, subscription_id, channel=c.channel, target=c.target, rules=c.rules,
        subject_id=c.subject_id, query_id=c.query_id, mode=c.mode, language=c.language,
        active=active)


def _checked_query(name: str, query: str, language: str | None
                   ) -> tuple[str, str, str | None]:
    name, query = name.strip(), query.strip()
    if not name or not query:
        raise BadSubscription("a saved query needs a name and search words")
    if len(name) > 100 or len(query) > 500:
        raise BadSubscription("a saved query's name is at most 100 characters, its search 500")
    if language and language not in LANGUAGES:
        raise BadSubscription(f"language must be one of {', '.join(LANGUAGES)}")
    return name, query, language or None


def add_query(conn: Connection, name: str, query: str, language: str | None,
              now: datetime) -> int:
    """Save a search whose new matching articles raise `query` alerts."""
    name, query, language = _checked_query(name, query, language)
    if store.query_by_name(conn, name) is not None:
        raise BadSubscription(f"a saved query named {name!r} exists")
    return store.add_query(conn, name, query, language, now)


def edit_query(conn: Connection, query_id: int, name: str, query: str, language: str | None
               ) -> store.SavedQuery | None:
    """Rename a saved query or change its search or language, checked as `add_query`
    checks a new one; the query as it was before (None when no such query exists). The
    rules limited to it follow it (they hold its id); it still matches only articles
    published after it was first saved, and an article that already raised its alert does
    not raise it again."""
    before = store.query_by_id(conn, query_id)
    if before is None:
        return None
    name, query, language = _checked_query(name, query, language)
    other = store.query_by_name(conn, name)
    if other is not None and other.id != query_id:
        raise BadSubscription(f"a saved query named {name!r} exists")
    store.update_query(conn, query_id, name=name, query=query, language=language)
    return before


def query_change(before: store.SavedQuery) -> str:
    """The audit log's reason for an edit: what the query was."""
    return f"was {before.name!r}: {before.query!r} ({before.language or 'any language'})"
