"""HTTPS fetches against a local TLS server: HTTP/2 when offered, CA trust, refusals.

A throw-away certificate authority (trustme) signs a certificate for 127.0.0.1
and localhost; hypercorn serves a tiny ASGI app with it on an ephemeral port in
a background thread, offering HTTP/2 and HTTP/1.1 through ALPN (or HTTP/1.1
alone). The fetcher trusts that authority only through the `ca_bundle` setting.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Awaitable, Callable, Iterator, MutableMapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import ValidationError

from jarida.crawl import Fetcher, FetchResult
from jarida.crawl.request import FetchRequest
from jarida.crawl.retry import is_retryable
from jarida.crawl.ssrf import AddressPolicy, SystemResolver
from jarida.crawl.transfer import Transfer
from jarida.crawl.transport import VettingTransport, _ssl_context
from jarida.settings import ConfigError, Settings
from tests.crawl.conftest import make_settings
from tests.webserver import TestServer

hypercorn_asyncio = pytest.importorskip(
    "hypercorn.asyncio", reason="hypercorn (dev dependency) is needed for the local HTTP/2 server"
)
hypercorn_config = pytest.importorskip("hypercorn.config")
trustme = pytest.importorskip(
    "trustme", reason="trustme (dev dependency) is needed to make the throw-away CA"
)

FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>h2</title></channel></rss>'
ETAG = '"feed-v1"'

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]


@dataclass
class Seen:
    """One request as the server saw it."""

    path: str
    http_version: str  # the ASGI spelling: "1.1" or "2"
    headers: dict[str, str]


@dataclass
class FeedApp:
    """Serves /feed.xml with an ETag (304 on a match); every other path is 404."""

    seen: list[Seen] = field(default_factory=list)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            while True:
                event = (await receive())["type"]  # "lifespan.startup" or ".shutdown"
                await send({"type": f"{event}.complete"})
                if event == "lifespan.shutdown":
                    return
        headers = {k.decode().lower(): v.decode() for k, v in scope["headers"]}
        self.seen.append(Seen(scope["path"], scope["http_version"], headers))
        if scope["path"] != "/feed.xml":
            await _answer(send, 404, b"not here", [])
        elif headers.get("if-none-match") == ETAG:
            await _answer(send, 304, b"", [(b"etag", ETAG.encode())])
        else:
            await _answer(send, 200, FEED, [(b"etag", ETAG.encode()),
                                            (b"content-type", b"application/rss+xml")])


async def _answer(send: Send, status: int, body: bytes,
                  headers: list[tuple[bytes, bytes]]) -> None:
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


@dataclass
class Pki:
    """PEM files on disk: the CA to trust and the server certificates it signed."""

    ca_file: Path
    cert_file: Path
    key_file: Path
    wrong_name_cert: Path
    wrong_name_key: Path


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    folder = tmp_path_factory.mktemp("pki")
    ca = trustme.CA()
    ca.cert_pem.write_to_path(str(folder / "ca.pem"))
    good = ca.issue_cert("127.0.0.1", "localhost")
    good.cert_chain_pems[0].write_to_path(str(folder / "server.pem"))
    good.private_key_pem.write_to_path(str(folder / "server.key"))
    wrong = ca.issue_cert("feeds.example")  # signed by the trusted CA, for another name
    wrong.cert_chain_pems[0].write_to_path(str(folder / "wrong.pem"))
    wrong.private_key_pem.write_to_path(str(folder / "wrong.key"))
    return Pki(folder / "ca.pem", folder / "server.pem", folder / "server.key",
               folder / "wrong.pem", folder / "wrong.key")


@dataclass
class TlsServer:
    port: int
    app: FeedApp

    def url(self, path: str) -> str:
        return f"https://127.0.0.1:{self.port}{path}"


@contextmanager
def tls_server(cert: Path, key: Path, *, alpn: list[str]) -> Iterator[TlsServer]:
    """hypercorn on 127.0.0.1 in a thread; the socket listens before the thread starts."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    port = listener.getsockname()[1]
    config = hypercorn_config.Config()
    config.bind = [f"fd://{listener.detach()}"]  # hypercorn owns and closes the socket
    config.certfile, config.keyfile = str(cert), str(key)
    config.alpn_protocols = alpn
    config.graceful_timeout = 0.5
    config.accesslog = None
    config.errorlog = None  # refused handshakes are expected in some tests
    app = FeedApp()
    loop = asyncio.new_event_loop()
    stop = asyncio.Event()
    failed: list[BaseException] = []

    def run() -> None:
        try:
            loop.run_until_complete(
                hypercorn_asyncio.serve(app, config, shutdown_trigger=stop.wait))
        except BaseException as exc:  # reported when the server is stopped, below
            failed.append(exc)
        finally:
            loop.close()

    thread = threading.Thread(target=run, name=f"h2-server-{port}", daemon=True)
    thread.start()
    try:
        yield TlsServer(port, app)
    finally:
        if not loop.is_closed():
            loop.call_soon_threadsafe(stop.set)
        thread.join(timeout=5)
    assert not thread.is_alive(), "the test server did not stop"
    assert not failed, f"the test server crashed: {failed[0]!r}"


def h2_settings(pki: Pki, **overrides: Any) -> Settings:
    return make_settings(ca_bundle=pki.ca_file, max_retries=0, **overrides)


