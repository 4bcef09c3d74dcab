"""`jarida init` and `jarida db ...`: create, migrate and re-index the database."""

from __future__ import annotations

import typer
from rich.console import Console

from jarida.commands.common import app_context

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


def register(root: typer.Typer) -> None:
    @root.command("init")
    def init(ctx: typer.Context) -> None:
        """Create the database, or migrate it to the current schema."""
        _upgrade(ctx)
