"""Two crawler processes on one database: no feed polled twice, no URL fetched twice,
no outlet fetched by both at once (feed claims and host leases)."""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from jarida.pipeline.crawler import Crawler
from jarida.pipeline.report import CrawlReport
from jarida.settings import Settings
from jarida.storage import Database
from tests.pipeline.site import article_page, rss
from tests.pipeline.test_crawl import crawl
from tests.webserver import TestServer

GAP = 0.2


def _env(db_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "JARIDA_DATABASE_URL": f"sqlite:///{db_path}",
        "JARIDA_PRIVATE_NETWORK_ALLOWLIST": json.dumps(["127.0.0.1", "localhost"]),
        "JARIDA_HOST_DELAY_SECONDS": str(GAP),
        "JARIDA_EXTRACT_WORKERS": "1",
    })
    return env


def _outlet(web: TestServer, base: str, feeds: int, pages: int, prefix: str) -> list[str]:
    urls = []
    for f in range(feeds):
        items = []
        for p in range(pages):
            path = f"/f{f}/{prefix}{p}"
            web.route(path, article_page(p + 1, f"Article {f}-{p} du plan de mobilité"),
                      headers={"Content-Type": "text/html; charset=utf-8"}, delay=0.3)
            items.append({"title": f"Article {f}-{p}", "link": f"{base}{path}",
                          "guid": f"{base}{path}"})
        web.route(f"/feed{f}.xml", rss(items), headers={"Content-Type": "application/rss+xml"})
        urls.append(f"{base}/feed{f}.xml")
    return urls


def _set_due(db_path: Path, feed_urls: list[str], when: str) -> None:
    with sqlite3.connect(db_path) as conn:
        conn.executemany("UPDATE feeds SET next_poll_at = ? WHERE url = ?",
                         [(when, u) for u in feed_urls])


@pytest.mark.slow
def test_two_crawlers_share_the_work_without_overlap(tmp_path: Path) -> None:
    """Crawler A polls half the feeds of two outlets; while it runs, the other half falls
    due and crawler B (its own engine, fetcher and pacer, as another process would have)
    starts: B must leave both outlets to A (their hosts are leased), and a later pass
    polls what B handed back. Each page is fetched once, and no outlet ever sees two
    requests closer than the gap."""
    db_path = tmp_path / "shared.db"
    env = _env(db_path)
    settings = Settings(database_url=f"sqlite:///{db_path}",
                        private_network_allowlist=["127.0.0.1", "localhost"],
                        host_delay_seconds=GAP, extract_workers=1)
    with TestServer() as web, TestServer() as web2:
        first = _outlet(web, web.url("").rstrip("/"), 4, 6, "a")
        second = _outlet(web2, f"http://localhost:{web2.port}", 4, 6, "a")
        run = [sys.executable, "-m", "jarida"]
        assert subprocess.run([*run, "init"], env=env, capture_output=True).returncode == 0
        for i, url in enumerate(first + second):
            done = subprocess.run([*run, "sources", "add", url, "--name", f"Outlet {i}",
                                   "--slug", f"outlet-{i}", "--lang", "fr"],
                                  env=env, capture_output=True, text=True)
            assert done.returncode == 0, done.stderr
        later = first[2:] + second[2:]
        _set_due(db_path, later, "2999-01-01 00:00:00.000000")

        async def both() -> tuple[CrawlReport, CrawlReport]:
            db_a, db_b = Database.open(settings.database_url), Database.open(
                settings.database_url)
            async with Crawler(settings, db_a) as a, Crawler(settings, db_b) as b:
                task_a = asyncio.create_task(a.crawl_once())
                while sum(1 for r in web.requests if "/a" in r.path) < 2:
                    await asyncio.sleep(0.02)
                _set_due(db_path, later, "2000-01-01 00:00:00.000000")
                report_b = await b.crawl_once()
                assert not task_a.done(), "A ended before B claimed: no overlap"
                report_a = await task_a
            db_a.close()
            db_b.close()
            return report_a, report_b

        report_a, report_b = asyncio.run(both())
        assert report_b.feeds_done == 0  # both outlets were A's
        _set_due(db_path, later, "2000-01-01 00:00:00.000000")
        report_c = crawl(settings, Database.open(settings.database_url), force=False)
        for server in (web, web2):
            paths = [r.path for r in server.requests if r.path != "/robots.txt"]
            assert len(paths) == len(set(paths)) == 4 * 7  # each feed and page once
            starts = sorted(r.at for r in server.requests)
            assert all(y - x >= GAP - 0.01 for x, y in itertools.pairwise(starts))
    assert report_a.stored + report_b.stored + report_c.stored == 48
