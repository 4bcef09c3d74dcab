"""`jarida crawl` and `jarida run`: poll due feeds once, or keep crawling on schedule."""

from __future__ import annotations

import asyncio
import json
import logging
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from jarida.commands.common import (
    PORT,
    app_context,
    ensure_port_free,
    require_source,
    start_metrics_port,
)

if TYPE_CHECKING:
    from jarida.pipeline.report import CrawlReport

out = Console(highlight=False)
log = logging.getLogger(__name__)


def print_report(report: CrawlReport, console: Console = out) -> None:
    table = Table("source", "new", "updated", "unchanged", "fallback", "failed", "last error",
                  title=f"{report.feeds_done} feeds, {report.pages_fetched} pages "
                        f"in {report.seconds:.1f} s")
    for slug, t in sorted(report.by_source.items()):
        table.add_row(slug, str(t.new), str(t.updated), str(t.unchanged), str(t.fallback),
                      str(t.failed),
                      (t.last_error or "")[:70])
    console.print(table)


def register(root: typer.Typer) -> None:
    @root.command("crawl")
    def crawl(
        ctx: typer.Context,
        once: Annotated[bool, typer.Option(
            "--once", help="Poll what is due once, then exit (what `crawl` always does).",
            show_default=False)] = False,
        source: Annotated[str | None, typer.Option(help="Only this source (slug).")] = None,
        force: Annotated[bool, typer.Option("--force", help="Poll every feed, due or not.")]
        = False,
        as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")]
        = False,
    ) -> None:
        """Poll every due feed once: fetch, extract, deduplicate, store and index."""
        from jarida.pipeline.crawler import Crawler
        from jarida.pipeline.progress import RichObserver

        app = app_context(ctx)
        db = app.database()
        if source is not None:
            require_source(db, source)
        start_metrics_port(app.settings, db)  # JARIDA_METRICS_PORT, for the pass's length

        async def go() -> CrawlReport:
            observer = RichObserver(out, enabled=not as_json)
            with observer:
                async with Crawler(app.settings, db, observer=observer) as crawler:
                    return await crawler.crawl_once(source, force=force)

        report = asyncio.run(go())
        log.info("crawl pass done", extra={
            "outcome": "ok", "duration": round(report.seconds, 3), "source": source,
            "feeds": report.feeds_done, "pages": report.pages_fetched,
            "new": report.new, "failed": report.failed,
        })
        if as_json:
            typer.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        else:
            print_report(report)

    @root.command("run")
    def run(
        ctx: typer.Context,
        serve: Annotated[bool, typer.Option(help="Also serve the website.")] = True,
        host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
        port: Annotated[int, PORT] = 8000,
    ) -> None:
        """Crawl on schedule (and serve the site) until stopped with Ctrl-C."""
        from jarida.pipeline.runner import run_forever

        app = app_context(ctx)
        if serve:
            ensure_port_free(host, port)
        db = app.database()
        start_metrics_port(app.settings, db)  # JARIDA_METRICS_PORT: crawler metrics
        status = asyncio.run(run_forever(app.settings, db, serve=serve, host=host,
                                         port=port, console=out))
        raise typer.Exit(status)
