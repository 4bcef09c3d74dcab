"""`jarida serve`: the reader's website, JSON API and feeds over the configured database."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from jarida.commands.common import app_context

out = Console(highlight=False)


def register(root: typer.Typer) -> None:
    @root.command("serve")
    def serve(
        ctx: typer.Context,
        host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    ) -> None:
        """Serve the site at http://HOST:PORT until Ctrl-C."""
        import asyncio

        from jarida.pipeline.runner import serve_until_stopped

        app = app_context(ctx)
        db = app.database()
        out.print(f"Jarida is serving {app.settings.database_url} on http://{host}:{port}/ "
                  "(Ctrl-C to stop)")
        asyncio.run(serve_until_stopped(app.settings, db, host=host, port=port))
