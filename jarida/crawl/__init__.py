"""Crawling: the polite, SSRF-safe fetcher (and, in `discovery`, finding what to fetch)."""

from jarida.crawl.fetcher import Fetcher
from jarida.crawl.result import FetchResult

__all__ = ["FetchResult", "Fetcher"]
