"""`jarida stories rebuild`: recompute stories for an existing database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress

from jarida.commands.common import app_context
from jarida.context import UserError

out = Console(highlight=False)
app = typer.Typer(help="Stories: articles about the same event, across outlets and languages.",
                  no_args_is_help=True)


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError as exc:
        raise UserError(f"--since: not a date (YYYY-MM-DD): {value!r}") from exc
    return when if when.tzinfo else when.replace(tzinfo=UTC)


@app.command("rebuild")
def rebuild(
    ctx: typer.Context,
    since: Annotated[str | None, typer.Option(
        "--since", help="Recompute only stories with articles from this date (YYYY-MM-DD).")]
    = None,
) -> None:
    """Recompute syndicated copies, then stories (all, or from --since), with progress bars."""
    from jarida.dedup.copies import rebuild_copies
    from jarida.stories.rebuild import rebuild_stories

    context = app_context(ctx)
    start = _date(since)
    window = timedelta(days=context.settings.story_window_days)
    with Progress(console=out, transient=True) as bar:
        copies_task = bar.add_task("finding copies", total=None)
        task = bar.add_task("placing articles", total=None)

        def copies_progress(done: int, total: int) -> None:
            bar.update(copies_task, completed=done, total=total)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        examined = rebuild_copies(context.database(), start, copies_progress)
        placed = rebuild_stories(context.database(), start, window, progress)
    out.print(f"{examined} articles compared for copies")
    out.print(f"{placed} articles placed in stories")
