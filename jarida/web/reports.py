"""Readers' image reports: `POST /api/images/{id}/reports` (JSON) and the no-JavaScript form
`POST /images/{id}/report`, both answered with whether the image is now blocked.

The reader is known by a random first-party cookie (HttpOnly, SameSite=Lax), set on
the first report, and by the network of the address (X-Forwarded-For believed only from
`trusted_proxies`); only keyed hashes of either are stored (jarida.moderation).
Reports must come from this site's own pages (Origin or Referer of the same host, or a
JSON body, which other sites cannot send without CORS): otherwise a hostile page could
make every visitor report an image.
"""

from __future__ import annotations

import re
import secrets
from datetime import UTC, datetime
from typing import Annotated, Literal
from urllib.parse import parse_qs, urlsplit

from fastapi import APIRouter, Path, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from jarida.moderation.identity import client_address
from jarida.moderation.reporting import (
    MAX_COMMENT,
    REASONS,
    RateLimited,
    ReportOutcome,
    ReportRequest,
    UnknownImage,
    submit_report,
)
from jarida.web.api import _problem
from jarida.web.api_models import ValidationProblem
from jarida.web.deps import app_state, interface
from jarida.web.problems import problem
from jarida.web.query import NO_NUL

router = APIRouter()
READER_COOKIE = "jarida_reader"
_READER_ID = re.compile(r"[0-9a-f]{32}")
MAX_BODY = 8192
Reason = Literal["violence", "sexual", "hatred", "private", "copyright", "other"]
ImageId = Annotated[int, Path(ge=1, le=2**31 - 1, description="image_id of an article.")]


class ReportBody(BaseModel):
    reason: Reason = Field(description="Why the image should be withdrawn.")
    comment: str | None = Field(None, max_length=MAX_COMMENT, pattern=NO_NUL,
                                description="Optional, at most 500 characters.")


class ReportAnswer(BaseModel):
    status: str = Field(description="recorded or already_reported.")
    blocked: bool = Field(description="True once the image is withdrawn.")


def _invalid(reason: object, comment: object) -> str | None:
    if reason not in REASONS:
        return f"reason: must be one of {', '.join(REASONS)}"
    if comment is not None and (not isinstance(comment, str) or len(comment) > MAX_COMMENT):
        return f"comment: at most {MAX_COMMENT} characters"
    if isinstance(comment, str) and "\x00" in comment:
        return "comment: must not contain NUL"
    return None


def _same_site(request: Request) -> bool:
    """The request comes from one of our own pages (Origin, else Referer, names our host)."""
    source = request.headers.get("origin") or request.headers.get("referer")
    if not source or source == "null":
        return False
    host = urlsplit(source).netloc.lower()
    ours = {request.headers.get("host", "").lower(),
            urlsplit(app_state(request).settings.base_url).netloc.lower()}
    return host in ours


def _reader_id(request: Request) -> tuple[str, bool]:
    """The reader's cookie id, and whether it is new (to be set on the response)."""
    value = request.cookies.get(READER_COOKIE, "")
    if _READER_ID.fullmatch(value):
        return value, False
    return secrets.token_hex(16), True


def _submit(request: Request, image_id: int, reason: str, comment: str | None
            ) -> tuple[ReportOutcome, str, bool]:
    state = app_state(request)
    reader, new = _reader_id(request)
    peer = request.client.host if request.client else None
    address = client_address(peer, request.headers.getlist("x-forwarded-for"),
                             state.settings.trusted_proxies)
    report = ReportRequest(image_id, reason, (comment or "").strip() or None, reader, address)
    with state.database.write() as conn:
        outcome = submit_report(conn, state.settings, report, datetime.now(UTC))
    return outcome, reader, new


def _with_cookie(response: Response, request: Request, reader: str, new: bool) -> Response:
    if new:
        response.set_cookie(READER_COOKIE, reader, max_age=365 * 24 * 3600, httponly=True,
                            samesite="lax", secure=request.url.scheme == "https")
    response.headers["Cache-Control"] = "no-store"
    return response


@router.post(
    "/api/images/{image_id}/reports", status_code=202, response_model=ReportAnswer,
    tags=["api"], summary="Report an image",
    responses={
        400: _problem("The body is not readable JSON."),
        404: _problem("No such image."),
        422: _problem("A reason outside the list, or a comment over 500 characters.",
                      ValidationProblem),
        429: _problem("Too many reports from this reader or network; try again later."),
    },
)
async def report_api(request: Request, image_id: ImageId, body: ReportBody) -> Response:
    """Report an image. The body must be JSON (which other sites' pages cannot send here)."""
    try:
        outcome, reader, new = await run_in_threadpool(
            _submit, request, image_id, body.reason, body.comment)
    except UnknownImage:
        return problem(404, f"No image with id {image_id}.")
    except RateLimited:
        return problem(429, "Too many reports; try again later.")
    answer = JSONResponse({"status": outcome.status, "blocked": outcome.blocked},
                          status_code=202)
    return _with_cookie(answer, request, reader, new)


@router.post("/images/{image_id}/report", include_in_schema=False)
async def report_form(request: Request, image_id: ImageId) -> Response:
    state, ui = app_state(request), interface(request)
    raw = await request.body()
    form = parse_qs(raw[:MAX_BODY].decode("utf-8", "replace"), keep_blank_values=True)
    reason = (form.get("reason") or [""])[0]
    comment = (form.get("comment") or [""])[0]
    status, outcome, reader, new = 200, None, "", False
    if not _same_site(request):
        status, message = 403, ui.gettext("Reports are accepted only from this site's pages.")
    elif _invalid(reason, comment):
        message = ui.gettext("Please choose a reason (and keep the comment under 500 characters).")
        status = 422
    else:
        try:
            outcome, reader, new = await run_in_threadpool(
                _submit, request, image_id, reason, comment)
            message = ui.gettext("Thank you. Your report has been recorded. An image is withdrawn automatically once several different people have reported it, and a moderator then reviews it.")  # noqa: E501
        except UnknownImage:
            status, message = 404, ui.gettext("This image does not exist.")
        except RateLimited:
            message = ui.gettext("Too many reports from your connection; please try again later.")
            status = 429
    back = request.headers.get("referer", "/")
    back = urlsplit(back).path if _same_site(request) else "/"
    body = state.renderer.render(
        "report_thanks.html", request, ui, status=status, message=message,
        already=outcome is not None and outcome.status == "already_reported",
        blocked=outcome is not None and outcome.blocked, back=back or "/",
    )
    return _with_cookie(HTMLResponse(body, status_code=status), request, reader, new)
