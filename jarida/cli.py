"""The `jarida` command: a thin front over the services.

Every failure becomes one line on standard error and an exit code (see
`jarida.commands.errors`: 0 success, 1 failure at run time, 2 usage or configuration);
`--debug` or JARIDA_LOG_LEVEL=debug adds the traceback.
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from typing import Annotated

import typer

from jarida.commands import (
    admin,
    alerts,
    copies,
    crawl,
    db,
    demo,
    distributed,
    extract,
    serve,
    sources,
    stats,
    stories,
    tone,
    watch,
)
from jarida.commands.errors import explain
from jarida.commands.helpstyle import plain_flags
from jarida.context import AppContext
from jarida.logs import configure_logging
from jarida.settings import load_settings
from jarida.tone.threads import use_threads

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
app.add_typer(copies.app, name="copies")
app.add_typer(stories.app, name="stories")
watch.app.add_typer(alerts.app, name="alerts")
tone.register_tone(watch.app)
watch.register(app)
for module in (db, stats, crawl, serve, extract, demo, distributed):
    module.register(app)
plain_flags()


@app.callback()
def _root(
    ctx: typer.Context,
    config: Annotated[
        Path | None, typer.Option("--config", help="TOML file with settings (see docs).")
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Log at debug level; print tracebacks of errors.")
    ] = False,
) -> None:
    settings = load_settings(config)
    use_threads(settings.tone_threads)
    configure_logging("DEBUG" if debug else settings.log_level, settings.log_format)
    ctx.obj = AppContext(settings)
    ctx.call_on_close(ctx.obj.close)


def _one_line(message: str) -> None:
    sys.stderr.write(" ".join(message.split()) + "\n")


def _debugging(args: list[str]) -> bool:
    """`--debug` among the options before the command, or JARIDA_LOG_LEVEL=debug."""
    if os.environ.get("JARIDA_LOG_LEVEL", "").strip().lower() == "debug":
        return True
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--debug":
            return True
        elif arg == "--config":
            skip = True
        elif not arg.startswith("-"):
            return False
    return False


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        args = ["--help"]
    try:
        result = app(args=args, standalone_mode=False)
    except SystemExit as exc:  # raised by a library; typer's own exits are return values
        return exc.code if isinstance(exc.code, int) else 1
    except BaseException as exc:  # every failure becomes one line
        failure = explain(exc)
        if _debugging(args):
            traceback.print_exception(exc)
        _one_line(f"jarida: {failure.message}")
        return failure.code
    return result if isinstance(result, int) else 0


def run() -> None:
    sys.exit(main())
