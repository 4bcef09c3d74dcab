"""Downloads of the monitoring pages: a subject's mentions as CSV or XLSX and its timeline
as CSV, for the analyst signed in to /veille (the session, not an API token), with the
dashboard's own filters (period, language, interval). The same rows as the JSON API's
`?format=` exports (`watch_api.all_mention_rows`, `watch_api.timeline_rows`)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, Response

from jarida.storage.watch_analysis import INTERVALS, MentionFilter
from jarida.watch.analysis import NotFound
from jarida.watch.model import TONES
from jarida.watch.periods import BadPeriod, parse_bound
from jarida.web.admin.auth import current_admin
from jarida.web.admin.pages import on_database
from jarida.web.deps import app_state, interface
from jarida.web.watch_api import (
    ANALYSTS,
    MENTION_COLUMNS,
    TIMELINE_COLUMNS,
    all_mention_rows,
    listing,
    timeline_rows,
)

router = APIRouter(prefix="/veille", include_in_schema=False)


def page_filters(request: Request) -> MentionFilter:
    """The dashboard's filters from the query string (400 on a date it cannot read)."""
    params = request.query_params
    tone = params.get("tone", "")
    try:
        return MentionFilter(parse_bound(params.get("from"), end=False),
                             parse_bound(params.get("to"), end=True),
                             tone if tone in TONES else None, params.get("language") or None,
                             params.get("source") or None)
    except BadPeriod as exc:
        raise HTTPException(400, str(exc)) from None


@router.get("/{slug}/mentions.{fmt}")
async def mentions_file(request: Request, slug: str, fmt: str) -> Response:
    await current_admin(request, ANALYSTS)
    if fmt not in ("csv", "xlsx"):
        raise HTTPException(404)
    filters = page_filters(request)
    base = app_state(request).settings.base_url
    try:
        rows = await on_database(request, lambda c: all_mention_rows(c, slug, filters, base))
    except NotFound:
        raise HTTPException(404, interface(request).gettext("No such subject.")) from None
    return listing(rows, MENTION_COLUMNS, fmt, f"{slug}-mentions")


@router.get("/{slug}/timeline.csv")
async def timeline_file(request: Request, slug: str) -> Response:
    await current_admin(request, ANALYSTS)
    interval = request.query_params.get("interval", "day")
    interval = interval if interval in INTERVALS else "day"
    filters = page_filters(request)
    try:
        rows = await on_database(request,
                                 lambda c: timeline_rows(c, slug, interval, filters))
    except NotFound:
        raise HTTPException(404, interface(request).gettext("No such subject.")) from None
    return listing(rows, TIMELINE_COLUMNS, "csv", f"{slug}-timeline-{interval}")
