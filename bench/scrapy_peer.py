"""The peer for the ingest benchmark: Scrapy fetching, trafilatura extracting, SQLite storing.

Same work as Jarida's pipeline on the same pages: read the sitemaps, fetch every
article (robots.txt obeyed), extract with trafilatura's fastest mode, skip
duplicate URLs, store and index in SQLite FTS5. Usage:
    python bench/scrapy_peer.py SITEMAP_INDEX_URL DB_PATH  -> prints JSON stats
    python bench/scrapy_peer.py --feeds FEEDS_FILE DB_PATH --delay 1 --per-host 1 --total 32
(the second form reads one RSS feed URL a line, as the many-host benchmark does).
"""

from __future__ import annotations

import json
import sqlite3
import sys
import time
from typing import Any

import scrapy
import trafilatura
from scrapy.crawler import CrawlerProcess
from scrapy.spiders import SitemapSpider


class StorePipeline:
    def open_spider(self, spider: scrapy.Spider) -> None:
        self.db = sqlite3.connect(spider.settings.get("DB_PATH"))
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS articles (id INTEGER PRIMARY KEY, "
                        "url TEXT UNIQUE, title TEXT, text TEXT, date TEXT)")
        self.db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(title, text, "
                        "tokenize='unicode61 remove_diacritics 2')")
        self.batch: list[tuple[str, str, str, str]] = []
        self.stored = 0

    def process_item(self, item: dict[str, Any], spider: scrapy.Spider) -> dict[str, Any]:
        self.batch.append((item["url"], item["title"], item["text"], item["date"]))
        if len(self.batch) >= 100:
            self.flush()
        return item

    def flush(self) -> None:
        cur = self.db.cursor()
        for row in self.batch:
            cur.execute("INSERT OR IGNORE INTO articles (url, title, text, date) "
                        "VALUES (?, ?, ?, ?)", row)
            if cur.rowcount:
                cur.execute("INSERT INTO fts (rowid, title, text) VALUES (?, ?, ?)",
                            (cur.lastrowid, row[1], row[2]))
                self.stored += 1
        self.db.commit()
        self.batch = []

    def close_spider(self, spider: scrapy.Spider) -> None:
        self.flush()
        spider.crawler.stats.set_value("stored", self.stored)
        self.db.close()


class NewsSpider(SitemapSpider):
    name = "news"

    def parse(self, response: scrapy.http.Response) -> Any:
        doc = trafilatura.bare_extraction(
            response.text, url=response.url, no_fallback=True, with_metadata=True
        )
        if doc is None:
            return
        data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
        if data.get("text"):
            yield {"url": response.url, "title": data.get("title") or "",
                   "text": data["text"], "date": data.get("date") or ""}


class FeedSpider(scrapy.Spider):
    """Reads RSS feeds and fetches every item's link: what a news crawler does each cycle."""

    name = "feeds"

    def parse(self, response: scrapy.http.Response) -> Any:
        for link in response.xpath("//item/link/text()").getall():
            yield response.follow(link.strip(), callback=self.parse_article)

    parse_article = NewsSpider.parse


def main() -> None:
    args = sys.argv[1:]
    feeds = args[0] == "--feeds"
    if feeds:
        args = args[1:]
    index, db_path = args[0], args[1]
    options = dict(zip(args[2::2], args[3::2], strict=False))
    process = CrawlerProcess(settings={
        "LOG_LEVEL": "ERROR",
        "ROBOTSTXT_OBEY": True,
        "CONCURRENT_REQUESTS": int(options.get("--total", 8)),
        "CONCURRENT_REQUESTS_PER_DOMAIN": int(options.get("--per-host", 8)),
        "DOWNLOAD_DELAY": float(options.get("--delay", 0)),
        "TELNETCONSOLE_ENABLED": False,
        "ITEM_PIPELINES": {f"{__name__}.StorePipeline": 100},
        "DB_PATH": db_path,
        "USER_AGENT": "Jarida-bench-scrapy-peer",
        "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
    })
    started = time.monotonic()
    if feeds:
        crawler = process.create_crawler(FeedSpider)
        with open(index) as handle:
            process.crawl(crawler, start_urls=[u.strip() for u in handle if u.strip()])
    else:
        crawler = process.create_crawler(NewsSpider)
        process.crawl(crawler, sitemap_urls=[index])
    process.start()
    stats = crawler.stats.get_stats()
    elapsed = float(stats.get("elapsed_time_seconds") or (time.monotonic() - started))
    print(json.dumps({"stored": stats.get("stored", 0), "seconds": elapsed,
                      "responses": stats.get("response_received_count", 0)}))


if __name__ == "__main__":
    sys.path.insert(0, ".")
    main()
