"""`jarida sources ...`: register, list, import, export and remove news sources."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar
from urllib.parse import urlsplit

import typer
from rich.console import Console
from rich.table import Table

from jarida.commands.common import app_context
from jarida.context import UserError
from jarida.model import FeedSpec, SourceSpec
from jarida.sources import (
    dump_sources_opml,
    dump_sources_yaml,
    load_sources_opml,
    load_sources_yaml,
    slugify,
    unique_slug,
)
from jarida.sources.checks import check_kind, check_languages, check_mode, check_url
from jarida.sources.enroll import enroll_sources, registered_specs
from jarida.sources.errors import InvalidValue
from jarida.storage import sources as store

app = typer.Typer(help="Register and inspect news sources.", no_args_is_help=True)
out = Console(highlight=False)
_T = TypeVar("_T")
_V = TypeVar("_V")


def _checked(check: Callable[[_V], _T], value: _V) -> _T:
    try:
        return check(value)
    except InvalidValue as exc:
        raise UserError(str(exc)) from exc


@app.command("add")
def add(
    ctx: typer.Context,
    url: Annotated[str, typer.Argument(help="Feed, sitemap or homepage address.")],
    name: Annotated[str | None, typer.Option(help="Outlet name (default: the host).")] = None,
    lang: Annotated[list[str] | None, typer.Option("--lang", help="ISO 639-1 code.")] = None,
    section: Annotated[str | None, typer.Option(help="Default section.")] = None,
    mode: Annotated[str, typer.Option(help="full or excerpt.")] = "full",
    kind: Annotated[str, typer.Option(help="rss, atom, sitemap or listing.")] = "rss",
    slug: Annotated[str | None, typer.Option(help="Identifier (default: from the name).")] = None,
    country: Annotated[str | None, typer.Option(help="ISO 3166-1 alpha-2 code.")] = None,
) -> None:
    """Register a source with one feed (a homepage is resolved by autodiscovery at crawl)."""
    url = _checked(lambda v: check_url(v, "URL"), url)
    parts = urlsplit(url)
    homepage = f"{parts.scheme}://{parts.netloc}/"
    display = name or parts.hostname or url
    db = app_context(ctx).database()
    with db.write() as conn:
        if store.feed_url_exists(conn, url):
            raise UserError(f"feed already registered: {url}")
        chosen = slug or unique_slug(slugify(display, homepage), store.slugs_in_use(conn))
        spec = SourceSpec(
            slug=chosen,
            name=display,
            homepage=homepage,
            languages=_checked(check_languages, lang or []),
            country=country.upper() if country else None,
            section=section,
            mode=_checked(check_mode, mode),
            feeds=(FeedSpec(url=url, kind=_checked(check_kind, kind), section=section),),
        )
        enroll_sources(conn, [spec])
    out.print(f"added source [bold]{chosen}[/] with feed {url}")


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
) -> None:
    """Import sources from YAML or OPML (Miniflux, FreshRSS, Feedly, Inoreader, Jarida)."""
    specs = _read_specs(file)
    db = app_context(ctx).database()
    with db.write() as conn:  # one transaction: all or nothing
        report = enroll_sources(conn, specs)
    for url in report.skipped_feeds:
        out.print(f"skipped (already registered): {url}")
    out.print(
        f"imported {len(report.added_sources)} sources and {len(report.added_feeds)} feeds "
        f"from {file} ({len(report.skipped_feeds)} feeds already registered)"
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
