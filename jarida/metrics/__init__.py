"""Prometheus metrics: definitions (`definitions`), what the crawl counts (`crawl`), the
website's requests (`web`), gauges read at scrape time (`live`), exposition (`exposition`)."""

from jarida.metrics.exposition import (
    MetricsServer,
    fresh_multiprocess_dir,
    render_metrics,
    serve_metrics,
    serve_metrics_if_free,
)
from jarida.metrics.live import QueueStat, track_scheduler, watch_feeds, watch_queues

__all__ = ["MetricsServer", "QueueStat", "fresh_multiprocess_dir", "render_metrics",
           "serve_metrics", "serve_metrics_if_free", "track_scheduler", "watch_feeds",
           "watch_queues"]
