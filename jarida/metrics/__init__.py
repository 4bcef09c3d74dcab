"""Prometheus metrics: definitions (`definitions`), what the crawl counts (`crawl`), the
website's requests (`web`), gauges read at scrape time (`live`), exposition (`exposition`)."""

from jarida.metrics.exposition import MetricsServer, render_metrics, serve_metrics
from jarida.metrics.live import QueueStat, track_scheduler, watch_feeds, watch_queues

__all__ = ["MetricsServer", "QueueStat", "render_metrics", "serve_metrics", "track_scheduler",
           "watch_feeds", "watch_queues"]
