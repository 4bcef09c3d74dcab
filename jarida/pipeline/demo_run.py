"""`jarida demo`: the whole product on one machine with no internet.

Starts the sample news web on 127.0.0.1, registers its outlets, crawls them
with the real crawler, then serves Jarida's site until Ctrl-C. The sample web
listens on a fixed port so a second run finds the same feed URLs: the database
is reused and only what changed is fetched.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace

from rich.console import Console

from jarida.model import FeedSpec, SourceSpec
from jarida.pipeline.crawler import Crawler
from jarida.pipeline.progress import RichObserver
from jarida.pipeline.report import CrawlReport
from jarida.settings import Settings
from jarida.sources.enroll import enroll_sources
from jarida.storage import Database
from jarida.storage import sources as source_store

DEMO_DATABASE_URL = "sqlite:///var/demo.db"


def demo_settings(settings: Settings, explicit_database: bool) -> Settings:
    """Private addresses allowed for the demo web's own address only; no politeness delay
    towards our own local server."""
    changes: dict[str, object] = {
        "private_network_allowlist": [*settings.private_network_allowlist, "127.0.0.1"],
        "host_delay_seconds": 0.0,
        "host_concurrency": 4,
        "total_timeout": min(settings.total_timeout, 10.0),
        "retry_max_wait": 2.0,
    }
    if not explicit_database:
        changes["database_url"] = DEMO_DATABASE_URL
    return settings.model_copy(update=changes)


def crawlable(specs: list[SourceSpec]) -> list[SourceSpec]:
    """An outlet known only by its homepage is registered with the homepage as its feed:
    the crawler's autodiscovery replaces it with the feed the page advertises."""
    out = []
    for spec in specs:
        if not spec.feeds and spec.homepage:
            spec = replace(spec, feeds=(FeedSpec(url=spec.homepage, kind="rss"),))
        out.append(spec)
    return out


async def crawl_demo(settings: Settings, db: Database, specs: list[SourceSpec],
                     console: Console) -> CrawlReport:
    with db.write() as conn:
        # Outlets already registered keep their feeds (autodiscovery may have moved them).
        known = source_store.slugs_in_use(conn)
        report = enroll_sources(conn, crawlable([s for s in specs if s.slug not in known]))
    if report.added_sources:
        console.print(f"registered {len(report.added_sources)} outlets of the sample web")
    observer = RichObserver(console)
    with observer:
        async with Crawler(settings, db, observer=observer) as crawler:
            return await crawler.crawl_once(force=True)


def crawl_summary(report: CrawlReport) -> str:
    """One line: what the crawl did (feeds, pages, articles, failures, time)."""
    return (f"crawled {report.feeds_done} feeds: {report.pages_fetched} pages, "
            f"{report.new} new articles ({report.stored} stored, {report.fallback} from "
            f"the feed only), {report.failed} failed, in {report.seconds:.1f} s")


def run_demo(settings: Settings, *, web_port: int, host: str, port: int, serve: bool,
             console: Console) -> CrawlReport:
    from jarida.demo import DemoWeb

    web = DemoWeb(seed=7)
    base = web.start(host="127.0.0.1", port=web_port)
    console.print(f"sample news web running at {base}")
    try:
        db = Database.open(settings.database_url)
        db.upgrade()
        from jarida.watch import demo_setup

        demo_setup.install_subjects(db)  # before the crawl: mentions are found as stored
        report = asyncio.run(crawl_demo(settings, db, web.sources(), console))
        # The progress bar shows only on a terminal; this line, unwrapped, everywhere.
        console.print(crawl_summary(report), soft_wrap=True)
        login = demo_setup.finish(db, settings)
        console.print(f"media monitoring: http://{host}:{port}/veille  (log in as "
                      f"[bold]{login.name}[/] / [bold]{login.password}[/])",
                      soft_wrap=True)  # a narrow terminal must not split the password
        if serve:
            from jarida.pipeline.runner import serve_until_stopped

            console.print(f"\n[bold green]Jarida is ready: http://{host}:{port}/[/]  "
                          "(Ctrl-C to stop)\n")
            asyncio.run(serve_until_stopped(settings, db, host=host, port=port))
        db.close()
        return report
    finally:
        web.stop()
