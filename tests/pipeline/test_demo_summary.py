"""The demo's one-line crawl summary (printed whether or not a terminal shows the bar)."""

from __future__ import annotations

from jarida.pipeline.demo_run import crawl_summary
from jarida.pipeline.report import CrawlReport


def test_summary_counts_every_outlet() -> None:
    report = CrawlReport(feeds_done=3, pages_fetched=41, seconds=12.345)
    report.tally("albayane").new = 20
    report.tally("albayane").fallback = 1
    report.tally("hespress").new = 15
    report.tally("hespress").updated = 2
    report.fail("hespress", "https://hespress.example/a/9: HTTP 500")
    report.fail("lematin", "https://lematin.example/feed: timed out")
    assert crawl_summary(report) == (
        "crawled 3 feeds: 41 pages, 35 new articles (37 stored, 1 from the feed only), "
        "2 failed, in 12.3 s")
