"""The monitoring JSON API (issue 14): `/api/watch/...`, for analysts and admins holding an
API token (`Authorization: Bearer`, see web/admin/tokens.py). Lists also come as CSV
(`?format=csv`), mentions as XLSX (`?format=xlsx`)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import APIRouter, HTTPException, Query, Request, Response
from fastapi.responses import JSONResponse
from sqlalchemy import Connection
from starlette.concurrency import run_in_threadpool

from jarida.storage import watch_analysis as q
from jarida.storage import watch_mentions as mention_store
from jarida.storage import watch_subjects as subject_store
from jarida.storage.watch_analysis import INTERVALS, MentionFilter
from jarida.watch.analysis import (
    NotFound,
    bucket_data,
    filled_timeline,
    mention_data,
    set_or_404,
    share_of_voice,
    subject_or_404,
)
from jarida.watch.exports import to_csv, to_xlsx
from jarida.watch.model import TONES
from jarida.watch.periods import BadPeriod, parse_bound
from jarida.watch.registry import save_all
from jarida.watch.yaml_io import WatchFileError, load_watch_yaml, subject_data
from jarida.web.admin.tokens import api_user
from jarida.web.deps import app_state

router = APIRouter(prefix="/api/watch", tags=["monitoring"])
ANALYSTS = ("admin", "analyst")
MENTION_COLUMNS = ("id", "article_id", "title", "url", "page_url", "source", "language",
                   "published_at", "where", "count", "tone", "tone_score", "corrected",
                   "snippet", "duplicate_count")
TIMELINE_COLUMNS = ("period", "mentions", *TONES, "unscored", "corpus", "share", "net_tone")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_T = TypeVar("_T")


async def _db(request: Request, fn: Callable[[Connection], _T], *, write: bool = False) -> _T:
    database = app_state(request).database

    def run() -> _T:
        try:
            with database.write() if write else database.read() as conn:
                return fn(conn)
        except NotFound as exc:
            raise HTTPException(404, str(exc)) from None
        except (BadPeriod, ValueError) as exc:
            raise HTTPException(400, str(exc)) from None

    return await run_in_threadpool(run)


def _filters(request: Request, tone: str | None = None, language: str | None = None,
             source: str | None = None) -> MentionFilter:
    params = request.query_params
    try:
        since = parse_bound(params.get("from"), end=False)
        until = parse_bound(params.get("to"), end=True)
    except BadPeriod as exc:
        raise HTTPException(400, str(exc)) from None
    if tone is not None and tone not in TONES:
        raise HTTPException(400, f"tone must be one of {', '.join(TONES)}")
    return MentionFilter(since, until, tone, language or None, source or None)


def _listing(rows: list[dict[str, Any]], columns: tuple[str, ...], fmt: str | None,
             name: str, extra: dict[str, Any] | None = None) -> Response:
    if fmt == "csv":
        return Response(to_csv(rows, columns), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
    if fmt == "xlsx" and columns == MENTION_COLUMNS:
        return Response(to_xlsx(rows, columns, name), media_type=XLSX,
                        headers={"Content-Disposition": f'attachment; filename="{name}.xlsx"'})
    if fmt not in (None, "", "json"):
        raise HTTPException(400, "format must be json or csv (xlsx for mentions)")
    return JSONResponse({"items": rows, **(extra or {})})


@router.get("/subjects", summary="Watched subjects")
async def subjects(request: Request, format: str | None = None) -> Response:
    await api_user(request, ANALYSTS)

    def read(conn: Connection) -> list[dict[str, Any]]:
        totals = q.mention_totals(conn)
        return [{**subject_data(s), "mentions": totals.get(s.slug, 0)}
                for s in subject_store.list_subjects(conn)]

    rows = await _db(request, read)
    if format == "csv":
        flat = [{**r, "aliases": "; ".join(a if isinstance(a, str) else a["text"]
                                           for a in r.get("aliases", []))} for r in rows]
        return _listing(flat, ("slug", "name", "kind", "aliases", "mentions"), format,
                        "subjects")
    return _listing(rows, (), format, "subjects")


@router.post("/subjects", summary="Add or replace a subject (the YAML fields, as JSON)",
             status_code=201)
async def add_subject(request: Request) -> Response:
    user = await api_user(request, ANALYSTS)
    try:
        body = await request.json()
    except ValueError:
        raise HTTPException(400, "the body must be JSON") from None
    try:
        parsed, _ = load_watch_yaml(json.dumps({"subjects": [body]}, ensure_ascii=False))
    except WatchFileError as exc:
        raise HTTPException(400, str(exc).removeprefix("line 1: ")) from None

    def write(conn: Connection) -> dict[str, Any]:
        save_all(conn, parsed, [])
        from jarida.storage import audit

        audit.record(conn, user.name, "watch.subject", f"subject:{parsed[0].slug}")
        return subject_data(parsed[0])

    return JSONResponse(await _db(request, write, write=True), status_code=201)


@router.delete("/subjects/{slug}", summary="Remove a subject and its mentions",
               status_code=204)
async def remove_subject(request: Request, slug: str) -> Response:
    user = await api_user(request, ANALYSTS)

    def write(conn: Connection) -> bool:
        from jarida.storage import audit

        gone = subject_store.delete_subject(conn, slug)
        if gone:
            audit.record(conn, user.name, "watch.remove", f"subject:{slug}")
        return gone

    if not await _db(request, write, write=True):
        raise HTTPException(404, f"no subject {slug!r}")
    return Response(status_code=204)


@router.get("/subjects/{slug}/mentions", summary="A subject's mentions, newest first")
async def mentions(request: Request, slug: str, tone: str | None = None,
                   language: str | None = None, source: str | None = None,
                   cursor: str | None = None, format: str | None = None,
                   limit: int = Query(50, ge=1, le=1000)) -> Response:
    await api_user(request, ANALYSTS)
    filters = _filters(request, tone, language, source)
    base = app_state(request).settings.base_url
    everything = format in ("csv", "xlsx")

    def read(conn: Connection) -> tuple[list[dict[str, Any]], str | None]:
        subject = subject_or_404(conn, slug)
        assert subject.id is not None
        if not everything:
            items, nxt = q.list_mentions(conn, subject.id, filters, limit=limit, cursor=cursor)
            return [mention_data(i, base) for i in items], nxt
        rows: list[dict[str, Any]] = []
        page: str | None = None
        while True:  # an export holds every mention of the period
            items, page = q.list_mentions(conn, subject.id, filters, limit=1000, cursor=page)
            rows += [mention_data(i, base) for i in items]
            if page is None or len(rows) >= 100_000:
                return rows, None

    rows, nxt = await _db(request, read)
    return _listing(rows, MENTION_COLUMNS, format, f"{slug}-mentions", {"next_cursor": nxt})


@router.get("/subjects/{slug}/timeline", summary="Mentions per period, by tone, and share")
async def timeline(request: Request, slug: str, interval: str = "day",
                   language: str | None = None, source: str | None = None,
                   format: str | None = None) -> Response:
    await api_user(request, ANALYSTS)
    if interval not in INTERVALS:
        raise HTTPException(400, f"interval must be one of {', '.join(INTERVALS)}")
    filters = _filters(request, None, language, source)

    def read(conn: Connection) -> list[dict[str, Any]]:
        subject = subject_or_404(conn, slug)
        return [bucket_data(b) for b in filled_timeline(conn, subject, interval, filters)]

    rows = await _db(request, read)
    return _listing(rows, TIMELINE_COLUMNS, format, f"{slug}-timeline",
                    {"interval": interval})


@router.get("/share-of-voice", summary="Share of voice within a comparison set")
async def voice(request: Request, set: str = Query(..., alias="set"),
                format: str | None = None) -> Response:
    await api_user(request, ANALYSTS)
    filters = _filters(request)

    def read(conn: Connection) -> list[dict[str, Any]]:
        compare = set_or_404(conn, set)
        return [{"slug": v.slug, "name": v.name, "mentions": v.mentions,
                 "share": round(v.share, 6), **v.tones}
                for v in share_of_voice(conn, compare, filters)]

    rows = await _db(request, read)
    return _listing(rows, ("slug", "name", "mentions", "share", *TONES), format,
                    f"{set}-share-of-voice", {"set": set})


@router.patch("/mentions/{mention_id}", summary="Correct a mention's tone")
async def correct(request: Request, mention_id: int) -> Response:
    user = await api_user(request, ANALYSTS)
    try:
        body = await request.json()
    except ValueError:
        raise HTTPException(400, "the body must be JSON") from None
    tone = body.get("tone") if isinstance(body, dict) else None
    if tone not in TONES:
        raise HTTPException(400, f"tone must be one of {', '.join(TONES)}")
    base = app_state(request).settings.base_url

    def write(conn: Connection) -> dict[str, Any]:
        if not mention_store.correct_tone(conn, mention_id, tone, user.name):
            raise NotFound(f"no mention {mention_id}")
        item = q.mention_by_id(conn, mention_id)
        assert item is not None
        return mention_data(item, base)

    return JSONResponse(await _db(request, write, write=True))
