"""The flaky outlet fails on a fixed schedule and one page drips; faults can be switched off."""

from __future__ import annotations

import time

import httpx

from jarida.demo import DemoWeb


def _statuses(web: DemoWeb, path: str, n: int) -> list[int]:
    with httpx.Client(timeout=10) as c:
        return [c.get(web.base_url + path).status_code for _ in range(n)]


def test_flaky_outlet_fails_deterministically() -> None:
    path = "/phare-detroit/fr/rss.xml"
    patterns = []
    for _ in range(2):
        web = DemoWeb(seed=5)
        web.start()
        try:
            patterns.append(_statuses(web, path, 6))
        finally:
            web.stop()
    assert patterns[0] == patterns[1]
    assert patterns[0].count(500) == 2 and patterns[0].count(200) == 4
    first_fail = patterns[0].index(500)
    assert patterns[0][first_fail + 3] == 500


def test_other_outlets_and_disabled_faults_never_fail() -> None:
    web = DemoWeb(seed=5, fault_injection=False)
    web.start()
    try:
        assert set(_statuses(web, "/phare-detroit/fr/rss.xml", 6)) == {200}
    finally:
        web.stop()
    web = DemoWeb(seed=5)
    web.start()
    try:
        assert set(_statuses(web, "/courrier-atlas/rss.xml", 6)) == {200}
    finally:
        web.stop()


def test_slow_path_drips() -> None:
    web = DemoWeb(seed=5, drip_delay=0.02)
    web.start()
    try:
        started = time.monotonic()
        with httpx.Client(timeout=10) as c:
            for _ in range(3):
                resp = c.get(web.base_url + web.slow_path)
                if resp.status_code == 200:
                    break
        chunks = len(resp.content) // 1024
        assert resp.status_code == 200 and chunks >= 10
        assert time.monotonic() - started >= chunks * 0.02
    finally:
        web.stop()


def test_slow_path_trips_a_read_timeout() -> None:
    web = DemoWeb(seed=5, drip_delay=0.5)
    web.start()
    try:
        with httpx.Client(timeout=0.2) as c:
            try:
                for _ in range(3):
                    c.get(web.base_url + web.slow_path)
                raise AssertionError("a short read timeout should trip on the drip path")
            except httpx.ReadTimeout:
                pass
            fast = c.get(web.base_url + "/courrier-atlas/rss.xml")
            assert fast.status_code == 200
    finally:
        web.stop()
