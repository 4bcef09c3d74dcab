"""`jarida serve`: the reader's website, JSON API and feeds over the configured database."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from jarida.commands.common import PORT, app_context, ensure_port_free

out = Console(highlight=False)


def register(root: typer.Typer) -> None:
    @root.command("serve")
    def serve(
        ctx: typer.Context,
        host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
        port: Annotated[int, PORT] = 8000,
        workers: Annotated[
            int,
            typer.Option(min=0, max=64,
                         help="Serving processes (default: the web_workers setting)."),
        ] = 0,
    ) -> None:
        """Serve the site at http://HOST:PORT until Ctrl-C."""
        from jarida.web.server import run_loop, serve_processes, serve_until_stopped

        app = app_context(ctx)
        db = app.database()
        ensure_port_free(host, port)
        count = workers or app.settings.web_workers
        processes = f", {count} processes" if count > 1 else ""
        out.print(f"Jarida is serving {app.settings.database_url} on http://{host}:{port}/"
                  f"{processes} (Ctrl-C to stop)")
        if count > 1:
            serve_processes(app.settings, db, host=host, port=port, workers=count)
        else:
            run_loop(serve_until_stopped(app.settings, db, host=host, port=port))
