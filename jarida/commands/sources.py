"""`jarida sources ...`: register, list, import, export and remove news sources."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from jarida.commands import sources_edit
from jarida.commands.common import app_context
from jarida.commands.sources_edit import DryRun, print_changes
from jarida.context import UserError
from jarida.model import SourceSpec
from jarida.sources import (
    dump_sources_opml,
    dump_sources_yaml,
    load_sources_opml,
    load_sources_yaml,
)
from jarida.sources.enroll import EnrollReport, enroll_sources, registered_specs
from jarida.storage import sources as store

app = typer.Typer(help="Register and inspect news sources.", no_args_is_help=True)
out = Console(highlight=False)
log = logging.getLogger(__name__)
sources_edit.register(app)


class _Preview(Exception):
    """Raised inside the import's transaction to roll a dry run back."""

    def __init__(self, report: EnrollReport) -> None:
        self.report = report


@app.command("list")
def list_(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List registered sources with their feeds' state."""
    db = app_context(ctx).database()
    with db.read() as conn:
        rows = []
        for src in store.all_sources(conn):
            feeds = store.feeds_of_source(conn, src.id)
            rows.append((src, feeds))
    if as_json:
        data = [
            {
                "slug": s.slug, "name": s.name, "homepage": s.homepage,
                "languages": list(s.languages), "country": s.country, "section": s.section,
                "mode": s.mode, "timezone": s.timezone, "verified": s.verified,
                "feeds": [
                    {"url": f.url, "kind": f.kind, "status": f.status,
                     "last_polled_at": f.last_polled_at.isoformat() if f.last_polled_at else None,
                     "consecutive_failures": f.consecutive_failures, "last_error": f.last_error}
                    for f in feeds
                ],
            }
            for s, feeds in rows
        ]
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    table = Table("slug", "name", "lang", "mode", "feeds", "status", "last error")
    for s, feeds in rows:
        statuses = sorted({str(f.status) for f in feeds}) or ["-"]
        errors = [f.last_error for f in feeds if f.last_error]
        table.add_row(s.slug, s.name, ",".join(s.languages), s.mode, str(len(feeds)),
                      ",".join(statuses), (errors[0] if errors else "")[:60])
    out.print(table)
    out.print(f"{len(rows)} sources")


def _read_specs(path: Path) -> list[SourceSpec]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror}") from exc
    head = data.lstrip()[:200].lower()
    if path.suffix.lower() in (".opml", ".xml") or head.startswith((b"<?xml", b"<opml")):
        return load_sources_opml(data)
    return load_sources_yaml(data.decode("utf-8", errors="replace"))


@app.command("import")
def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="YAML or OPML file.")],
    dry_run: DryRun = False,
) -> None:
    """Import sources from YAML or OPML (Miniflux, FreshRSS, Feedly, Inoreader, Jarida).

    Sources already registered (same slug) are updated to what the file says, and each
    change is printed ("rif-express: mode full → excerpt").
    """
    specs = _read_specs(file)
    db = app_context(ctx).database()
    try:
        with db.write() as conn:  # one transaction: all or nothing
            report = enroll_sources(conn, specs)
            if dry_run:
                raise _Preview(report)
    except _Preview as preview:
        report = preview.report
    log.info("sources imported", extra={
        "file": str(file), "dry_run": dry_run, "added_sources": len(report.added_sources),
        "added_feeds": len(report.added_feeds), "updated_sources": len(report.updated_sources),
    })
    for line in report.elsewhere:
        out.print(f"skipped (already registered to another source): {line}", markup=False,
                  soft_wrap=True)
    print_changes(report, dry_run=dry_run)
    verb = "would import" if dry_run else "imported"
    out.print(
        f"{verb} {len(report.added_sources)} sources and {len(report.added_feeds)} feeds "
        f"from {file}, {'would update' if dry_run else 'updated'} "
        f"{len(report.updated_sources)} sources "
        f"({len(report.skipped_feeds)} feeds already registered)"
        + (" (dry run: nothing written)" if dry_run else ""),
        markup=False, soft_wrap=True,
    )


@app.command("export")
def export(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Option("--format", help="yaml or opml.")] = "yaml",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write.")] = None,
) -> None:
    """Export every source; the file re-imports without loss."""
    if fmt not in ("yaml", "opml"):
        raise UserError(f"--format must be yaml or opml, not {fmt!r}")
    db = app_context(ctx).database()
    with db.read() as conn:
        specs = registered_specs(conn)
    text = dump_sources_yaml(specs) if fmt == "yaml" else dump_sources_opml(specs)
    if output is None:
        typer.echo(text, nl=not text.endswith("\n"))
    else:
        output.write_text(text, encoding="utf-8")
        out.print(f"wrote {len(specs)} sources to {output}")


@app.command("remove")
def remove(
    ctx: typer.Context, slug: Annotated[str, typer.Argument(help="Source identifier.")]
) -> None:
    """Remove a source with its feeds and articles."""
    db = app_context(ctx).database()
    with db.write() as conn:
        if not store.remove_source(conn, slug):
            raise UserError(f"no source named {slug!r} (see `jarida sources list`)")
    out.print(f"removed source {slug}")
