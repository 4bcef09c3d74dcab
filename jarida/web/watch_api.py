"""The monitoring JSON API (issue 14): `/api/watch/...`, for analysts and admins holding an
API token (`Authorization: Bearer`, see web/admin/tokens.py). Lists also come as CSV
(`?format=csv`), mentions as XLSX (`?format=xlsx`)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, HTTPException, Path, Query, Request, Response
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
    story_data,
    subject_or_404,
    top_stories,
)
from jarida.watch.exports import to_csv, to_xlsx
from jarida.watch.model import TONES
from jarida.watch.periods import BadPeriod, parse_bound
from jarida.watch.registry import save_all
from jarida.watch.yaml_io import WatchFileError, load_watch_yaml, subject_data
from jarida.web.admin.tokens import api_user
from jarida.web.api_models import Problem, ValidationProblem
from jarida.web.deps import app_state
from jarida.web.problems import PROBLEM_MEDIA_TYPE
from jarida.web.query import NO_NUL

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _problem(description: str, model: type[Problem] = Problem) -> dict[str, Any]:
    return {"description": description,
            "content": {PROBLEM_MEDIA_TYPE: {"schema": model.model_json_schema()}}}


ANSWERS: dict[int | str, dict[str, Any]] = {
    200: {"description": "JSON, or CSV / XLSX as asked by `format`",
          "content": {"application/json": {}, "text/csv": {}, XLSX: {}}},
    400: _problem("A parameter or the body cannot be read."),
    401: _problem("An API token is required, or it is not valid."),
    403: _problem("This account's role does not allow monitoring."),
    404: _problem("No such subject, set or mention."),
    422: _problem("A parameter is missing or invalid.", ValidationProblem),
}
router = APIRouter(prefix="/api/watch", tags=["monitoring"], responses=ANSWERS)
Slug = Annotated[str, Path(pattern=NO_NUL, max_length=120)]
Text = Annotated[str | None, Query(pattern=NO_NUL, max_length=200)]
Since = Annotated[str | None, Query(alias="from", pattern=NO_NUL, max_length=40,
                                    description="ISO date or date-time (inclusive).")]
Until = Annotated[str | None, Query(alias="to", pattern=NO_NUL, max_length=40,
                                    description="ISO date (inclusive) or date-time.")]
ANALYSTS = ("admin", "analyst")
MENTION_COLUMNS = ("id", "article_id", "title", "url", "page_url", "source", "language",
                   "published_at", "where", "count", "tone", "tone_score", "corrected",
                   "snippet", "duplicate_count")
TIMELINE_COLUMNS = ("period", "mentions", *TONES, "unscored", "corpus", "share", "net_tone")
STORY_COLUMNS = ("id", "title", "mentions", "articles", "outlets", "languages", "page_url",
                 "first_seen", "last_seen")
_T = TypeVar("_T")


async def api_db(request: Request, fn: Callable[[Connection], _T], *, write: bool = False) -> _T:
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


def _filters(since_text: str | None, until_text: str | None, tone: str | None = None,
             language: str | None = None, source: str | None = None) -> MentionFilter:
    try:
        since = parse_bound(since_text, end=False)
        until = parse_bound(until_text, end=True)
    except BadPeriod as exc:
        raise HTTPException(400, str(exc)) from None
    if tone is not None and tone not in TONES:
        raise HTTPException(400, f"tone must be one of {', '.join(TONES)}")
    return MentionFilter(since, until, tone, language or None, source or None)


def listing(rows: list[dict[str, Any]], columns: tuple[str, ...], fmt: str | None,
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
async def subjects(request: Request, format: Text = None) -> Response:
    await api_user(request, ANALYSTS)

    def read(conn: Connection) -> list[dict[str, Any]]:
        totals = q.mention_totals(conn)
        return [{**subject_data(s), "mentions": totals.get(s.slug, 0)}
                for s in subject_store.list_subjects(conn)]

    rows = await api_db(request, read)
    if format == "csv":
        flat = [{**r, "aliases": "; ".join(a if isinstance(a, str) else a["text"]
                                           for a in r.get("aliases", []))} for r in rows]
        return listing(flat, ("slug", "name", "kind", "aliases", "mentions"), format,
                        "subjects")
    return listing(rows, (), format, "subjects")


@router.post("/import", summary="Add or replace subjects and sets (the YAML file, as JSON)",
             status_code=201)
async def import_subjects(request: Request) -> Response:
    """Body: {"subjects": [...], "sets": [...]} with the fields of `jarida watch import`;
    all of it is saved or nothing (400 names the first problem)."""
    user = await api_user(request, ANALYSTS)
    try:
        body = await request.json()
    except ValueError:
        raise HTTPException(400, "the body must be JSON") from None
    try:
        parsed, sets = load_watch_yaml(json.dumps(body, ensure_ascii=False))
    except WatchFileError as exc:
        raise HTTPException(400, str(exc).removeprefix("line 1: ")) from None

    def write(conn: Connection) -> dict[str, Any]:
        report = save_all(conn, parsed, sets)
        from jarida.storage import audit

        for subject in parsed:
            audit.record(conn, user.name, "watch.subject", f"subject:{subject.slug}")
        return {"added": report.added, "changed": report.changed,
                "unchanged": report.unchanged, "sets": report.sets,
                "subjects": [subject_data(s) for s in parsed]}

    return JSONResponse(await api_db(request, write, write=True), status_code=201)


@router.delete("/subjects/{slug}", summary="Remove a subject and its mentions",
               status_code=204, responses={204: {"description": "Removed."}})
async def remove_subject(request: Request, slug: Slug) -> Response:
    user = await api_user(request, ANALYSTS)

    def write(conn: Connection) -> bool:
        from jarida.storage import audit

        gone = subject_store.delete_subject(conn, slug)
        if gone:
            audit.record(conn, user.name, "watch.remove", f"subject:{slug}")
        return gone

    if not await api_db(request, write, write=True):
        raise HTTPException(404, f"no subject {slug!r}")
    return Response(status_code=204)


def all_mention_rows(conn: Connection, slug: str, filters: MentionFilter,
                     base: str) -> list[dict[str, Any]]:
    """Every mention of a subject in the period, newest first (an export: up to 100,000),
    as the API and the pages' downloads give them. NotFound: no such subject."""
    subject = subject_or_404(conn, slug)
    assert subject.id is not None
    rows: list[dict[str, Any]] = []
    page: str | None = None
    while True:
        items, page = q.list_mentions(conn, subject.id, filters, limit=1000, cursor=page)
        rows += [mention_data(i, base) for i in items]
        if page is None or len(rows) >= 100_000:
            return rows


