"""When and how long to wait before trying a failed request again.

Retried: 408, 429, every 5xx, and network failures (connection refused/reset,
connect timeouts). Not retried: a body too slow to arrive within the total
timeout, SSRF and robots refusals, other 4xx. The wait is the server's
Retry-After (seconds or an HTTP date) when given, else exponential backoff with
jitter; a server asking for more than `retry_max_wait` is not retried at all.
"""

from __future__ import annotations

import random
from email.utils import parsedate_to_datetime

from jarida.crawl.result import FetchResult

RETRY_STATUSES = frozenset({408, 429})
BACKOFF_BASE_SECONDS = 1.0


def is_retryable(result: FetchResult) -> bool:
    """Whether another attempt could plausibly succeed."""
    if result.error_kind == "network":
        return True
    status = result.status or 0
    return result.error_kind == "http" and (status in RETRY_STATUSES or 500 <= status <= 599)


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a Retry-After header (RFC 9110 §10.2.3), or None if absent/bad."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - now)


def backoff_delay(attempt: int, cap: float, rng: random.Random) -> float:
    """Exponential backoff (1 s, 2 s, 4 s ...) with jitter in [50 %, 100 %], capped."""
    ceiling = min(cap, BACKOFF_BASE_SECONDS * (2 ** attempt))
    return float(ceiling * rng.uniform(0.5, 1.0))
