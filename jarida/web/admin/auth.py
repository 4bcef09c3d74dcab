"""Who is asking: the session cookie, its role, and the CSRF token every form carries.

The session cookie is HttpOnly and SameSite=Lax (Secure when the site is served over
TLS); the CSRF token is per session, compared in constant time. The login form, before
any session exists, uses a double-submit token (a cookie and a field that must match).
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import parse_qs, quote

from fastapi import Request, Response
from fastapi.responses import RedirectResponse
from starlette.concurrency import run_in_threadpool

from jarida.accounts.service import session_user
from jarida.storage.accounts import UserRow
from jarida.web.deps import app_state

SESSION_COOKIE = "jarida_admin"
LOGIN_CSRF_COOKIE = "jarida_login_csrf"
MAX_FORM = 16384


@dataclass(frozen=True)
class Admin:
    user: UserRow
    csrf: str


class Redirect(Exception):
    """Not logged in: go to the login page."""

    def __init__(self, target: str) -> None:
        self.target = target


class Forbidden(Exception):
    """Logged in, but the role does not allow this page or action."""


def secure(request: Request) -> bool:
    return request.url.scheme == "https" or app_state(request).settings.base_url.startswith(
        "https:")


# The session cookie is sent to the admin area and to the monitoring pages (/veille).
SESSION_PATH = "/"


def set_cookie(response: Response, request: Request, name: str, value: str,
               max_age: int | None = None, path: str = "/admin") -> None:
    response.set_cookie(name, value, max_age=max_age, httponly=True, samesite="lax",
                        secure=secure(request), path=path)


async def current_admin(request: Request, roles: Sequence[str]) -> Admin:
    state = app_state(request)
    token = request.cookies.get(SESSION_COOKIE)

    def lookup() -> tuple[UserRow, str] | None:
        with state.database.write() as conn:
            return session_user(conn, state.settings, token, datetime.now(UTC))

    found = await run_in_threadpool(lookup) if token else None
    if found is None:
        raise Redirect("/admin/login?next=" + quote(request.url.path, safe="/"))
    user, csrf = found
    if user.role not in roles:
        raise Forbidden()
    return Admin(user, csrf)


async def read_form(request: Request) -> dict[str, str]:
    raw = (await request.body())[:MAX_FORM]
    parsed = parse_qs(raw.decode("utf-8", "replace"), keep_blank_values=True)
    return {k: v[0].replace("\x00", "") for k, v in parsed.items() if v}


def csrf_ok(expected: str, form: dict[str, str]) -> bool:
    given = form.get("csrf", "")
    return bool(expected) and hmac.compare_digest(expected.encode(), given.encode())


def new_login_token() -> str:
    return secrets.token_urlsafe(24)


def local_next(target: str | None) -> str:
    if (target and target.startswith(("/admin", "/veille")) and "//" not in target
            and "\\" not in target):
        return target
    return "/admin"


def see_other(target: str) -> RedirectResponse:
    return RedirectResponse(target, status_code=303)