def timeline_rows(conn: Connection, slug: str, interval: str,
                  filters: MentionFilter) -> list[dict[str, Any]]:
    """A subject's mentions per period, every period of the range (NotFound: no subject)."""
    subject = subject_or_404(conn, slug)
    return [bucket_data(b) for b in filled_timeline(conn, subject, interval, filters)]


@router.get("/subjects/{slug}/mentions", summary="A subject's mentions, newest first")
async def mentions(request: Request, slug: Slug, tone: Text = None, language: Text = None,
                   source: Text = None, cursor: Text = None, format: Text = None,
                   since: Since = None, until: Until = None,
                   limit: int = Query(50, ge=1, le=1000)) -> Response:
    await api_user(request, ANALYSTS)
    filters = _filters(since, until, tone, language, source)
    base = app_state(request).settings.base_url
    everything = format in ("csv", "xlsx")

    def read(conn: Connection) -> tuple[list[dict[str, Any]], str | None]:
        if everything:
            return all_mention_rows(conn, slug, filters, base), None
        subject = subject_or_404(conn, slug)
        assert subject.id is not None
        items, nxt = q.list_mentions(conn, subject.id, filters, limit=limit, cursor=cursor)
        return [mention_data(i, base) for i in items], nxt

    rows, nxt = await api_db(request, read)
    return listing(rows, MENTION_COLUMNS, format, f"{slug}-mentions", {"next_cursor": nxt})


