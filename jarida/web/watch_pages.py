"""The monitoring pages at /veille (issue 14): the subjects, and a dashboard per subject
with its charts, data tables and latest mentions, whose tone an analyst corrects in one
click (a plain form with the session's CSRF token: it works without JavaScript)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import APIRouter, HTTPException, Request, Response
from sqlalchemy import Connection

from jarida.storage import audit
from jarida.storage import watch_analysis as q
from jarida.storage import watch_mentions as mention_store
from jarida.storage import watch_subjects as subject_store
from jarida.storage.watch_analysis import INTERVALS
from jarida.watch.analysis import NotFound, dashboard
from jarida.watch.charts import TONE_COLOURS, bars_svg, timeline_svg
from jarida.watch.model import TONES
from jarida.watch.registry import import_yaml
from jarida.watch.yaml_io import WatchFileError, dump_watch_yaml
from jarida.web.admin.auth import (
    Admin,
    Forbidden,
    csrf_ok,
    current_admin,
    read_form,
    see_other,
)
from jarida.web.admin.pages import on_database, private_page
from jarida.web.deps import interface
from jarida.web.story_views import language_name
from jarida.web.watch_downloads import page_filters

router = APIRouter(prefix="/veille", include_in_schema=False)
ANALYSTS = ("admin", "analyst")
_T = TypeVar("_T")
LANGUAGES = ("fr", "ar", "es", "en")  # the languages a subject's aliases are written in
_PALETTE = ("#1f6feb", "#d97706", "#7c3aed", "#059669", "#db2777", "#0891b2")


def _page(request: Request, admin: Admin, name: str, status: int = 200,
          **context: Any) -> Response:
    return private_page(request, admin, f"watch/{name}", status, **context)


async def _db(request: Request, fn: Callable[[Connection], _T], *, write: bool = False) -> _T:
    return await on_database(request, fn, write=write)


async def read_form_large(request: Request, limit: int = 1 << 20) -> dict[str, str]:
    """A form of up to `limit` bytes (a subjects file), refused whole beyond it."""
    from urllib.parse import parse_qs

    raw = await request.body()
    if len(raw) > limit:
        raise HTTPException(413, "the form is too large")
    parsed = parse_qs(raw.decode("utf-8", "replace"), keep_blank_values=True)
    return {k: v[0].replace("\x00", "") for k, v in parsed.items() if v}


def _short(title: str, size: int = 22) -> str:
    """A story title cut to fit a chart's label column (the table beside it has it whole)."""
    return title if len(title) <= size else title[:size - 1].rstrip() + "…"


def tone_labels(gettext: Callable[[str], str]) -> dict[str, str]:
    return {"negative": gettext("negative"), "neutral": gettext("neutral"),
            "positive": gettext("positive"), "unscored": gettext("not scored")}


async def _index(request: Request, admin: Admin, status: int = 200, **extra: Any
                 ) -> Response:
    def read(conn: Connection) -> dict[str, Any]:
        subjects = subject_store.list_subjects(conn)
        return {"subjects": subjects, "totals": q.mention_totals(conn),
                "sets": subject_store.list_sets(conn),
                "yaml_text": extra.pop("yaml_text", None)
                or dump_watch_yaml(subjects, subject_store.list_sets(conn))}

    context = await _db(request, read)
    return _page(request, admin, "index.html", status, **context, **extra)


@router.get("")
async def index(request: Request) -> Response:
    return await _index(request, await current_admin(request, ANALYSTS))


@router.post("/import")
async def import_form(request: Request) -> Response:
    """Subjects and sets edited as YAML on the page: all saved, or nothing and the line."""
    admin = await current_admin(request, ANALYSTS)
    form = await read_form_large(request)
    if not csrf_ok(admin.csrf, form):
        raise Forbidden()
    text = form.get("yaml", "")

    def write(conn: Connection) -> None:
        import_yaml(conn, text)
        audit.record(conn, admin.user.name, "watch.import", "subjects")

    try:
        await _db(request, write, write=True)
    except (WatchFileError, ValueError) as exc:
        return await _index(request, admin, 400, error=str(exc), yaml_text=text)
    return see_other("/veille")


