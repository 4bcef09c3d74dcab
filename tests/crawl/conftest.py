"""Fixtures for fetcher tests: a local web server, settings that allow it, a fake clock."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from jarida.crawl import Fetcher, FetchResult
from jarida.settings import Settings
from tests.webserver import TestServer


class FakeClock:
    """Time that advances only when someone sleeps, so backoff tests finish at once."""

    def __init__(self, wall_start: float = 1_800_000_000.0) -> None:
        self.now = 0.0
        self.wall_start = wall_start
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def wall(self) -> float:
        return self.wall_start + self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += max(0.0, seconds)
        await asyncio.sleep(0)


@pytest.fixture
def web() -> Iterator[TestServer]:
    """A fresh local server per test; register routes with `web.route(...)`."""
    with TestServer() as server:
        yield server


@pytest.fixture
def web2() -> Iterator[TestServer]:
    """A second server: another origin (same address, other port)."""
    with TestServer() as server:
        yield server


def make_settings(**overrides: Any) -> Settings:
    """Settings letting the fetcher reach 127.0.0.1 only, with tiny delays."""
    values: dict[str, Any] = {
        "private_network_allowlist": ["127.0.0.1"],
        "host_delay_seconds": 0.0,
        "total_timeout": 5.0,
        "connect_timeout": 2.0,
        "max_retries": 2,
    }
    values.update(overrides)
    return Settings(**values)


def fetch_once(url: str, settings: Settings | None = None, *, clock: Any = None,
               resolver: Any = None, **kwargs: Any) -> FetchResult:
    """Run one fetch with a fresh Fetcher in a fresh event loop."""

    async def run() -> FetchResult:
        async with Fetcher(settings or make_settings(), clock=clock, resolver=resolver) as f:
            return await f.fetch(url, **kwargs)

    return asyncio.run(run())


@pytest.fixture
def fetch() -> Callable[..., FetchResult]:
    return fetch_once
