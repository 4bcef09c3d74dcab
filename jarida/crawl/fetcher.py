"""The polite, SSRF-safe HTTP fetcher every crawl stage uses."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace
from http.cookiejar import CookieJar, DefaultCookiePolicy
from types import TracebackType

import httpx

from jarida.crawl.chain import RobotsFetch, build_chain
from jarida.crawl.clock import Clock, SystemClock
from jarida.crawl.pacing import HostPacer
from jarida.crawl.request import FetchRequest, Step, compose
from jarida.crawl.result import FetchResult, failure
from jarida.crawl.ssrf import AddressPolicy, Resolver, SystemResolver
from jarida.crawl.steps import CheckScheme, GuardAddresses, PaceHost
from jarida.crawl.transport import VettingTransport
from jarida.metrics.crawl import record_fetch
from jarida.settings import Settings

POST_ANSWER_BYTES = 64 * 1024


class Fetcher:
    """Fetches URLs through the chain in `jarida.crawl.chain`; share one per process."""

    def __init__(self, settings: Settings, *, clock: Clock | None = None,
                 resolver: Resolver | None = None, pacer: HostPacer | None = None,
                 rng: random.Random | None = None,
                 transport: httpx.AsyncBaseTransport | None = None,
                 share_robots: Callable[[RobotsFetch], RobotsFetch] | None = None) -> None:
        self.settings = settings
        self._clock = clock or SystemClock()
        resolver = resolver or SystemResolver()
        self.pacer = pacer or HostPacer(self._clock, settings.host_delay_seconds,
                                        settings.host_concurrency,
                                        total_concurrency=settings.crawl_concurrency)
        policy = AddressPolicy(settings.allow_private_networks, settings.private_network_allowlist)
        if transport is None:  # a test may pass its own (then only the pre-check vets)
            transport = VettingTransport(policy, resolver, ca_bundle=settings.ca_bundle,
                                         limits=httpx.Limits(
                                             max_connections=settings.crawl_concurrency,
                                             max_keepalive_connections=settings.crawl_concurrency))
        self._client = httpx.AsyncClient(
            transport=transport,
            headers={"User-Agent": settings.user_agent},
            timeout=httpx.Timeout(settings.total_timeout, connect=settings.connect_timeout),
            follow_redirects=False,
            trust_env=False,
            # No cookie jar: a crawler has no sessions, and a jar would grow without bound.
            cookies=CookieJar(policy=DefaultCookiePolicy(allowed_domains=[])),
        )
        self._policy, self._resolver = policy, resolver
        self._handle, self._robots = build_chain(
            settings, self._client, policy=policy, pacer=self.pacer, clock=self._clock,
            resolver=resolver, rng=rng, share_robots=share_robots)

    @classmethod
    def from_settings(cls, settings: Settings) -> Fetcher:
        """The production fetcher: real clock, system DNS, HTTP/2 where offered."""
        return cls(settings)

    async def fetch(self, url: str, *, etag: str | None = None,
                    last_modified: str | None = None, body_hash: str | None = None,
                    headers: dict[str, str] | None = None) -> FetchResult:
        """GET `url` politely; failures come back as a result with `error` set."""
        started = self._clock.monotonic()
        request = FetchRequest(url=url, headers=dict(headers or {}), etag=etag,
                               last_modified=last_modified, body_hash=body_hash)
        result = replace(await self._handle(request),
                         elapsed=self._clock.monotonic() - started)
        record_fetch(result)  # jarida_fetches_total by outcome, jarida_fetch_duration_seconds
        return result

    def robots_fresh(self, url: str) -> bool:
        """Whether the robots.txt governing `url` is in this fetcher's cache, unexpired."""
        return self._robots.fresh(url)

    async def load_robots(self, url: str) -> None:
        """Fetch (or read from the shared cache) the robots.txt governing `url`, alone,
        so that a caller can spend that request's turn at the host on it."""
        await self._robots.rules_for(url)

    async def post_form(self, url: str, form: dict[str, str]) -> FetchResult:
        """POST a form (a WebSub hub request) after the same scheme and SSRF checks as a
        fetch, paced like one; no redirects or retries, and at most 64 KiB of answer read."""

        async def send(request: FetchRequest) -> FetchResult:
            try:
                async with self._client.stream("POST", request.url, data=form) as response:
                    body = b""
                    async for chunk in response.aiter_bytes():
                        body += chunk
                        if len(body) > POST_ANSWER_BYTES:
                            break
                    return FetchResult(url=url, final_url=url, status=response.status_code,
                                       body=body[:POST_ANSWER_BYTES],
                                       error=None if response.is_success
                                       else f"HTTP {response.status_code}",
                                       error_kind=None if response.is_success else "http")
            except httpx.HTTPError as exc:
                return failure(url, "network", f"{type(exc).__name__}: {exc}"[:300])

        checks: list[Step] = [CheckScheme(), GuardAddresses(self._policy, self._resolver),
                              PaceHost(self.pacer)]
        return await compose(checks, send)(FetchRequest(url=url))

    async def aclose(self) -> None:
        await self._client.aclose()

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None,
                        exc: BaseException | None, tb: TracebackType | None) -> None:
        await self.aclose()
