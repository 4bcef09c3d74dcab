"""Per-application state reached from a request, and the one cached-response path."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import cast

from fastapi import Request, Response
from sqlalchemy import Connection
from starlette.types import Scope

from jarida.settings import Settings
from jarida.storage import Database
from jarida.storage import articles as article_store
from jarida.web.caching import PageCache, VersionedMemo, VersionWatch, conditional_response
from jarida.web.i18n import COOKIE_NAME, Interface, negotiate_language
from jarida.web.render import Renderer

READ_METHODS = ["GET", "HEAD"]  # pages and feeds: link checkers and feed readers probe with HEAD


@dataclass(frozen=True)
class AppState:
    settings: Settings
    database: Database
    versions: VersionWatch
    cache: PageCache
    renderer: Renderer
    memo: VersionedMemo = field(default_factory=VersionedMemo)


def app_state(request: Request) -> AppState:
    return cast(AppState, request.app.state.jarida)


def reads_are_local(state: AppState) -> bool:
    """True when the database is a SQLite file read in this process (no network wait)."""
    return state.database.engine.dialect.name == "sqlite"


def known_sections(state: AppState, conn: Connection) -> list[str]:
    """The sections of all articles, read once per data version (a scan of every
    article: 0.2 s over a million, on every search page before)."""
    version = state.versions.current().fingerprint
    return cast(list[str], state.memo.get(
        version, ("sections",), lambda: article_store.distinct_sections(conn)
    ))


def interface(request: Request) -> Interface:
    """The reader's interface language: cookie first, then Accept-Language."""
    lang = negotiate_language(
        request.cookies.get(COOKIE_NAME), request.headers.get("accept-language")
    )
    return Interface(lang=lang, timezone=app_state(request).settings.timezone)


def absolute(request: Request, path: str, state: AppState | None = None) -> str:
    """`path` on the site's base URL (`state` when the request has no app to find it on)."""
    return (state or app_state(request)).settings.base_url.rstrip("/") + path


PAGE_VARY = "Cookie, Accept-Language"


def page_key(lang: str, scope: Scope) -> Hashable:
    """Cache key of an HTML page: interface language, path and raw query string.

    The ASGI fast path (jarida.web.fastpath) computes the same key from the same scope.
    """
    return ("page", lang, scope["path"], scope.get("query_string", b""))


def cached(
    request: Request,
    key: Hashable,
    render: Callable[[], tuple[bytes, str]],
    *,
    max_age: int = 60,
    vary: str | None = None,
    state: AppState | None = None,
) -> Response:
    """Serve from the page cache, keyed on the data version, with ETag and 304 handling.

    `state` is given where the request has no application to find it on (the shortcuts
    of jarida.web.fastpath, which run before routing)."""
    state = state or app_state(request)
    version = state.versions.current()
    item = state.cache.get_or_render(
        (version.fingerprint, key), render, max_age=max_age, vary=vary
    )
    return conditional_response(request, item, version)


def cached_page(
    request: Request, ui: Interface, render: Callable[[], bytes], *, max_age: int = 60,
    state: AppState | None = None,
) -> Response:
    """An HTML page cached per URL and interface language."""
    key = page_key(ui.lang, request.scope)
    return cached(
        request,
        key,
        lambda: (render(), "text/html; charset=utf-8"),
        max_age=max_age,
        vary=PAGE_VARY,
        state=state,
    )
