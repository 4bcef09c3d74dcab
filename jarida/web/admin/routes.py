"""Pages and actions of the admin area. Every page needs a session with the right role;
every action is a POST carrying the session's CSRF token and goes to the audit log."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

from fastapi import APIRouter, FastAPI, Request, Response
from sqlalchemy import Connection

from jarida.accounts.service import LoginRefused, authenticate, close_session, open_session
from jarida.moderation import review
from jarida.moderation.identity import client_address, keyed_hash, network_of
from jarida.moderation.reporting import key_epoch
from jarida.storage import accounts as account_store
from jarida.storage import admin_views, audit
from jarida.storage import reports as report_store
from jarida.storage import sources as source_store
from jarida.storage.crawl_passes import crawl_health
from jarida.web.admin import tokens
from jarida.web.admin.auth import (
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    SESSION_PATH,
    Admin,
    Forbidden,
    Redirect,
    csrf_ok,
    current_admin,
    local_next,
    new_login_token,
    read_form,
    see_other,
    set_cookie,
)
from jarida.web.admin.pages import on_database, private_page
from jarida.web.deps import app_state, interface

router = APIRouter(prefix="/admin", include_in_schema=False)
MODERATION = ("admin", "moderator")
READING = ("admin", "moderator", "analyst")
_T = TypeVar("_T")


def _page(request: Request, admin: Admin | None, name: str, status: int = 200,
          **context: Any) -> Response:
    return private_page(request, admin, f"admin/{name}", status, **context)


async def _db(request: Request, fn: Callable[[Connection], _T], *, write: bool = False) -> _T:
    return await on_database(request, fn, write=write)


def _network(request: Request, conn: Connection) -> str:
    settings = app_state(request).settings
    peer = request.client.host if request.client else None
    addr = client_address(peer, request.headers.getlist("x-forwarded-for"),
                          settings.trusted_proxies)
    key = report_store.report_key(conn, key_epoch(datetime.now(UTC), settings), create=True)
    assert key is not None
    return keyed_hash(key, "login", network_of(addr))


@router.get("/login")
async def login_page(request: Request) -> Response:
    token = new_login_token()
    response = _page(request, None, "login.html", login_csrf=token,
                     next=local_next(request.query_params.get("next")))
    set_cookie(response, request, LOGIN_CSRF_COOKIE, token)
    return response


@router.post("/login")
async def login(request: Request) -> Response:
    form = await read_form(request)
    ui = interface(request)
    expected = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not csrf_ok(expected, form):
        return _page(request, None, "login.html", status=403, login_csrf=new_login_token(),
                     error=ui.gettext("The form expired; please try again."), next="/admin")
    settings = app_state(request).settings

    def attempt(conn: Connection) -> tuple[Any, Any]:
        network = _network(request, conn)
        try:
            user = authenticate(conn, settings, form.get("name", "")[:100],
                                form.get("password", "")[:1024], network, datetime.now(UTC))
        except LoginRefused:
            return None, None
        audit.record(conn, user.name, "session.opened", f"user:{user.name}")
        return user, open_session(conn, settings, user, datetime.now(UTC))

    user, session = await _db(request, attempt, write=True)
    if user is None:
        token = new_login_token()
        response = _page(request, None, "login.html", status=401, login_csrf=token,
                         error=ui.gettext("Wrong name or password, or too many attempts: wait a few minutes."),  # noqa: E501
                         next=local_next(form.get("next")))
        set_cookie(response, request, LOGIN_CSRF_COOKIE, token)
        return response
    response = see_other(local_next(form.get("next")))
    set_cookie(response, request, SESSION_COOKIE, session.token, path=SESSION_PATH)
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/admin")
    return response


async def _action(request: Request, roles: tuple[str, ...]) -> tuple[Admin, dict[str, str]]:
    admin = await current_admin(request, roles)
    form = await read_form(request)
    if not csrf_ok(admin.csrf, form):
        raise Forbidden()
    return admin, form


@router.post("/logout")
async def logout(request: Request) -> Response:
    admin, _ = await _action(request, READING)
    token = request.cookies.get(SESSION_COOKIE)

    def run(conn: Connection) -> None:
        close_session(conn, token)
        audit.record(conn, admin.user.name, "session.closed", f"user:{admin.user.name}")

    await _db(request, run, write=True)
    response = see_other("/admin/login")
    response.delete_cookie(SESSION_COOKIE, path=SESSION_PATH)
    return response


@router.get("")
async def queue(request: Request) -> Response:
    admin = await current_admin(request, MODERATION)

    def read(conn: Connection) -> dict[str, Any]:
        items = admin_views.moderation_queue(conn)
        return {"items": items,
                "reports": report_store.reports_of_images(conn, [i.id for i in items])}

    return _page(request, admin, "queue.html", **await _db(request, read))


@router.post("/images/{image_id}/{decision}")
async def decide(request: Request, image_id: int, decision: str) -> Response:
    admin, form = await _action(request, MODERATION)
    settings = app_state(request).settings
    actions = {"confirm": review.confirm, "restore": review.restore, "block": review.block}
    act = actions.get(decision)
    if act is None:
        return _page(request, admin, "message.html", status=404, message="404")
    try:
        await _db(request, lambda c: act(c, settings, image_id, admin.user.name,
                                         form.get("reason") or None), write=True)
    except review.NotFound:
        return _page(request, admin, "message.html", status=404, message="404")
    return see_other(local_next(form.get("next")))


@router.get("/articles")
async def articles_page(request: Request) -> Response:
    admin = await current_admin(request, MODERATION)
    q = request.query_params.get("q", "")[:200]
    hidden = request.query_params.get("hidden") == "1"
    found = await _db(request, lambda c: admin_views.search_articles_by_title(
        c, q, hidden_only=hidden))
    return _page(request, admin, "articles.html", q=q, hidden=hidden, found=found)


@router.post("/articles/{article_id}/{decision}")
async def hide(request: Request, article_id: int, decision: str) -> Response:
    admin, form = await _action(request, MODERATION)
    if decision not in ("hide", "unhide"):
        return _page(request, admin, "message.html", status=404, message="404")
    try:
        await _db(request, lambda c: review.hide_article(
            c, article_id, decision == "hide", admin.user.name, form.get("reason") or None),
            write=True)
    except review.NotFound:
        return _page(request, admin, "message.html", status=404, message="404")
    return see_other(local_next(form.get("next")))


@router.get("/sources")
async def sources_page(request: Request) -> Response:
    admin = await current_admin(request, MODERATION)
    health = await _db(request, lambda c: admin_views.source_health(c, datetime.now(UTC)))
    return _page(request, admin, "sources.html", health=health,  # added/edited: source_forms
                 added=request.query_params.get("added"),
                 edited=request.query_params.get("edited"))


@router.post("/sources/{slug}/{decision}")
async def pause(request: Request, slug: str, decision: str) -> Response:
    admin, _ = await _action(request, MODERATION)

    def run(conn: Connection) -> bool:
        source = source_store.source_by_slug(conn, slug)
        if source is None or decision not in ("pause", "resume"):
            return False
        review.pause_source(conn, source.id, slug, decision == "pause", admin.user.name)
        return True

    if not await _db(request, run, write=True):
        return _page(request, admin, "message.html", status=404, message="404")
    return see_other("/admin/sources")


@router.get("/crawl")
async def crawl_page(request: Request) -> Response:
    admin = await current_admin(request, READING)
    rows = await _db(request, admin_views.crawl_status)
    health = await _db(request, crawl_health)
    return _page(request, admin, "crawl.html", rows=rows, health=health, now=datetime.now(UTC))


@router.get("/audit")
async def audit_page(request: Request) -> Response:
    admin = await current_admin(request, MODERATION)
    before = request.query_params.get("before", "")
    entries = await _db(request, lambda c: audit.recent_entries(
        c, 100, int(before) if before.isdigit() and len(before) < 10 else None))
    return _page(request, admin, "audit.html", entries=entries)


@router.get("/users")
async def users_page(request: Request) -> Response:
    admin = await current_admin(request, ("admin",))
    users = await _db(request, account_store.all_users)
    return _page(request, admin, "users.html", users=users)


def install(app: FastAPI) -> None:
    """The admin routes, the token-checked API routes, and what their refusals look like."""
    from jarida.web.admin import source_forms  # its routes import this module's helpers

    app.include_router(source_forms.router)  # before `router`: /sources/{slug}/edit
    app.include_router(router)
    app.include_router(tokens.router)

    async def to_login(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, Redirect)
        return see_other(exc.target)

    async def forbidden(request: Request, exc: Exception) -> Response:
        ui = interface(request)
        return _page(request, None, "message.html", status=403,
                     message=ui.gettext("You are not allowed to do this."))

    app.add_exception_handler(Redirect, to_login)
    app.add_exception_handler(Forbidden, forbidden)
