"""robots.txt, fetched once per origin and cached, read the way RFC 9309 asks.

Success (2xx): obey the rules. Unavailable (4xx, or too many redirects): allow
everything. Unreachable (5xx, network failure, timeout): disallow everything,
and remember that only briefly so a short outage does not silence a source all day.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego

from jarida.crawl.clock import Clock
from jarida.crawl.result import FetchResult

FAILURE_TTL_SECONDS = 300.0
MAX_CRAWL_DELAY_SECONDS = 60.0
# RFC 9309 §2.5: crawlers parse at least the first 500 KiB; a longer file is cut there
# (its last, partial line dropped) and obeyed, never read as "unreachable".
MAX_ROBOTS_BYTES = 500 * 1024


@dataclass(frozen=True)
class RobotsRules:
    """What one origin's robots.txt says (or what we assume when it could not be read)."""

    parser: Protego | None
    allow_all: bool
    expires: float
    note: str = ""

    def allows(self, url: str, user_agent: str) -> bool:
        if self.parser is None:
            return self.allow_all
        return bool(self.parser.can_fetch(url, user_agent))

    def crawl_delay(self, user_agent: str) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(user_agent)
        return min(float(delay), MAX_CRAWL_DELAY_SECONDS) if delay else None


def robots_url(url: str) -> str:
    """Where the robots.txt governing `url` lives."""
    parts = urlsplit(url)
    netloc = parts.netloc.rsplit("@", 1)[-1]
    return f"{parts.scheme.lower()}://{netloc.lower()}/robots.txt"


class RobotsCache:
    """Bounded, time-limited cache of parsed robots.txt, one fetch per origin at a time."""

    def __init__(self, fetch: Callable[[str], Awaitable[FetchResult]], *, user_agent: str,
                 ttl: float, clock: Clock, max_entries: int = 10_000) -> None:
        self._fetch = fetch
        self._user_agent = user_agent
        self._ttl = ttl
        self._clock = clock
        self._max_entries = max_entries
        self._entries: OrderedDict[str, RobotsRules] = OrderedDict()
        self._locks: dict[str, asyncio.Lock] = {}

    def fresh(self, url: str) -> bool:
        """Whether the rules governing `url` are cached and unexpired (nothing fetched)."""
        cached = self._entries.get(robots_url(url))
        return cached is not None and cached.expires > self._clock.monotonic()

    async def rules_for(self, url: str) -> RobotsRules:
        """The rules governing `url`, fetching robots.txt when not cached or stale."""
        key = robots_url(url)
        lock = self._locks.setdefault(key, asyncio.Lock())
        try:
            async with lock:
                cached = self._entries.get(key)
                if cached is not None and cached.expires > self._clock.monotonic():
                    return cached
                rules = self._interpret(await self._fetch(key))
                self._entries[key] = rules
                self._entries.move_to_end(key)
                while len(self._entries) > self._max_entries:
                    self._entries.popitem(last=False)
                return rules
        finally:
            if not lock.locked():
                self._locks.pop(key, None)

    def _interpret(self, result: FetchResult) -> RobotsRules:
        now = self._clock.monotonic()
        status = result.status or 0
        if result.error is None and 200 <= status < 300:
            parser = Protego.parse(_robots_text(result))
            return RobotsRules(parser, allow_all=True, expires=now + self._ttl,
                               note="robots.txt truncated at 500 KiB" if result.truncated else "")
        if result.error_kind == "redirects" or 400 <= status < 500:
            return RobotsRules(None, allow_all=True, expires=now + self._ttl,
                               note=f"robots.txt unavailable ({status or result.error})")
        return RobotsRules(None, allow_all=False,
                           expires=now + min(self._ttl, FAILURE_TTL_SECONDS),
                           note=f"robots.txt unreachable ({result.error or status})")


def _robots_text(result: FetchResult) -> str:
    """The text to parse: a truncated file loses its cut last line (half a rule is no rule)."""
    text = result.text()[:MAX_ROBOTS_BYTES]
    if result.truncated:
        text = text[:text.rfind("\n") + 1]
    return text
