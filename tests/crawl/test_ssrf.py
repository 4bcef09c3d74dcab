"""SSRF guard: non-public addresses are refused in every spelling, before and at connect."""

from __future__ import annotations

import asyncio
import ipaddress

import httpcore
import httpx
import pytest

from jarida.crawl.request import FetchRequest
from jarida.crawl.ssrf import AddressPolicy, SsrfRefused, non_public_reason, parse_ip_literal
from jarida.crawl.transfer import Transfer
from jarida.crawl.transport import VettingBackend, VettingTransport
from tests.crawl.conftest import fetch_once, make_settings
from tests.webserver import TestServer

LOOPBACK_SPELLINGS = [
    "127.0.0.1", "2130706433", "0177.0.0.1", "0x7f.1", "0x7f000001", "127.1", "0177.1",
    "017700000001", "127.0.0.1.", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[::1]",
    "[0:0:0:0:0:ffff:127.0.0.1]", "[64:ff9b::7f00:1]", "[2002:7f00:1::]",
]
OTHER_NON_PUBLIC = [
    "169.254.169.254", "10.0.0.1", "172.16.5.4", "192.168.1.1", "100.64.0.1",
    "224.0.0.1", "0.0.0.0", "0", "240.0.0.1", "255.255.255.255", "[fe80::1]", "[fc00::1]",
    "[ff02::1]", "[::]", "[::ffff:169.254.169.254]", "0xa9fea9fe",
]


class MapResolver:
    """Resolves every name to fixed addresses, counting the lookups."""

    def __init__(self, *answers: list[str]) -> None:
        self.answers = list(answers)
        self.calls = 0

    async def resolve(self, host: str, port: int) -> list[str]:
        answer = self.answers[min(self.calls, len(self.answers) - 1)]
        self.calls += 1
        return answer


@pytest.mark.parametrize("host", LOOPBACK_SPELLINGS)
def test_loopback_spellings_parse_to_loopback(host: str) -> None:
    address = parse_ip_literal(host)
    assert address is not None
    assert non_public_reason(address) is not None


@pytest.mark.parametrize("host", LOOPBACK_SPELLINGS + OTHER_NON_PUBLIC)
def test_fetching_a_non_public_literal_is_refused(host: str) -> None:
    result = fetch_once(f"http://{host}:1/latest", make_settings(private_network_allowlist=[]))
    assert result.error_kind == "ssrf", (host, result.error)
    assert result.error is not None and "refused" in result.error


@pytest.mark.parametrize("host", ["8.8.8.8", "1.1.1.1", "[2606:4700:4700::1111]", "0x08080808"])
def test_public_addresses_pass(host: str) -> None:
    address = parse_ip_literal(host)
    assert address is not None and non_public_reason(address) is None


def test_names_are_not_mistaken_for_literals() -> None:
    for host in ("example.com", "1.2.3.4.5", "09.1.1.1", "0x", "1e100.net", "::zz"):
        assert parse_ip_literal(host) is None, host


def test_private_allowed_only_by_setting_or_allowlist(web: TestServer) -> None:
    web.route("/a", body="ok")
    refused = fetch_once(web.url("/a"), make_settings(private_network_allowlist=[]))
    assert refused.error_kind == "ssrf"
    assert web.requests == []
    for settings in (
        make_settings(private_network_allowlist=[], allow_private_networks=True),
        make_settings(private_network_allowlist=["127.0.0.0/8"]),
        make_settings(private_network_allowlist=["127.0.0.1"]),
    ):
        assert fetch_once(web.url("/a"), settings).status == 200


def test_allowlisted_host_name(web: TestServer) -> None:
    web.route("/a", body="ok")
    url = f"http://intranet.test:{web.port}/a"
    resolver = MapResolver(["127.0.0.1"])
    allowed = fetch_once(url, make_settings(private_network_allowlist=["intranet.test"]),
                         resolver=resolver)
    assert allowed.status == 200 and allowed.body == b"ok"
    assert web.requests_for("/a")[0].headers["host"] == f"intranet.test:{web.port}"
    refused = fetch_once(url, make_settings(private_network_allowlist=["other.test"]),
                         resolver=MapResolver(["127.0.0.1"]))
    assert refused.error_kind == "ssrf"


def test_name_resolving_to_private_address_is_refused(web: TestServer) -> None:
    result = fetch_once(f"http://evil.test:{web.port}/a",
                        make_settings(private_network_allowlist=[]),
                        resolver=MapResolver(["10.1.2.3", "127.0.0.1"]))
    assert result.error_kind == "ssrf"
    assert web.requests == []


def test_dns_rebinding_is_caught_at_connect_time(web: TestServer) -> None:
    """The pre-check sees a public address, the connection would go to loopback."""
    web.route("/a", body="secret")
    resolver = MapResolver(["93.184.216.34"], ["127.0.0.1"], ["93.184.216.34"], ["127.0.0.1"])
    result = fetch_once(f"http://rebind.test:{web.port}/a",
                        make_settings(private_network_allowlist=[]), resolver=resolver)
    assert result.error is not None and result.body == b""
    assert "127.0.0.1" in result.error and "loopback" in result.error
    assert web.requests == []


def test_vetting_backend_refuses_and_allows_on_the_connected_address(web: TestServer) -> None:
    async def connect(policy: AddressPolicy) -> None:
        backend = VettingBackend(policy, MapResolver(["127.0.0.1"]))
        stream = await backend.connect_tcp("anything.test", web.port, timeout=2)
        await stream.aclose()

    with pytest.raises(SsrfRefused):
        asyncio.run(connect(AddressPolicy(False, [])))
    asyncio.run(connect(AddressPolicy(False, ["127.0.0.1/32"])))
    with pytest.raises(httpcore.ConnectError):
        asyncio.run(VettingBackend(AddressPolicy(False, []), MapResolver([]))
                    .connect_tcp("nowhere.test", 80))


def test_allowlist_cidr_covers_mapped_ipv6() -> None:
    policy = AddressPolicy(False, ["10.0.0.0/8"])
    assert policy.refusal("x", ipaddress.ip_address("::ffff:10.1.1.1")) is None
    assert policy.refusal("x", ipaddress.ip_address("::ffff:192.168.1.1")) is not None


def test_transfer_reports_a_connect_time_refusal_as_ssrf(web: TestServer) -> None:
    async def run() -> str | None:
        transport = VettingTransport(AddressPolicy(False, []), MapResolver(["127.0.0.1"]))
        async with httpx.AsyncClient(transport=transport) as client:
            transfer = Transfer(client, max_bytes=10_000, total_timeout=2.0)
            result = await transfer(FetchRequest(url=f"http://looks-public.test:{web.port}/"))
            return result.error_kind

    assert asyncio.run(run()) == "ssrf"
    assert web.requests == []

