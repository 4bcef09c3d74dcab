"""Debian's Chromium through Playwright, shared by the browser tests (tests/web, tests/e2e).

A browser test module sets `pytestmark = BROWSER_MARKS` and asks for the `browser`
fixture (tests/conftest.py).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
BROWSER_MARKS = [
    pytest.mark.browser,
    # CI sets JARIDA_REQUIRE_BROWSER=1 so that a missing browser fails instead of skipping.
    pytest.mark.skipif(
        not CHROMIUM.exists() and not os.environ.get("JARIDA_REQUIRE_BROWSER"),
        reason="needs Debian's chromium at /usr/bin/chromium",
    ),
]


@contextmanager
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield instance
        instance.close()


def only_loopback(route: Any) -> None:
    """Only local test servers may be reached: outlet images and the like are refused."""
    if route.request.url.startswith("http://127.0.0.1:"):
        route.continue_()
    else:
        route.abort()