@router.get("/{slug}/remove")
async def remove_page(request: Request, slug: str) -> Response:
    """What removing a subject takes with it, and the form that does it (no JavaScript)."""
    admin = await current_admin(request, ANALYSTS)

    def read(conn: Connection) -> dict[str, Any] | None:
        subject = subject_store.subject_by_slug(conn, slug)
        if subject is None:
            return None
        return {"subject": subject, "mentions": q.mention_totals(conn).get(slug, 0)}

    context = await _db(request, read)
    if context is None:
        raise HTTPException(404, interface(request).gettext("No such subject."))
    return _page(request, admin, "remove.html", **context)


@router.post("/{slug}/remove")
async def remove_form(request: Request, slug: str) -> Response:
    admin = await current_admin(request, ANALYSTS)
    form = await read_form(request)
    if not csrf_ok(admin.csrf, form):
        raise Forbidden()

    def write(conn: Connection) -> bool:
        gone = subject_store.delete_subject(conn, slug)
        if gone:
            audit.record(conn, admin.user.name, "watch.remove", f"subject:{slug}")
        return gone

    if not await _db(request, write, write=True):
        raise HTTPException(404, "no such subject")
    return see_other("/veille")


@router.get("/{slug}")
async def subject_page(request: Request, slug: str, interval: str = "day") -> Response:
    """The dashboard; `from`, `to`, `language`, `source` and `tone` filter it
    (`watch_downloads.page_filters`), and its download links carry the same filters."""
    admin = await current_admin(request, ANALYSTS)
    ui = interface(request)
    filters = page_filters(request)
    interval = interval if interval in INTERVALS else "day"
    try:
        board = await _db(request,
                          lambda conn: dashboard(conn, slug, interval, filters, ui.lang))
    except NotFound:
        raise HTTPException(404, ui.gettext("No such subject.")) from None
    labels = tone_labels(ui.gettext)
    timeline = timeline_svg(board.timeline, ui.gettext("Mentions over time, by tone"), labels)
    voices = [(compare, bars_svg(
        [(v.name, v.share, _PALETTE[i % len(_PALETTE)]) for i, v in enumerate(voice)],
        ui.gettext("Share of voice"), percent=True), voice) for compare, voice in board.sets]
    outlets = bars_svg([(name, n, "#1f6feb") for _, name, n, _ in board.outlets],
                       ui.gettext("Top outlets"))
    stories = bars_svg([(_short(s.title), s.mentions, "#7c3aed") for s in board.stories],
                       ui.gettext("Top stories"))
    query = request.url.query
    return _page(request, admin, "dashboard.html", board=board, interval=interval,
                 intervals=INTERVALS, timeline_chart=timeline, voices=voices,
                 outlets_chart=outlets, stories_chart=stories, labels=labels, tones=TONES,
                 colours=TONE_COLOURS, filters=filters,
                 filter_languages=[(c, language_name(c, ui.lang)) for c in dict.fromkeys(
                     (*LANGUAGES, *(c for c, _ in board.languages if c)))],
                 language_names={c: language_name(c, ui.lang) for c, _ in board.languages
                                 if c},
                 download_query=f"?{query}" if query else "")


@router.post("/mentions/{mention_id}/tone")
async def correct_tone(request: Request, mention_id: int) -> Response:
    admin = await current_admin(request, ANALYSTS)
    form = await read_form(request)
    if not csrf_ok(admin.csrf, form):
        raise Forbidden()
    tone = form.get("tone", "")
    if tone not in TONES:
        raise HTTPException(400, "tone must be negative, neutral or positive")

    def write(conn: Connection) -> str | None:
        slug = mention_store.mention_subject(conn, mention_id)
        if slug is not None:
            mention_store.correct_tone(conn, mention_id, tone, admin.user.name)
        return slug

    slug = await _db(request, write, write=True)
    if slug is None:
        raise HTTPException(404, "no such mention")
    back = form.get("next", "")
    target = back if back.startswith(f"/veille/{slug}") and "//" not in back else f"/veille/{slug}"
    return see_other(f"{target.split('#')[0]}#mention-{mention_id}")
