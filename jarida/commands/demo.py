"""`jarida demo`: sample news web + real crawl + the site, on one machine, offline."""

from __future__ import annotations

import os
from typing import Annotated

import typer
from rich.console import Console

from jarida.commands.common import app_context

out = Console(highlight=False)


def register(root: typer.Typer) -> None:
    @root.command("demo")
    def demo(
        ctx: typer.Context,
        serve: Annotated[bool, typer.Option(help="Serve the site after the crawl.")] = True,
        host: Annotated[str, typer.Option(help="Address of Jarida's site.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="Port of Jarida's site.")] = 8000,
        web_port: Annotated[int, typer.Option(
            help="Port of the sample news web (fixed, so reruns find the same feeds).")] = 8765,
    ) -> None:
        """Start the offline sample news web, crawl it, and serve Jarida at http://HOST:PORT."""
        from jarida.commands.crawl import print_report
        from jarida.pipeline.demo_run import demo_settings, run_demo

        app = app_context(ctx)
        settings = demo_settings(app.settings, "JARIDA_DATABASE_URL" in os.environ)
        out.print(f"database: {settings.database_url}")
        report = run_demo(settings, web_port=web_port, host=host, port=port, serve=serve,
                          console=out)
        if not serve:
            print_report(report, out)
