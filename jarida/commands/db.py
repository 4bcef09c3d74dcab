"""`jarida init` and `jarida db ...`: create, migrate and re-index the database."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from jarida.commands.common import app_context
from jarida.context import CommandFailed

app = typer.Typer(help="Database maintenance.", no_args_is_help=True)
out = Console(highlight=False)


def _upgrade(ctx: typer.Context) -> None:
    from jarida.storage import migrate

    db = app_context(ctx).database(check_schema=False)
    before = db.upgrade(on_wait=lambda: typer.echo(
        "waiting for another `jarida db upgrade` of this database to finish...", err=True))
    after = migrate.current_revision(db.engine)
    where = db.engine.url.render_as_string(hide_password=True)
    if before == after:
        out.print(f"database {where} is up to date (schema {after})")
    else:
        out.print(f"database {where} migrated from {before or 'empty'} to {after}")


@app.command("upgrade")
def upgrade(ctx: typer.Context) -> None:
    """Apply pending migrations."""
    _upgrade(ctx)


@app.command("reindex")
def reindex(ctx: typer.Context) -> None:
    """Rebuild the full-text index from the stored articles."""
    from rich.progress import Progress

    from jarida.storage.search import rebuild_search_index

    db = app_context(ctx).database()
    with Progress(console=out, transient=True) as bar, db.write() as conn:
        task = bar.add_task("re-indexing articles", total=None)
        count = rebuild_search_index(
            conn, lambda done, total: bar.update(task, completed=done, total=total))
    out.print(f"re-indexed {count} articles")


@app.command("backup")
def backup_command(
    ctx: typer.Context,
    target: Annotated[Path, typer.Argument(help="New file to write the backup to.")],
) -> None:
    """Back up the SQLite database while Jarida runs (a consistent snapshot)."""
    from jarida.storage.backup import BackupError, backup, integrity_problems

    db = app_context(ctx).database(check_schema=False)
    try:
        pages = backup(db.engine, target)
    except BackupError as exc:
        _fail(str(exc))
    problems = integrity_problems(target)
    if problems:
        _fail(f"the backup {target} fails SQLite's integrity check: {problems[0]}")
    out.print(f"backed up {pages} pages to {target} (integrity check passed)")


@app.command("restore")
def restore_command(
    ctx: typer.Context,
    source: Annotated[Path, typer.Argument(help="Backup file written by `jarida db backup`.")],
) -> None:
    """Replace the SQLite database with a backup (stop `jarida run` first)."""
    from jarida.storage.backup import BackupError, restore

    db = app_context(ctx).database(check_schema=False)
    try:
        pages = restore(db.engine, source)
    except BackupError as exc:
        _fail(str(exc))
    db.upgrade()  # a backup from an older Jarida is brought up to date
    out.print(f"restored {pages} pages from {source}")


def _fail(message: str) -> NoReturn:
    raise CommandFailed(message)


def register(root: typer.Typer) -> None:
    @root.command("init")
    def init(ctx: typer.Context) -> None:
        """Create the database, or migrate it to the current schema."""
        _upgrade(ctx)
