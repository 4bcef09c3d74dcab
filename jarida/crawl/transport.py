"""An httpx transport that vets the address it actually connects to.

Checking a URL's host before the request is not enough: DNS can answer
differently a moment later (rebinding). Here name resolution happens inside the
connection pool, each address is vetted by the `AddressPolicy`, and the socket
is opened to the vetted IP itself; TLS still verifies the original host name.
"""

from __future__ import annotations

import select
import socket
import ssl
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import httpcore
import httpx

from jarida.crawl.ssrf import AddressPolicy, Resolver, SsrfRefused
from jarida.settings import ConfigError


@cache
def _ssl_context(ca_bundle: Path | None = None) -> ssl.SSLContext:
    """One verifying TLS context per extra CA file, built once and shared read-only.

    Loading the public CA bundle costs ~70 ms, hence the cache. `ca_bundle` adds
    authorities (a corporate proxy, a test CA) without dropping the public ones;
    host names are still checked against the certificate.
    """
    context = httpx.create_ssl_context(trust_env=False)
    if ca_bundle is not None:
        try:
            context.load_verify_locations(cafile=ca_bundle)
        except (OSError, ssl.SSLError) as exc:
            raise ConfigError(
                f"JARIDA_CA_BUNDLE {ca_bundle}: no usable PEM certificates ({exc})"
            ) from exc
    return context


def warm_tls(ca_bundle: Path | None = None) -> None:
    """Build the shared TLS context now (a process about to start many fetchers in
    threads at once: each would otherwise build its own before the cache has one)."""
    _ssl_context(ca_bundle)


def _readable(sock: socket.socket | None) -> bool:
    """True when a read would not block: data waiting, the peer closed, or no socket left."""
    if sock is None or sock.fileno() < 0:
        return True
    poller = select.poll()
    poller.register(sock, select.POLLIN)
    return bool(poller.poll(0))


class KnownSocketStream(httpcore.AsyncNetworkStream):
    """A network stream that remembers its socket.

    The pool asks every idle connection "is_readable?" (has the server hung up?)
    several times per request. anyio answers by building a dict of socket
    attributes, with a getpeername() system call, each time: measured at a third
    of the crawl process's CPU. The socket never changes, so look it up once.
    """

    def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
        self._inner = inner
        self._socket: socket.socket | None = inner.get_extra_info("socket")

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._inner.read(max_bytes, timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._inner.write(buffer, timeout)

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        return KnownSocketStream(await self._inner.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable":
            return _readable(self._socket)
        if info == "socket":
            return self._socket
        return self._inner.get_extra_info(info)


class VettingBackend(httpcore.AsyncNetworkBackend):
    """Resolves, vets, then connects to one of the permitted addresses."""

    def __init__(self, policy: AddressPolicy, resolver: Resolver,
                 inner: httpcore.AsyncNetworkBackend | None = None) -> None:
        self._policy = policy
        self._resolver = resolver
        self._inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            addresses = await self._policy.vet_host(host, port, self._resolver)
        except OSError as exc:
            raise httpcore.ConnectError(str(exc)) from exc
        last_error: Exception = httpcore.ConnectError(f"no address for {host}")
        for address in addresses:
            try:
                return KnownSocketStream(await self._inner.connect_tcp(
                    address, port, timeout=timeout, local_address=local_address,
                    socket_options=socket_options,
                ))
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last_error = exc
        raise last_error

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise SsrfRefused("unix sockets are never used for fetching")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class VettingTransport(httpx.AsyncHTTPTransport):
    """httpx's own transport over a `VettingBackend`, no proxies.

    HTTP/2 is used when the server offers it in the TLS handshake (ALPN), else
    HTTP/1.1; plain http:// is always HTTP/1.1 (no prior-knowledge upgrade).
    """

    def __init__(self, policy: AddressPolicy, resolver: Resolver, *, http2: bool = True,
                 limits: httpx.Limits | None = None, ca_bundle: Path | None = None) -> None:
        limits = limits or httpx.Limits(max_connections=100, max_keepalive_connections=20)
        ssl_context = _ssl_context(ca_bundle)
        super().__init__(verify=ssl_context, http2=http2, limits=limits, trust_env=False)
        # httpx does not take a network backend, so the pool it built is replaced by an
        # identical one that connects through the vetting backend.
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            http1=True,
            http2=http2,
            network_backend=VettingBackend(policy, resolver),
        )
