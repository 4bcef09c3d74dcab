"""The reader's website as one ASGI application: pages, JSON API, feeds and static files."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from http import HTTPStatus

from fastapi import FastAPI, Request, Response
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from jarida.settings import Settings
from jarida.storage import Database
from jarida.web import api, feed_routes, lists, pages, search_page
from jarida.web.caching import PageCache, VersionWatch
from jarida.web.deps import AppState, app_state, interface
from jarida.web.problems import install_problem_handlers
from jarida.web.render import Renderer

# Content from other sites is shown here: no script may run but ours, and images may come
# from the outlets until the image proxy lands.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: http: data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def _render_error(request: Request, status: int, detail: str) -> Response:
    state, ui = app_state(request), interface(request)
    title = ui.gettext("Page not found") if status == 404 else HTTPStatus(status).phrase
    if status == 404 and detail == HTTPStatus.NOT_FOUND.phrase:
        detail = ui.gettext("There is nothing at this address.")
    body = state.renderer.render(
        "error.html", request, ui, status=status, title=title, detail=detail
    )
    return HTMLResponse(body, status_code=status)


def create_app(
    settings: Settings, database: Database, *, version_ttl: float = 1.0, cache_size: int = 512
) -> FastAPI:
    """Build the app; `version_ttl` bounds how often the cache asks the database what changed."""
    app = FastAPI(
        title=f"{settings.site_name} API",
        version="1",
        description="Articles gathered from the press, with links to the originals.",
        docs_url=None,  # the stock docs page loads scripts from a CDN; /openapi.json is enough
        redoc_url=None,
    )
    app.state.jarida = AppState(
        settings=settings,
        database=database,
        versions=VersionWatch(database, ttl=version_ttl),
        cache=PageCache(cache_size),
        renderer=Renderer(settings),
    )
    app.state.render_error = _render_error
    install_problem_handlers(app)
    app.include_router(api.router)
    app.include_router(feed_routes.router)
    app.include_router(pages.router)
    app.include_router(lists.router)
    app.include_router(search_page.router)
    app.mount("/static", StaticFiles(packages=[("jarida.web", "static")]), name="static")

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        return response

    return app


def serve(
    settings: Settings, database: Database, host: str = "127.0.0.1", port: int = 8000
) -> None:
    """Run the website with uvicorn until interrupted (what `jarida serve` calls)."""
    import uvicorn

    uvicorn.run(
        create_app(settings, database),
        host=host,
        port=port,
        log_level=settings.log_level.lower(),
        proxy_headers=True,
    )