def fetch_all(settings: Settings, *calls: dict[str, Any]) -> list[FetchResult]:
    """Several fetches, in order, with one Fetcher (so connections are reused)."""

    async def run() -> list[FetchResult]:
        async with Fetcher(settings) as fetcher:
            return [await fetcher.fetch(**call) for call in calls]

    return asyncio.run(run())


def test_fetch_negotiates_http2_with_a_trusted_test_ca(pki: Pki) -> None:
    with tls_server(pki.cert_file, pki.key_file, alpn=["h2", "http/1.1"]) as server:
        [result] = fetch_all(h2_settings(pki), {"url": server.url("/feed.xml")})
    assert result.error is None, result.error
    assert result.status == 200
    assert result.http_version == "HTTP/2"
    assert result.body == FEED
    assert result.etag == ETAG
    # robots.txt then the feed, both over HTTP/2 as the server saw it.
    assert [(s.path, s.http_version) for s in server.app.seen] == [
        ("/robots.txt", "2"), ("/feed.xml", "2")]


def test_conditional_get_over_http2_answers_not_modified(pki: Pki) -> None:
    with tls_server(pki.cert_file, pki.key_file, alpn=["h2", "http/1.1"]) as server:
        url = server.url("/feed.xml")
        first, second = fetch_all(h2_settings(pki), {"url": url}, {"url": url, "etag": ETAG})
    assert first.status == 200 and first.etag == ETAG
    assert second.error is None, second.error
    assert second.status == 304 and second.not_modified
    assert second.http_version == "HTTP/2"
    assert second.body == b""
    feed_requests = [s for s in server.app.seen if s.path == "/feed.xml"]
    assert [s.headers.get("if-none-match") for s in feed_requests] == [None, ETAG]
    assert {s.http_version for s in server.app.seen} == {"2"}


def test_server_offering_only_http11_gets_http11(pki: Pki) -> None:
    with tls_server(pki.cert_file, pki.key_file, alpn=["http/1.1"]) as server:
        [result] = fetch_all(h2_settings(pki), {"url": server.url("/feed.xml")})
    assert result.error is None, result.error
    assert result.http_version == "HTTP/1.1"
    assert result.body == FEED
    assert {s.http_version for s in server.app.seen} == {"1.1"}


def test_plain_http_result_records_http11() -> None:
    with TestServer() as web:
        web.route("/a", body="plain")
        [result] = fetch_all(make_settings(), {"url": web.url("/a")})
    assert result.body == b"plain" and result.http_version == "HTTP/1.1"


def test_without_the_ca_the_certificate_is_refused_cleanly(pki: Pki) -> None:
    with tls_server(pki.cert_file, pki.key_file, alpn=["h2", "http/1.1"]) as server:
        [result] = fetch_all(make_settings(max_retries=2), {"url": server.url("/feed.xml")})
    assert not result.ok
    assert result.status is None and result.body == b"" and result.http_version is None
    assert result.error is not None
    assert "TLS certificate rejected" in result.error
    assert "CERTIFICATE_VERIFY_FAILED" in result.error
    assert result.error_kind == "robots"  # robots.txt failed first: unreadable = disallow
    assert server.app.seen == []  # no request got past the handshake


def test_certificate_refusal_is_its_own_kind_and_not_retried(pki: Pki) -> None:
    """The transfer step itself reports kind "tls"."""
    with tls_server(pki.cert_file, pki.key_file, alpn=["h2", "http/1.1"]) as server:
        result = asyncio.run(_one_transfer(server.url("/feed.xml"), ca_bundle=None))
    assert result.error_kind == "tls"
    assert result.error is not None and "unable to get local issuer certificate" in result.error
    assert not is_retryable(result)  # only a new certificate or CA can fix it
    assert server.app.seen == []


def test_hostname_is_still_verified_with_the_extra_ca(pki: Pki) -> None:
    with tls_server(pki.wrong_name_cert, pki.wrong_name_key, alpn=["h2", "http/1.1"]) as server:
        result = asyncio.run(_one_transfer(server.url("/feed.xml"), ca_bundle=pki.ca_file))
    assert result.error_kind == "tls"
    assert result.error is not None and "127.0.0.1" in result.error
    assert "mismatch" in result.error.lower()
    assert server.app.seen == []


async def _one_transfer(url: str, *, ca_bundle: Path | None) -> FetchResult:
    transport = VettingTransport(AddressPolicy(False, ["127.0.0.1"]), SystemResolver(),
                                 ca_bundle=ca_bundle)
    async with httpx.AsyncClient(transport=transport, trust_env=False) as client:
        return await Transfer(client, max_bytes=1 << 20, total_timeout=5.0)(FetchRequest(url=url))


def test_ssl_context_is_built_once_per_bundle(pki: Pki) -> None:
    assert _ssl_context(pki.ca_file) is _ssl_context(pki.ca_file)
    assert _ssl_context(pki.ca_file) is not _ssl_context(None)
    assert _ssl_context(None).check_hostname  # hostname checks stay on


def test_a_file_without_certificates_is_a_config_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate\n")
    with pytest.raises(ConfigError, match="JARIDA_CA_BUNDLE"):
        _ssl_context(junk)


def test_a_missing_bundle_file_is_rejected_by_settings(tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        Settings(ca_bundle=tmp_path / "absent.pem")
