"""The fetch chain, in order. Read this file to know what happens to every request.

Outermost first; each step may answer by itself (a refusal, a cached decision)
or pass the request to the next one. Redirects sit on the outside so that every
hop is checked again (scheme, SSRF, robots) exactly like the first URL; retries
sit outside pacing so that every attempt waits its turn at the host.
"""

from __future__ import annotations

import random
from collections.abc import Awaitable, Callable

import httpx

from jarida.crawl.clock import Clock
from jarida.crawl.pacing import HostPacer
from jarida.crawl.request import FetchRequest, Handler, Step, compose
from jarida.crawl.result import FetchResult
from jarida.crawl.robots import MAX_ROBOTS_BYTES, RobotsCache
from jarida.crawl.ssrf import AddressPolicy, Resolver
from jarida.crawl.steps import (
    CheckScheme,
    ConditionalGet,
    FollowRedirects,
    GuardAddresses,
    ObeyRobots,
    PaceHost,
    RetryWithBackoff,
)
from jarida.crawl.transfer import Transfer
from jarida.settings import Settings

ROBOTS_MAX_REDIRECTS = 5  # RFC 9309 §2.3.1.2
RobotsFetch = Callable[[str], Awaitable[FetchResult]]


def build_chain(settings: Settings, client: httpx.AsyncClient, *, policy: AddressPolicy,
                pacer: HostPacer, clock: Clock, resolver: Resolver,
                rng: random.Random | None = None,
                share_robots: Callable[[RobotsFetch], RobotsFetch] | None = None
                ) -> tuple[Handler, RobotsCache]:
    """Compose the chain used for every fetch (and the shorter one for robots.txt); the
    robots.txt cache it consults comes back with it.

    `share_robots` wraps the robots.txt fetch (the distributed workers read and fill a
    cache shared by the fleet, `jarida.distributed.robots`)."""
    # The terminal handler: one GET within settings.total_timeout (connect_timeout is set on
    # the client), body read through the decompressed-size cap settings.max_body_bytes.
    transfer = Transfer(client, max_bytes=settings.max_body_bytes,
                        total_timeout=settings.total_timeout)

    robots_steps: list[Step] = [  # robots.txt itself: no robots check, no retries
        FollowRedirects(ROBOTS_MAX_REDIRECTS),
        CheckScheme(),
        GuardAddresses(policy, resolver),
        PaceHost(pacer),
    ]
    robots_chain = compose(robots_steps, transfer)

    def robots_fetch(url: str) -> Awaitable[FetchResult]:
        return robots_chain(FetchRequest(url=url, max_bytes=MAX_ROBOTS_BYTES, truncate=True))

    fetch_robots = share_robots(robots_fetch) if share_robots else robots_fetch

    robots = RobotsCache(
        fetch_robots, user_agent=settings.user_agent, ttl=settings.robots_cache_seconds,
        clock=clock,
    )

    steps: list[Step] = [
        FollowRedirects(settings.max_redirects),  # manual, bounded, loop-safe, creds dropped
        CheckScheme(),                            # http and https only
        GuardAddresses(policy, resolver),         # SSRF: literal and resolved addresses
        ObeyRobots(robots, pacer, settings.user_agent),  # cached robots.txt, Crawl-delay
        RetryWithBackoff(max_retries=settings.max_retries, max_wait=settings.retry_max_wait,
                         pacer=pacer, clock=clock, rng=rng),  # 408/429/5xx/network
        PaceHost(pacer),                          # per-host concurrency and gap
        ConditionalGet(),                         # validators; 304 or same hash: unchanged
    ]
    return compose(steps, transfer), robots
