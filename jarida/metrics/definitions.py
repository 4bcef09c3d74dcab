"""Every metric Jarida exports, in one place (docs/operations.md lists them with their meaning).

Names follow Prometheus conventions: the `jarida_` prefix, the unit in the name
(`_seconds`, `_bytes`), `_total` on counters. Labels have few values (a route class, an
outcome, a queue name), never a raw path, URL or host: one series per value, forever.

Counters and histograms here are updated where things happen. Gauges whose value is
read at scrape time (pages waiting for their host, feeds due, queue depth, the page
cache) are produced by the collectors of `jarida.metrics.live`, so that nothing on a hot
path keeps them up to date.
"""

from __future__ import annotations

from prometheus_client import Counter, Histogram

# Web: one observation per HTTP request, whatever answered it (cache, fast path, routes).
# Kept out of the default registry: in one process, jarida.metrics.requests counts more
# cheaply and exports these names itself; in multiprocess mode these objects write the
# shared files that the MultiProcessCollector sums.
HTTP_REQUESTS_NAME = "jarida_http_requests"
HTTP_DURATION_NAME = "jarida_http_request_duration_seconds"
HTTP_REQUESTS_HELP = "HTTP requests answered, by route class and status class."
HTTP_DURATION_HELP = ("Time from the request's arrival to the end of the response body, by "
                      "route class.")
HTTP_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)
HTTP_REQUESTS = Counter(HTTP_REQUESTS_NAME, HTTP_REQUESTS_HELP, ["route", "status"],
                        registry=None)
HTTP_DURATION = Histogram(HTTP_DURATION_NAME, HTTP_DURATION_HELP, ["route"],
                          buckets=HTTP_BUCKETS, registry=None)

# Crawl: the same for `jarida crawl`/`run` and the distributed workers (shared code paths).
FETCHES = Counter(
    "jarida_fetches", "Fetches of feeds and pages, by outcome (ok, not_modified, gone, or "
    "the error kind: http, network, timeout, robots, ssrf, too_large...).",
    ["outcome"],
)
FETCH_DURATION = Histogram(
    "jarida_fetch_duration_seconds",
    "Time of one fetch, pacing wait and retries included.",
    buckets=(0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0),
)
ARTICLES_STORED = Counter(
    "jarida_articles_stored", "Articles written, by outcome (new, updated, unchanged).",
    ["outcome"],
)
ARTICLES_REFUSED = Counter(
    "jarida_articles_refused", "Article records the database refused (each fails alone).",
)
EXTRACTION_DURATION = Histogram(
    "jarida_extraction_duration_seconds",
    "Time to decode, extract and build one article record, measured in the worker.",
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
)
CRAWL_PASS_DURATION = Histogram(
    "jarida_crawl_pass_duration_seconds", "Duration of one inline crawl pass.",
    buckets=(1.0, 5.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0, 3600.0),
)

# Names of the gauges the live collectors produce (jarida.metrics.live), for docs and tests.
HOST_TURNS_WAITING = "jarida_host_turns_waiting"
FEEDS_DUE = "jarida_feeds_due"
FEEDS_OVERDUE = "jarida_feeds_overdue"
FEEDS_OLDEST_DUE_AGE = "jarida_feeds_oldest_due_age_seconds"
QUEUE_MESSAGES = "jarida_queue_messages"
QUEUE_OLDEST_AGE = "jarida_queue_oldest_message_age_seconds"
QUEUE_DEAD_LETTERS = "jarida_queue_dead_letters"
QUEUE_DELAYED = "jarida_queue_delayed_messages"
PAGE_CACHE_HITS = "jarida_page_cache_hits"
PAGE_CACHE_MISSES = "jarida_page_cache_misses"
PAGE_CACHE_ENTRIES = "jarida_page_cache_entries"
