"""Logging in and out, sessions, API tokens: the rules, over storage.accounts.

Login throttling: after `login_max_failures` failures an account is locked for
`login_lockout_minutes`, and so is a network (/24, /48) that failed that many times
(whatever names it tried). An unknown name, a wrong password and a locked account cost
the same argon2 verification and give the same answer.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from sqlalchemy import Connection

from jarida.accounts.passwords import hash_password, verify_password
from jarida.settings import Settings
from jarida.storage import accounts as store
from jarida.storage.accounts import UserRow

Role = Literal["admin", "moderator", "analyst"]
ROLES: tuple[Role, ...] = ("admin", "moderator", "analyst")


class LoginRefused(Exception):
    """Wrong name or password, or locked out: one answer for all three."""


class AccountError(ValueError):
    pass


@dataclass(frozen=True)
class Session:
    token: str  # goes in the cookie; only its SHA-256 is stored
    csrf: str


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_user(conn: Connection, name: str, role: str, password: str, now: datetime) -> int:
    name = name.strip()
    if not name or len(name) > 100 or any(c.isspace() for c in name):
        raise AccountError("a user name is 1 to 100 characters without spaces")
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}")
    if store.user_by_name(conn, name) is not None:
        raise AccountError(f"user {name!r} already exists")
    return store.add_user(conn, name, role, hash_password(password), now)


def authenticate(conn: Connection, settings: Settings, name: str, password: str,
                 network: str, now: datetime) -> UserRow:
    lockout = timedelta(minutes=settings.login_lockout_minutes)
    user = store.user_by_name(conn, name)
    network_locked = (store.login_failures_since(conn, network, now - lockout)
                      >= settings.login_max_failures)
    user_locked = user is not None and user.locked_until is not None and user.locked_until > now
    ok = verify_password(user.password_hash if user else None, password)
    if ok and user is not None and not (network_locked or user_locked or user.disabled):
        store.record_login_success(conn, user.id, now)
        return user
    store.record_login_failure(conn, user.id if user else None, network, now,
                               lock_after=settings.login_max_failures,
                               locked_until=now + lockout)
    raise LoginRefused()


def open_session(conn: Connection, settings: Settings, user: UserRow, now: datetime) -> Session:
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    store.add_session(conn, token_hash(token), user.id, csrf, now,
                      now + timedelta(hours=settings.session_hours))
    return Session(token, csrf)


def session_user(conn: Connection, settings: Settings, token: str | None, now: datetime
                 ) -> tuple[UserRow, str] | None:
    """The session's user and CSRF token (the session is extended), or None."""
    if not token or len(token) > 200:
        return None
    found = store.session_of(conn, token_hash(token), now)
    if found is not None:
        store.extend_session(conn, token_hash(token), now + timedelta(hours=settings.session_hours))
    return found


def close_session(conn: Connection, token: str | None) -> None:
    if token:
        store.drop_session(conn, token_hash(token))


def issue_api_token(conn: Connection, user_id: int, label: str, now: datetime) -> str:
    token = "jrd_" + secrets.token_urlsafe(32)
    store.add_api_token(conn, user_id, token_hash(token), label[:100] or "token", now)
    return token


def api_token_user(conn: Connection, token: str, now: datetime) -> UserRow | None:
    if not token.startswith("jrd_") or len(token) > 200:
        return None
    return store.user_of_api_token(conn, token_hash(token), now)