@router.get("/subjects/{slug}/timeline", summary="Mentions per period, by tone, and share")
async def timeline(request: Request, slug: Slug,
                   interval: Annotated[str, Query(pattern=NO_NUL, max_length=10)] = "day",
                   language: Text = None, source: Text = None, format: Text = None,
                   since: Since = None, until: Until = None) -> Response:
    await api_user(request, ANALYSTS)
    if interval not in INTERVALS:
        raise HTTPException(400, f"interval must be one of {', '.join(INTERVALS)}")
    filters = _filters(since, until, None, language, source)

    rows = await api_db(request, lambda conn: timeline_rows(conn, slug, interval, filters))
    return listing(rows, TIMELINE_COLUMNS, format, f"{slug}-timeline",
                    {"interval": interval})


@router.get("/subjects/{slug}/summary", summary="Totals, top outlets and languages")
async def summary(request: Request, slug: Slug, since: Since = None, until: Until = None,
                  language: Text = None, source: Text = None) -> Response:
    """Mentions counted once per original article (`mentions`) and with syndicated copies
    (`mentions_with_copies`), the outlets and languages that carry them."""
    await api_user(request, ANALYSTS)
    filters = _filters(since, until, None, language, source)

    def read(conn: Connection) -> dict[str, Any]:
        subject = subject_or_404(conn, slug)
        assert subject.id is not None
        return {
            "slug": slug,
            "mentions": q.mention_count(conn, subject.id, filters),
            "mentions_with_copies": q.mention_count(conn, subject.id, filters,
                                                    with_copies=True),
            "outlets": [{"source": s, "name": n, "mentions": c, "net_tone": round(t, 4)}
                        for s, n, c, t in q.top_outlets(conn, subject.id, filters)],
            "languages": [{"language": lang, "mentions": c}
                          for lang, c in q.languages(conn, subject.id, filters)],
        }

    return JSONResponse(await api_db(request, read))


@router.get("/subjects/{slug}/stories", summary="The stories that mention a subject most")
async def stories(request: Request, slug: Slug, since: Since = None, until: Until = None,
                  language: Text = None, source: Text = None, format: Text = None,
                  title_language: Annotated[str | None, Query(
                      alias="title_language", pattern=NO_NUL, max_length=8,
                      description="Title each story in this language when it can.")] = None,
                  limit: int = Query(10, ge=1, le=100)) -> Response:
    """Stories (of two articles or more) by the subject's mentions in them, syndicated
    copies counted once; each with its size, outlets and languages."""
    await api_user(request, ANALYSTS)
    filters = _filters(since, until, None, language, source)
    base = app_state(request).settings.base_url

    def read(conn: Connection) -> list[dict[str, Any]]:
        subject = subject_or_404(conn, slug)
        assert subject.id is not None
        return [story_data(s, base)
                for s in top_stories(conn, subject.id, filters, title_language, limit)]

    rows = await api_db(request, read)
    return listing(rows, STORY_COLUMNS, format, f"{slug}-stories")


@router.get("/share-of-voice", summary="Share of voice within a comparison set")
async def voice(request: Request,
                set: Annotated[str, Query(alias="set", pattern=NO_NUL, max_length=120)],
                format: Text = None, since: Since = None, until: Until = None) -> Response:
    await api_user(request, ANALYSTS)
    filters = _filters(since, until)

    def read(conn: Connection) -> list[dict[str, Any]]:
        compare = set_or_404(conn, set)
        return [{"slug": v.slug, "name": v.name, "mentions": v.mentions,
                 "share": round(v.share, 6), **v.tones}
                for v in share_of_voice(conn, compare, filters)]

    rows = await api_db(request, read)
    return listing(rows, ("slug", "name", "mentions", "share", *TONES), format,
                    f"{set}-share-of-voice", {"set": set})


@router.patch("/mentions/{mention_id}", summary="Correct a mention's tone")
async def correct(request: Request,
                  mention_id: Annotated[int, Path(ge=1, le=2**31 - 1)]) -> Response:
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

    return JSONResponse(await api_db(request, write, write=True))
