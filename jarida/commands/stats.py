"""`jarida stats`: what the database holds and how crawling went lately."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from jarida.commands.common import app_context
from jarida.storage import articles, fetchlog
from jarida.storage import sources as store
from jarida.storage.crawl_passes import CrawlHealth, crawl_health

out = Console(highlight=False)


def register(root: typer.Typer) -> None:
    @root.command("stats")
    def stats(
        ctx: typer.Context,
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    ) -> None:
        """Counts of sources, feeds and articles, by language and source."""
        db = app_context(ctx).database()
        with db.read() as conn:
            feeds = store.all_feeds(conn)
            data = {
                "sources": len(store.all_sources(conn)),
                "feeds": len(feeds),
                "feeds_by_status": _count(f.status for f in feeds),
                "articles": articles.count_articles(conn),
                "articles_by_language": articles.count_articles_by(conn, "language"),
                "articles_by_source": articles.count_articles_by(conn, "source"),
                "fetches_last_24h": fetchlog.fetch_outcomes_since(
                    conn, datetime.now(UTC) - timedelta(hours=24)
                ),
                "crawl": _crawl(crawl_health(conn)),
            }
        if as_json:
            typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
            return
        out.print(
            f"{data['sources']} sources, {data['feeds']} feeds, {data['articles']} articles"
        )
        crawl = data["crawl"]
        assert isinstance(crawl, dict)
        out.print(f"crawl: last pass {crawl['last_pass_at'] or 'never'}, last success "
                  f"{crawl['last_success_at'] or 'never'}, "
                  f"{crawl['consecutive_failures']} failed passes since"
                  + (f" (last error: {crawl['last_error']})" if crawl["last_error"] else ""))
        for key in ("feeds_by_status", "articles_by_language", "articles_by_source",
                    "fetches_last_24h"):
            counts = data[key]
            assert isinstance(counts, dict)
            if counts:
                table = Table(key.replace("_", " "), "count")
                for k, v in sorted(counts.items(), key=lambda kv: -kv[1]):
                    table.add_row(k or "(unknown)", str(v))
                out.print(table)


def _crawl(health: CrawlHealth) -> dict[str, object]:
    def when(moment: datetime | None) -> str | None:
        return moment.isoformat(timespec="seconds") if moment else None

    return {"last_pass_at": when(health.last_pass_at),
            "last_success_at": when(health.last_success_at),
            "consecutive_failures": health.consecutive_failures,
            "last_error": health.last_error}


def _count(values: object) -> dict[str, int]:
    result: dict[str, int] = {}
    for v in values:  # type: ignore[attr-defined]
        result[str(v)] = result.get(str(v), 0) + 1
    return result
