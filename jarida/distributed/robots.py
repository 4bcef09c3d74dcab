"""robots.txt fetched once per origin per TTL for the whole fleet, kept in Redis.

Each worker keeps its own parsed copy (`jarida.crawl.robots.RobotsCache`); when that
copy is missing or stale it asks here first, and only the first worker to find Redis
empty fetches the file. The fetch happens inside a host turn (one request at a time
per host), so two workers never fetch one host's robots.txt at once. What is kept is
the answer (status, error, body), which every worker reads with the same RFC 9309
rules; failures are kept only `FAILURE_TTL_SECONDS`, as on one machine.
"""

from __future__ import annotations

import base64
import json

import redis

from jarida.crawl.chain import RobotsFetch
from jarida.crawl.result import FetchResult
from jarida.crawl.robots import FAILURE_TTL_SECONDS


def _encode(result: FetchResult) -> str:
    return json.dumps({
        "url": result.url, "final_url": result.final_url, "status": result.status,
        "error": result.error, "error_kind": result.error_kind, "encoding": result.encoding,
        "truncated": result.truncated, "body": base64.b64encode(result.body).decode(),
    })


def _decode(text: str | bytes) -> FetchResult:
    data = json.loads(text)
    return FetchResult(url=data["url"], final_url=data["final_url"], status=data["status"],
                       error=data["error"], error_kind=data["error_kind"],
                       encoding=data["encoding"], truncated=data["truncated"],
                       body=base64.b64decode(data["body"]))


class SharedRobots:
    """Wraps a worker's robots.txt fetch with the fleet's cache (`Fetcher(share_robots=)`)."""

    def __init__(self, client: redis.Redis, *, prefix: str, ttl: float) -> None:
        self._redis = client
        self._prefix = prefix
        self._ttl = ttl
        self.fetched = 0  # robots.txt files this worker fetched itself (for tests, metrics)

    def key(self, url: str) -> str:
        return f"{self._prefix}:robots:{url}"

    def __call__(self, fetch: RobotsFetch) -> RobotsFetch:
        async def shared(url: str) -> FetchResult:
            cached = self._redis.get(self.key(url))
            if cached is not None:
                return _decode(cached)
            result = await fetch(url)
            self.fetched += 1
            status = result.status or 0
            unreachable = not (result.error is None and 200 <= status < 300) and not (
                result.error_kind == "redirects" or 400 <= status < 500)
            ttl = min(self._ttl, FAILURE_TTL_SECONDS) if unreachable else self._ttl
            self._redis.set(self.key(url), _encode(result), px=max(1, int(ttl * 1000)))
            return result

        return shared
