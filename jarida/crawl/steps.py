"""The links of the fetch chain; `jarida.crawl.chain` puts them in order."""

from __future__ import annotations

import random
from dataclasses import replace
from urllib.parse import urlsplit

from jarida.crawl.clock import Clock
from jarida.crawl.conditional import apply_validators, conditional_headers
from jarida.crawl.pacing import HostPacer
from jarida.crawl.redirects import PERMANENT_STATUSES, headers_for_hop, redirect_target
from jarida.crawl.request import FetchRequest, Handler
from jarida.crawl.result import FetchResult, failure
from jarida.crawl.retry import backoff_delay, is_retryable, parse_retry_after
from jarida.crawl.robots import RobotsCache
from jarida.crawl.ssrf import AddressPolicy, Resolver, SsrfRefused


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


class FollowRedirects:
    """Follows redirects by hand so every hop goes through the steps after this one."""

    def __init__(self, max_redirects: int) -> None:
        self._max = max_redirects

    async def __call__(self, request: FetchRequest, call_next: Handler) -> FetchResult:
        requested, hop = request.url, request
        seen = [request.url]
        permanent: str | None = None
        still_permanent = True
        while True:
            result = await call_next(hop)
            target = redirect_target(hop.url, result.status, result.headers)
            if result.error is not None or target is None:
                return replace(result, url=requested, final_url=result.final_url or hop.url,
                               permanent_redirect=permanent)
            still_permanent = still_permanent and result.status in PERMANENT_STATUSES
            if still_permanent:
                permanent = target
            if target in seen:
                chain = " -> ".join([*seen, target])
                return replace(failure(requested, "redirects", f"redirect loop: {chain}",
                                       final_url=hop.url, status=result.status),
                               permanent_redirect=permanent)
            if len(seen) > self._max:
                return replace(failure(requested, "redirects",
                                       f"more than {self._max} redirects", final_url=hop.url,
                                       status=result.status), permanent_redirect=permanent)
            seen.append(target)
            hop = replace(hop, url=target, headers=headers_for_hop(hop.headers, hop.url, target))


class CheckScheme:
    """Only http and https URLs with a host are fetched (no file:, ftp:, gopher: ...)."""

    async def __call__(self, request: FetchRequest, call_next: Handler) -> FetchResult:
        try:
            parts = urlsplit(request.url)
            _ = parts.port
        except ValueError as exc:
            return failure(request.url, "url", f"invalid URL: {exc}")
        if parts.scheme.lower() not in ("http", "https"):
            return failure(request.url, "scheme", f"scheme {parts.scheme or '(none)'!r} "
                           "is not fetched; only http and https are")
        if not parts.hostname:
            return failure(request.url, "url", "URL has no host")
        return await call_next(request)


class GuardAddresses:
    """Refuses hosts that are, or resolve to, non-public addresses (checked again on connect)."""

    def __init__(self, policy: AddressPolicy, resolver: Resolver) -> None:
        self._policy = policy
        self._resolver = resolver

    async def __call__(self, request: FetchRequest, call_next: Handler) -> FetchResult:
        parts = urlsplit(request.url)
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        try:
            await self._policy.vet_host(parts.hostname or "", port, self._resolver)
        except SsrfRefused as exc:
            return failure(request.url, "ssrf", str(exc))
        except OSError as exc:
            return failure(request.url, "network", str(exc))
        return await call_next(request)


class ObeyRobots:
    """Refuses URLs the site's robots.txt disallows, and passes its Crawl-delay to pacing."""

    def __init__(self, cache: RobotsCache, pacer: HostPacer, user_agent: str) -> None:
        self._cache = cache
        self._pacer = pacer
        self._user_agent = user_agent

    async def __call__(self, request: FetchRequest, call_next: Handler) -> FetchResult:
        rules = await self._cache.rules_for(request.url)
        delay = rules.crawl_delay(self._user_agent)
        if delay:
            self._pacer.set_crawl_delay(_host(request.url), delay)
        if not rules.allows(request.url, self._user_agent):
            why = rules.note or "disallowed by robots.txt"
            return failure(request.url, "robots", f"{why}: {request.url}")
        return await call_next(request)


class RetryWithBackoff:
    """Tries again on 408/429/5xx and network errors; the wait is enforced by the pacer."""

    def __init__(self, *, max_retries: int, max_wait: float, pacer: HostPacer, clock: Clock,
                 rng: random.Random | None = None) -> None:
        self._max_retries = max_retries
        self._max_wait = max_wait
        self._pacer = pacer
        self._clock = clock
        self._rng = rng or random.Random()

    async def __call__(self, request: FetchRequest, call_next: Handler) -> FetchResult:
        attempt = 0
        while True:
            result = replace(await call_next(request), attempts=attempt + 1)
            if not is_retryable(result):
                return result
            asked = parse_retry_after(result.headers.get("retry-after"), self._clock.wall())
            if asked is not None:
                result = replace(result, retry_after=asked)
            if attempt >= self._max_retries or (asked or 0.0) > self._max_wait:
                return result
            wait = asked if asked is not None else backoff_delay(
                attempt, self._max_wait, self._rng)
            # Deferring the host (not sleeping here) makes every task respect the wait.
            self._pacer.defer(_host(request.url), wait)
            attempt += 1


class PaceHost:
    """Waits for the host's turn: bounded concurrency and a minimum gap per host."""

    def __init__(self, pacer: HostPacer) -> None:
        self._pacer = pacer

    async def __call__(self, request: FetchRequest, call_next: Handler) -> FetchResult:
        async with self._pacer.slot(_host(request.url)):
            return await call_next(request)


class ConditionalGet:
    """Sends stored validators; 304 or an identical body hash means not_modified."""

    async def __call__(self, request: FetchRequest, call_next: Handler) -> FetchResult:
        extra = conditional_headers(request.etag, request.last_modified)
        result = await call_next(replace(request, headers={**extra, **request.headers}))
        return apply_validators(result, etag=request.etag, last_modified=request.last_modified,
                                stored_hash=request.body_hash)
