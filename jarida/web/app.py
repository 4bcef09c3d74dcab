"""The reader's website as one ASGI application: pages, JSON API, feeds and static files."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.types import Receive, Scope, Send

from jarida.metrics import web as metrics_web
from jarida.metrics.live import watch_page_cache
from jarida.metrics.web import observe_request
from jarida.settings import Settings
from jarida.storage import Database
from jarida.storage.engine import sqlite_readers
from jarida.web import (
    alerts_api,
    alerts_pages,
    api,
    feed_routes,
    health,
    lists,
    pages,
    reports,
    search_page,
    story_api,
    story_pages,
    watch_api,
    watch_downloads,
    watch_pages,
    websub_routes,
)
from jarida.web.admin import routes as admin_routes
from jarida.web.caching import PageCache, VersionWatch
from jarida.web.compression import Compression
from jarida.web.deps import AppState
from jarida.web.error_pages import render_error
from jarida.web.fastpath import SecurityHeaders, answer_from_cache
from jarida.web.imagery import MEDIA_PREFIX
from jarida.web.images import MediaAnswers, serve_media
from jarida.web.problems import install_problem_handlers
from jarida.web.render import Renderer


class JaridaApp(FastAPI):
    """FastAPI, with stored images and already rendered pages answered before anything else.

    A GET or HEAD under /media/ is answered by `serve_media` (jarida.web.images) from its
    prepared answers, and counted there.

    A GET or HEAD of a page that is in the page cache for the current data version is
    sent from `answer_from_cache` (jarida.web.fastpath); over SQLite, an article page that
    is not cached yet is rendered there too (`fastpath.answer_article`, which hands back
    anything it could not answer exactly as the routed page would: unknown or removed
    ids, odd paths, errors). Every other request goes through FastAPI's middleware and
    routing as usual.
    """

    jarida: AppState  # also app.state.jarida; an attribute here is quicker to reach
    media: MediaAnswers  # the image route's prepared answers (jarida.web.images)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
        elif scope["path"].startswith(MEDIA_PREFIX) and scope["method"] in ("GET", "HEAD"):
            await serve_media(self.jarida, self.media, scope, send)  # counts it too
        else:  # counted and timed (jarida.metrics.web), whoever answers
            await observe_request(self._answer, scope, receive, send)

    async def _answer(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["method"] in ("GET", "HEAD")
            and await answer_from_cache(self.jarida, scope, send)
        ):
            return
        await super().__call__(scope, receive, send)


def create_app(
    settings: Settings,
    database: Database,
    *,
    version_ttl: float = 1.0,
    cache_size: int = 512,
    background_version: bool = False,
) -> FastAPI:
    """Build the app; `version_ttl` bounds how often the cache asks the database what changed.

    `background_version` (what `jarida serve` uses) refreshes that version in a background
    thread instead of making one request wait for it (see caching.VersionWatch).
    """
    threads = _worker_threads(database)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Page handlers run in worker threads. More threads than pooled database
        # connections would make the pool open and close extra connections on every request.
        anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        # Learn the data version before the first request instead of during it.
        await anyio.to_thread.run_sync(state.versions.current)
        yield

    app = JaridaApp(
        lifespan=lifespan,
        title=f"{settings.site_name} API",
        version="1",
        description="Articles gathered from the press, with links to the originals.",
        docs_url=None,  # the stock docs page loads scripts from a CDN; /openapi.json is enough
        redoc_url=None,
    )
    state = AppState(
        settings=settings,
        database=database,
        versions=VersionWatch(database, ttl=version_ttl, background=background_version),
        cache=PageCache(cache_size),
        renderer=Renderer(settings),
    )
    app.state.jarida = app.jarida = state
    app.media = MediaAnswers()
    app.state.render_error = render_error
    install_problem_handlers(app)
    app.include_router(health.router)
    app.include_router(metrics_web.router)
    watch_page_cache(state.cache)
    app.include_router(api.router)
    app.include_router(story_api.router)
    app.include_router(reports.router)
    admin_routes.install(app)
    app.include_router(alerts_api.router)
    app.include_router(watch_api.router)
    app.include_router(alerts_pages.router)  # before /veille/{slug}
    app.include_router(watch_downloads.router)
    app.include_router(watch_pages.router)
    app.include_router(feed_routes.router)
    app.include_router(pages.router)
    app.include_router(story_pages.router)
    app.include_router(lists.router)
    app.include_router(search_page.router)
    app.include_router(websub_routes.router)
    app.mount("/static", StaticFiles(packages=[("jarida.web", "static")]), name="static")
    # Every response gets the security headers (Content-Security-Policy, nosniff,
    # Referrer-Policy); cached pages get them in JaridaApp.__call__.
    app.add_middleware(SecurityHeaders)
    # Answers the page cache did not compress (static files, errors) are compressed here.
    app.add_middleware(Compression)
    return app


def _worker_threads(database: Database) -> int:
    """Threads for page handlers: never more than pooled connections (see lifespan).

    Over SQLite, one per CPU (`sqlite_readers`); over PostgreSQL, whose reads wait on the
    network, as many as the pool holds.
    """
    if database.engine.dialect.name == "sqlite":
        return sqlite_readers()
    size = getattr(database.engine.pool, "size", None)
    return max(2, int(size())) if callable(size) else 40
