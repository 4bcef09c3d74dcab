"""Errors as RFC 9457 problem details for the API, and as readable pages for people."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from jarida.storage import BadCursor
from jarida.storage.search_budget import QueryTooLong, SearchTimeout

PROBLEM_TYPE_BASE = "https://jarida.dev/problems/"
PROBLEM_MEDIA_TYPE = "application/problem+json"


def problem(status: int, detail: str, *, kind: str | None = None, **extra: Any) -> JSONResponse:
    """A problem-details response: type, title, status and detail, plus any extensions."""
    title = HTTPStatus(status).phrase
    slug = kind or title.lower().replace(" ", "-")
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE_BASE + slug,
        "title": title,
        "status": status,
        "detail": detail,
        **extra,
    }
    return JSONResponse(body, status_code=status, media_type=PROBLEM_MEDIA_TYPE)


def _wants_problem(request: Request) -> bool:
    """API paths and clients asking for JSON get problem details; browsers get a page."""
    accept = request.headers.get("accept", "")
    return (
        request.url.path.startswith("/api/")
        or request.method not in ("GET", "HEAD")
        or ("json" in accept and "text/html" not in accept)
    )


def _html_error(request: Request, status: int, detail: str) -> Response:
    render = getattr(request.app.state, "render_error", None)
    if render is None:
        return HTMLResponse(f"<h1>{status}</h1>", status_code=status)
    response: Response = render(request, status, detail)
    return response


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
    response: Response
    if _wants_problem(request):
        response = problem(exc.status_code, detail)
    else:
        response = _html_error(request, exc.status_code, detail)
    for name, value in (exc.headers or {}).items():
        response.headers[name] = value
    return response


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"loc": [str(part) for part in err.get("loc", ())], "msg": str(err.get("msg", ""))}
        for err in exc.errors()
    ]
    first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
    detail = f"{'.'.join(first['loc'])}: {first['msg']}"
    if _wants_problem(request):
        return problem(422, detail, kind="validation-error", errors=errors)
    return _html_error(request, 422, detail)


async def _bad_cursor(request: Request, exc: Exception) -> Response:
    detail = "The pagination cursor is not valid; start again from the first page."
    if _wants_problem(request):
        return problem(400, detail, kind="bad-cursor")
    return _html_error(request, 400, detail)


async def _query_too_long(request: Request, exc: Exception) -> Response:
    detail = f"{str(exc)[:1].upper()}{str(exc)[1:]}."
    if _wants_problem(request):
        return problem(422, detail, kind="query-too-long")
    return _html_error(request, 422, detail)


async def _search_timeout(request: Request, exc: Exception) -> Response:
    detail = "The search took too long; try fewer or more precise words."
    if _wants_problem(request):
        response: Response = problem(503, detail, kind="search-timeout")
    else:
        response = _html_error(request, 503, detail)
    response.headers["Retry-After"] = "5"
    return response


async def _server_error(request: Request, exc: Exception) -> Response:
    """An unexpected failure: a problem for the API, a page for people, never a trace."""
    detail = "The request could not be completed."
    if _wants_problem(request):
        return problem(500, detail, kind="server-error")
    return _html_error(request, 500, detail)


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(Exception, _server_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(BadCursor, _bad_cursor)
    app.add_exception_handler(QueryTooLong, _query_too_long)
    app.add_exception_handler(SearchTimeout, _search_timeout)
