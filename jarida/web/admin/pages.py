"""What every signed-in page shares (the admin area, the monitoring dashboards): a page
rendered from a template folder and never cached, and database work off the event loop."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import Request, Response
from fastapi.responses import HTMLResponse
from sqlalchemy import Connection
from starlette.concurrency import run_in_threadpool

from jarida.web.admin.auth import Admin
from jarida.web.deps import app_state, interface

_T = TypeVar("_T")


def private_page(request: Request, admin: Admin | None, template: str, status: int = 200,
                 **context: Any) -> Response:
    """`template` (e.g. "admin/sources.html") rendered for a signed-in user: no-store."""
    state, ui = app_state(request), interface(request)
    body = state.renderer.render(template, request, ui, admin=admin, **context)
    response = HTMLResponse(body, status_code=status)
    response.headers["Cache-Control"] = "no-store"
    return response


async def on_database(request: Request, fn: Callable[[Connection], _T], *,
                      write: bool = False) -> _T:
    """`fn` on a connection (a write transaction when `write`), in a worker thread."""
    database = app_state(request).database

    def run() -> _T:
        with database.write() if write else database.read() as conn:
            return fn(conn)

    return await run_in_threadpool(run)
