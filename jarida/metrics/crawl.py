"""What the crawl code calls to count: one function per event, cheap and never raising."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from jarida.metrics import definitions as m

if TYPE_CHECKING:  # jarida.crawl imports this module
    from jarida.crawl.result import FetchResult

_OUTCOMES = {kind: m.FETCHES.labels(kind) for kind in (
    "ok", "not_modified", "gone", "url", "scheme", "ssrf", "robots", "timeout", "too_large",
    "http", "network", "redirects", "decoding", "tls", "error")}
_STORED = {kind: m.ARTICLES_STORED.labels(kind) for kind in ("new", "updated", "unchanged")}


def fetch_outcome(result: FetchResult) -> str:
    if result.not_modified:
        return "not_modified"
    if result.gone:
        return "gone"
    if result.ok:
        return "ok"
    return result.error_kind or "error"


def record_fetch(result: FetchResult) -> None:
    _OUTCOMES.get(fetch_outcome(result), _OUTCOMES["error"]).inc()
    m.FETCH_DURATION.observe(result.elapsed)


def record_stored(outcomes: Iterable[str], refused: int = 0) -> None:
    """`outcomes` of storage.articles.SaveResult (new, updated, unchanged)."""
    for outcome in outcomes:
        counter = _STORED.get(outcome)
        (counter or m.ARTICLES_STORED.labels(outcome)).inc()
    if refused:
        m.ARTICLES_REFUSED.inc(refused)


def record_extraction(seconds: float) -> None:
    m.EXTRACTION_DURATION.observe(seconds)


def record_crawl_pass(seconds: float) -> None:
    m.CRAWL_PASS_DURATION.observe(seconds)
