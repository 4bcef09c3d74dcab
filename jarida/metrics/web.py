"""Request counts and latency for the website, by route class; and the `/metrics` route.

`observe_request` wraps the whole application (jarida.web.app.JaridaApp), page cache and
fast paths included, so every answer is counted once. The route class comes from the
path's first segment (a dictionary lookup: no regex, no routing), so that a crawler
walking a million article ids adds no series. Each
request adds two clock reads and a few integer additions (jarida.metrics.requests;
measured in bench/metrics_overhead.py).
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

from fastapi import APIRouter
from fastapi.responses import Response
from starlette.types import Message, Receive, Scope, Send

from jarida.metrics import definitions as m
from jarida.metrics.exposition import CONTENT_TYPE, multiprocess_dir, render_metrics
from jarida.metrics.live import LIVE
from jarida.metrics.requests import REQUESTS

# First path segment -> route class. Anything else is "other" (unknown paths are 404s).
ROUTE_CLASSES: dict[str, str] = {
    "": "home",
    "articles": "article",
    "api": "api",
    "search": "search",
    "sources": "list",
    "sections": "list",
    "archive": "list",
    "feed.rss": "feed",
    "feed.atom": "feed",
    "feed.json": "feed",
    "sources.opml": "feed",
    "sitemap.xml": "sitemap",
    "sitemap-news.xml": "sitemap",
    "robots.txt": "static",
    "static": "static",
    "media": "media",
    "images": "report",
    "admin": "admin",
    "lang": "language",
    "websub": "websub",
    "healthz": "health",
    "readyz": "health",
    "metrics": "metrics",
}
_STATUS = ("1xx", "2xx", "3xx", "4xx", "5xx")


def route_class(path: str) -> str:
    first = path[1:].partition("/")[0]
    found = ROUTE_CLASSES.get(first)
    if found is not None:
        if found == "list" and path.endswith((".rss", ".atom", ".json")):
            return "feed"  # /sources/<slug>/feed.rss and the like
        return found
    return "other"


_STATUS_CLASS = {code: _STATUS[code // 100 - 1] for code in range(100, 600)}


def _shared_record(route: str, status: str, seconds: float) -> None:
    m.HTTP_REQUESTS.labels(route, status).inc()
    m.HTTP_DURATION.labels(route).observe(seconds)


# One process: plain numbers (jarida.metrics.requests); several: the shared files.
_record = _shared_record if multiprocess_dir() else REQUESTS.record
if not multiprocess_dir():
    LIVE.add(REQUESTS.collect)

def record_request(route: str, status: int, seconds: float) -> None:
    """Count one answered request of `route` (a route class) that took `seconds`."""
    _record(route, _STATUS_CLASS.get(status, "5xx"), seconds)


App = Callable[[Scope, Receive, Send], Awaitable[None]]


async def observe_request(app: App, scope: Scope, receive: Receive, send: Send) -> None:
    """Run `app` for this HTTP request, counting it and timing it to its last byte.

    A request whose application raised before answering counts as a 500 (the server
    answers it so)."""
    started = time.perf_counter()
    status = 500

    async def send_status(message: Message) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]
        await send(message)

    try:
        await app(scope, receive, send_status)
    finally:
        _record(route_class(scope["path"]), _STATUS_CLASS.get(status, "5xx"),
                time.perf_counter() - started)


router = APIRouter()


@router.get("/metrics", include_in_schema=False)
def metrics() -> Response:
    """Every metric of this serving process (all processes' counters in multiprocess mode)."""
    return Response(render_metrics(), media_type=CONTENT_TYPE,
                    headers={"Cache-Control": "no-store"})
