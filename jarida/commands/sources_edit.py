"""`jarida sources add` and `jarida sources edit`: one source from the command line."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from sqlalchemy import Connection

from jarida.commands.common import app_context
from jarida.context import UserError
from jarida.sources.editing import (
    FeedTaken,
    SlugTaken,
    UnknownSource,
    add_source,
    edit_source,
    require_feed_free,
)
from jarida.sources.enroll import EnrollReport
from jarida.sources.single import SourceFields, new_source
from jarida.storage import sources as store

out = Console(highlight=False)

Name = Annotated[str | None, typer.Option(help="Outlet name.")]
Homepage = Annotated[str | None, typer.Option(help="Outlet's homepage URL (\"\" clears it).")]
Langs = Annotated[list[str] | None, typer.Option("--lang", help="ISO 639-1 code (repeat).")]
Country = Annotated[str | None, typer.Option(help="ISO 3166-1 alpha-2 code (\"\" clears it).")]
Section = Annotated[str | None, typer.Option(help="Default section (\"\" clears it).")]
Mode = Annotated[str | None, typer.Option(help="full (republish text) or excerpt.")]
Zone = Annotated[str | None, typer.Option(help="IANA time zone for undated times.")]
Verified = Annotated[bool | None, typer.Option(
    "--verified/--unverified", help="Feed addresses checked to work?", show_default=False)]
DryRun = Annotated[bool, typer.Option("--dry-run", help="Say what would change; write nothing.")]


class _DryRun(Exception):
    """Raised inside the write transaction to roll back a preview."""


def register(app: typer.Typer) -> None:
    @app.command("add")
    def add(
        ctx: typer.Context,
        url: Annotated[str, typer.Argument(help="Feed, sitemap or homepage address.")],
        name: Name = None, homepage: Homepage = None, lang: Langs = None,
        section: Section = None, mode: Mode = None, country: Country = None,
        timezone: Zone = None, verified: Verified = None,
        kind: Annotated[str, typer.Option(help="rss, atom, sitemap or listing.")] = "rss",
        slug: Annotated[str | None, typer.Option(
            help="Identifier of the new source (default: from the name).")] = None,
        to: Annotated[str | None, typer.Option(
            "--to", help="Add the feed to this existing source instead.")] = None,
    ) -> None:
        """Register a source with one feed (a homepage is resolved by autodiscovery at crawl)."""
        given = SourceFields(name=name, homepage=homepage, languages=lang, country=country,
                             section=section, mode=mode, timezone=timezone, verified=verified)
        db = app_context(ctx).database()
        with db.write() as conn:
            if to is not None:
                _add_feed_to(conn, url, kind, to, given, section)
                return
            try:
                spec = add_source(conn, url, kind, slug, given)
            except FeedTaken as exc:
                raise UserError(str(exc)) from None
            except SlugTaken as exc:
                raise UserError(
                    f"source {exc.slug!r} already exists: add this feed to it with "
                    f"`jarida sources add URL --to {exc.slug}`, or change it with "
                    f"`jarida sources edit {exc.slug}`") from None
            feed_url = spec.feeds[0].url
        out.print(f"added source [bold]{spec.slug}[/] with feed {feed_url}")

    @app.command("edit")
    def edit(
        ctx: typer.Context,
        slug: Annotated[str, typer.Argument(help="Source identifier.")],
        name: Name = None, homepage: Homepage = None, lang: Langs = None,
        section: Section = None, mode: Mode = None, country: Country = None,
        timezone: Zone = None, verified: Verified = None, dry_run: DryRun = False,
    ) -> None:
        """Change a source's fields; switching to excerpt applies to its stored articles."""
        given = SourceFields(name=name, homepage=homepage, languages=lang, country=country,
                             section=section, mode=mode, timezone=timezone, verified=verified)
        db = app_context(ctx).database()
        report = EnrollReport()
        try:
            with db.write() as conn:
                edit_source(conn, slug, given, report)
                if dry_run:
                    raise _DryRun
        except _DryRun:
            pass
        except UnknownSource:
            raise UserError(f"no source named {slug!r} (see `jarida sources list`)") from None
        print_changes(report, dry_run=dry_run)
        if not report.changes:
            out.print(f"{slug}: nothing to change")


def _add_feed_to(conn: Connection, url: str, kind: str, to: str, given: SourceFields,
                 section: str | None) -> None:
    spec = new_source(url, kind, to, given, store.slugs_in_use(conn))
    try:
        require_feed_free(conn, spec.feeds[0])
    except FeedTaken as exc:
        raise UserError(str(exc)) from None
    target = store.source_by_slug(conn, to)
    if target is None:
        raise UserError(f"no source named {to!r} (see `jarida sources list`)")
    if given != SourceFields(section=section):
        raise UserError("--to adds a feed only: change the source itself with "
                        f"`jarida sources edit {to} ...`")
    store.insert_feed(conn, target.id, spec.feeds[0])
    out.print(f"added feed {spec.feeds[0].url} to source [bold]{to}[/]")


def print_changes(report: EnrollReport, *, dry_run: bool) -> None:
    prefix = "would change " if dry_run else ""
    for line in report.changes:
        out.print(f"{prefix}{line}", markup=False, soft_wrap=True)
