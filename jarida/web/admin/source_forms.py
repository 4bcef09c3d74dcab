"""Adding and editing sources in the admin area, with the command line's checks.

The values are checked by `jarida.sources.single` (the YAML and OPML readers' checks) and
written by `jarida.sources.editing`, the code behind `jarida sources add` and `edit`; a
bad value or a clash re-shows the form with what was typed and one clear, localised
sentence (the checker's own words after it for a bad value). Every change is audited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request, Response
from sqlalchemy import Connection

from jarida.sources.editing import FeedTaken, SlugTaken, UnknownSource, add_source, edit_source
from jarida.sources.enroll import EnrollReport
from jarida.sources.errors import RegistryFileError
from jarida.sources.single import SourceFields
from jarida.storage import audit
from jarida.storage import sources as source_store
from jarida.web.admin.auth import current_admin, see_other
from jarida.web.admin.routes import MODERATION, _action, _db, _page
from jarida.web.deps import interface

router = APIRouter(prefix="/admin", include_in_schema=False)
KINDS = ("rss", "atom", "sitemap", "listing")
MODES = ("full", "excerpt")
FIELDS = ("url", "kind", "slug", "name", "homepage", "languages", "section", "mode",
          "country", "timezone")
MAX_FIELD = 2000


@dataclass(frozen=True)
class Refusal:
    status: int
    message: str


def _values(form: dict[str, str]) -> dict[str, str]:
    return {name: form.get(name, "").strip()[:MAX_FIELD] for name in FIELDS}


def _languages(text: str) -> list[str]:
    return [part for part in re.split(r"[\s,;]+", text) if part]


def _given(values: dict[str, str], *, editing: bool) -> SourceFields:
    """Fields as typed. Adding: a blank field takes its default. Editing: every field is
    given, a blank optional one is cleared (the command line's "")."""

    def field(name: str) -> str | None:
        return values[name] if editing or values[name] else None

    return SourceFields(
        name=values["name"] if editing or values["name"] else None,
        homepage=field("homepage"), country=field("country"), section=field("section"),
        timezone=field("timezone"), mode=values["mode"] or None,
        languages=(_languages(values["languages"])
                   if editing or values["languages"] else None),
    )


def _refusal(request: Request, exc: Exception) -> Refusal:
    ui = interface(request)
    if isinstance(exc, FeedTaken):
        return Refusal(409, ui.gettext("This feed is already registered, for the source %(slug)s.", slug=exc.owner))  # noqa: E501
    if isinstance(exc, SlugTaken):
        return Refusal(409, ui.gettext("A source named %(slug)s already exists: choose another identifier, or edit that source.", slug=exc.slug))  # noqa: E501
    detail = exc.message if isinstance(exc, RegistryFileError) else str(exc)
    return Refusal(422, ui.gettext("This value cannot be used: %(detail)s", detail=detail))


def _form_page(request: Request, admin: Any, values: dict[str, str], *, slug: str | None,
               refusal: Refusal | None = None) -> Response:
    return _page(request, admin, "source_form.html",
                 status=refusal.status if refusal else 200, values=values, slug=slug,
                 kinds=KINDS, modes=MODES, error=refusal.message if refusal else None)


@router.get("/sources/new")
async def new_source_page(request: Request) -> Response:
    admin = await current_admin(request, MODERATION)
    values = dict.fromkeys(FIELDS, "") | {"kind": "rss", "mode": "full"}
    return _form_page(request, admin, values, slug=None)


@router.post("/sources/new")
async def add(request: Request) -> Response:
    admin, form = await _action(request, MODERATION)
    values = _values(form)

    def write(conn: Connection) -> str:
        spec = add_source(conn, values["url"], values["kind"] or "rss",
                          values["slug"] or None, _given(values, editing=False))
        audit.record(conn, admin.user.name, "source.added", f"source:{spec.slug}",
                     spec.feeds[0].url)
        return spec.slug

    try:
        slug = await _db(request, write, write=True)
    except (RegistryFileError, FeedTaken, SlugTaken) as exc:
        return _form_page(request, admin, values, slug=None, refusal=_refusal(request, exc))
    return see_other(f"/admin/sources?added={slug}#source-{slug}")


def _current_values(conn: Connection, slug: str) -> dict[str, str] | None:
    source = source_store.source_by_slug(conn, slug)
    if source is None:
        return None
    return dict.fromkeys(FIELDS, "") | {
        "name": source.name, "homepage": source.homepage or "",
        "languages": ", ".join(source.languages), "section": source.section or "",
        "mode": source.mode, "country": source.country or "",
        "timezone": source.timezone or "",
    }


@router.get("/sources/{slug}/edit")
async def edit_page(request: Request, slug: str) -> Response:
    admin = await current_admin(request, MODERATION)
    values = await _db(request, lambda c: _current_values(c, slug))
    if values is None:
        return _page(request, admin, "message.html", status=404, message="404")
    return _form_page(request, admin, values, slug=slug)


@router.post("/sources/{slug}/edit")
async def edit(request: Request, slug: str) -> Response:
    admin, form = await _action(request, MODERATION)
    values = _values(form)

    def write(conn: Connection) -> EnrollReport:
        report = edit_source(conn, slug, _given(values, editing=True))
        if report.changes:
            audit.record(conn, admin.user.name, "source.edited", f"source:{slug}",
                         "; ".join(report.changes))
        return report

    try:
        await _db(request, write, write=True)
    except UnknownSource:
        return _page(request, admin, "message.html", status=404, message="404")
    except RegistryFileError as exc:
        return _form_page(request, admin, values, slug=slug, refusal=_refusal(request, exc))
    return see_other(f"/admin/sources?edited={slug}#source-{slug}")
