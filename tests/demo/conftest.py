"""Fixtures: one running demo web per module, and a fetch helper that retries the flaky outlet."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest

from jarida.demo import DemoWeb


@pytest.fixture(scope="module")
def web() -> Iterator[DemoWeb]:
    demo = DemoWeb(seed=7, drip_delay=0.01)
    demo.start()
    yield demo
    demo.stop()


@pytest.fixture(scope="module")
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=10) as c:
        yield c


def _get_ok(client: httpx.Client, url: str, tries: int = 3) -> httpx.Response:
    """GET, retrying 500s (Le Phare du Détroit fails one request in three per path)."""
    for _ in range(tries):
        resp = client.get(url)
        if resp.status_code != 500:
            return resp
    return resp


@pytest.fixture
def get_ok() -> Callable[[httpx.Client, str], httpx.Response]:
    return _get_ok
