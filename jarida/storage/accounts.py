"""Users, sessions, API tokens and login failures (secrets are stored only as hashes)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, delete, func, select, update

from jarida.storage.tables import api_tokens, login_failures, sessions, users


@dataclass(frozen=True)
class UserRow:
    id: int
    name: str
    role: str
    password_hash: str
    disabled: bool
    failed_logins: int
    locked_until: datetime | None
    created_at: datetime
    last_login_at: datetime | None


_USER = select(users.c.id, users.c.name, users.c.role, users.c.password_hash,
               users.c.disabled, users.c.failed_logins, users.c.locked_until,
               users.c.created_at, users.c.last_login_at)


def _user(row: object) -> UserRow:
    return UserRow(*row)  # type: ignore[misc]


def user_by_name(conn: Connection, name: str) -> UserRow | None:
    row = conn.execute(_USER.where(users.c.name == name)).first()
    return _user(row) if row else None


def user_by_id(conn: Connection, user_id: int) -> UserRow | None:
    row = conn.execute(_USER.where(users.c.id == user_id)).first()
    return _user(row) if row else None


def all_users(conn: Connection) -> list[UserRow]:
    return [_user(r) for r in conn.execute(_USER.order_by(users.c.name))]


def add_user(conn: Connection, name: str, role: str, password_hash: str, now: datetime) -> int:
    result = conn.execute(users.insert().values(
        name=name, role=role, password_hash=password_hash, created_at=now))
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def set_password(conn: Connection, user_id: int, password_hash: str) -> None:
    conn.execute(update(users).where(users.c.id == user_id).values(
        password_hash=password_hash, failed_logins=0, locked_until=None))


def set_disabled(conn: Connection, user_id: int, disabled: bool) -> None:
    conn.execute(update(users).where(users.c.id == user_id).values(disabled=disabled))
    if disabled:
        conn.execute(delete(sessions).where(sessions.c.user_id == user_id))


def record_login_failure(conn: Connection, user_id: int | None, network: str, now: datetime,
                         *, lock_after: int, locked_until: datetime) -> None:
    conn.execute(login_failures.insert().values(network=network, at=now))
    if user_id is None:
        return
    conn.execute(update(users).where(users.c.id == user_id)
                 .values(failed_logins=users.c.failed_logins + 1))
    conn.execute(update(users).where(users.c.id == user_id,
                                     users.c.failed_logins >= lock_after)
                 .values(locked_until=locked_until, failed_logins=0))


def record_login_success(conn: Connection, user_id: int, now: datetime) -> None:
    conn.execute(update(users).where(users.c.id == user_id).values(
        failed_logins=0, locked_until=None, last_login_at=now))


def login_failures_since(conn: Connection, network: str, since: datetime) -> int:
    return int(conn.execute(select(func.count()).select_from(login_failures).where(
        login_failures.c.network == network, login_failures.c.at >= since)).scalar_one())


def add_session(conn: Connection, token_hash: str, user_id: int, csrf: str, now: datetime,
                expires_at: datetime) -> None:
    conn.execute(delete(sessions).where(sessions.c.expires_at < now))
    conn.execute(sessions.insert().values(token_hash=token_hash, user_id=user_id, csrf=csrf,
                                          created_at=now, expires_at=expires_at))


def session_of(conn: Connection, token_hash: str, now: datetime) -> tuple[UserRow, str] | None:
    row = conn.execute(select(sessions.c.user_id, sessions.c.csrf).where(
        sessions.c.token_hash == token_hash, sessions.c.expires_at > now)).first()
    if row is None:
        return None
    user = user_by_id(conn, int(row.user_id))
    if user is None or user.disabled:
        return None
    return user, str(row.csrf)


def extend_session(conn: Connection, token_hash: str, expires_at: datetime) -> None:
    conn.execute(update(sessions).where(sessions.c.token_hash == token_hash)
                 .values(expires_at=expires_at))


def drop_session(conn: Connection, token_hash: str) -> None:
    conn.execute(delete(sessions).where(sessions.c.token_hash == token_hash))


def add_api_token(conn: Connection, user_id: int, token_hash: str, label: str,
                  now: datetime) -> int:
    result = conn.execute(api_tokens.insert().values(
        user_id=user_id, token_hash=token_hash, label=label, created_at=now))
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def user_of_api_token(conn: Connection, token_hash: str, now: datetime) -> UserRow | None:
    row = conn.execute(select(api_tokens.c.id, api_tokens.c.user_id).where(
        api_tokens.c.token_hash == token_hash, api_tokens.c.revoked_at.is_(None))).first()
    if row is None:
        return None
    conn.execute(update(api_tokens).where(api_tokens.c.id == row.id).values(last_used_at=now))
    user = user_by_id(conn, int(row.user_id))
    return None if user is None or user.disabled else user


def revoke_api_token(conn: Connection, token_id: int, now: datetime) -> bool:
    result = conn.execute(update(api_tokens).where(
        api_tokens.c.id == token_id, api_tokens.c.revoked_at.is_(None)).values(revoked_at=now))
    return bool(result.rowcount)


def all_api_tokens(conn: Connection) -> list[tuple[object, ...]]:
    """(id, user name, label, created_at, last_used_at, revoked_at) of every token."""
    rows = conn.execute(
        select(api_tokens.c.id, users.c.name, api_tokens.c.label, api_tokens.c.created_at,
               api_tokens.c.last_used_at, api_tokens.c.revoked_at)
        .join(users, users.c.id == api_tokens.c.user_id).order_by(api_tokens.c.id)
    )
    return [tuple(r) for r in rows]
