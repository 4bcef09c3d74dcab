"""The `jarida` command: a thin front over the services; errors become one line and exit 2."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import click
import typer
import typer._click.exceptions as _typer_errors  # typer ships its own click

from jarida.commands import admin, crawl, db, demo, extract, serve, sources, stats
from jarida.context import AppContext, UserError
from jarida.settings import ConfigError, load_settings
from jarida.sources import RegistryFileError
from jarida.storage import StorageError

app = typer.Typer(
    name="jarida",
    help="Jarida: multilingual news aggregator and media monitoring.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(sources.app, name="sources")
app.add_typer(db.app, name="db")
app.add_typer(admin.app, name="admin")
for module in (db, stats, crawl, serve, extract, demo):
    module.register(app)


@app.callback()
def _root(
    ctx: typer.Context,
    config: Annotated[
        Path | None, typer.Option("--config", help="TOML file with settings (see docs).")
    ] = None,
) -> None:
    settings = load_settings(config)
    ctx.obj = AppContext(settings)
    ctx.call_on_close(ctx.obj.close)


def _one_line(message: str) -> None:
    sys.stderr.write(" ".join(message.split()) + "\n")


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        args = ["--help"]
    try:
        result = app(args=args, standalone_mode=False)
    except (click.UsageError, _typer_errors.UsageError) as exc:
        _one_line(f"jarida: {exc.format_message()} (see `jarida --help`)")
        return 2
    except (ConfigError, StorageError, RegistryFileError, UserError) as exc:
        _one_line(f"jarida: error: {exc}")
        return 2
    except (click.Abort, KeyboardInterrupt):
        _one_line("jarida: interrupted")
        return 130
    return result if isinstance(result, int) else 0


def run() -> None:
    sys.exit(main())
