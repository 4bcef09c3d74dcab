"""Hub requests go through the fetcher's checks: http(s) only, no private addresses."""

from __future__ import annotations

import asyncio
from pathlib import Path

from jarida.crawl.fetcher import Fetcher
from jarida.crawl.result import FetchResult
from tests.websub.conftest import make_settings
from tests.websub.hub import LocalHub


def post(tmp_path: Path, url: str) -> FetchResult:
    async def go() -> FetchResult:
        async with Fetcher(make_settings(tmp_path, "https://jarida.test")) as fetcher:
            return await fetcher.post_form(url, {"hub.mode": "subscribe"})

    return asyncio.run(go())


def test_scheme_and_private_addresses_are_refused(tmp_path: Path) -> None:
    assert post(tmp_path, "file:///etc/passwd").error_kind == "scheme"
    assert post(tmp_path, "gopher://hub.test/").error_kind == "scheme"
    for private in ("http://10.0.0.1/hub", "http://169.254.169.254/latest",
                    "http://[::1]:8080/", "http://0x7f000002/"):
        result = post(tmp_path, private)
        assert result.error_kind == "ssrf", (private, result.error)


def test_allowed_hub_gets_the_form(tmp_path: Path) -> None:
    with LocalHub() as hub:
        result = post(tmp_path, hub.url)
    assert result.ok and result.status == 202
    assert hub.requests[0].mode == "subscribe"
