"""`jarida copies rebuild`: recompute syndicated copies for articles already stored."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import typer
from rich.console import Console

from jarida.commands.common import app_context

app = typer.Typer(help="Syndicated copies (a dispatch republished by several outlets).",
                  no_args_is_help=True)
out = Console(highlight=False)


def parse_since(value: str | None) -> datetime | None:
    """An ISO date or date-time (UTC when no zone is given); BadParameter otherwise."""
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"not an ISO date: {value!r} (e.g. 2026-11-30)") from exc
    return when if when.tzinfo else when.replace(tzinfo=UTC)


@app.command("rebuild")
def rebuild(
    ctx: typer.Context,
    since: Annotated[str | None, typer.Option(
        help="Only articles published (or first seen) on or after this ISO date.")] = None,
) -> None:
    """Recompute which stored articles are copies of which (oldest first)."""
    from rich.progress import Progress

    from jarida.dedup.copies import rebuild_copies

    when = parse_since(since)
    db = app_context(ctx).database()
    with Progress(console=out, transient=True) as bar:
        task = bar.add_task("finding copies", total=None)
        count = rebuild_copies(
            db, when, lambda done, total: bar.update(task, completed=done, total=total))
    out.print(f"examined {count} articles for copies")
