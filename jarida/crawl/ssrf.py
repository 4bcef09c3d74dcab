"""Refuse to fetch from addresses inside the operator's own network (SSRF protection).

A hostile feed can point at 127.0.0.1, the cloud metadata service at
169.254.169.254 or an intranet host. Every address is vetted: IP literals in all
the spellings `inet_aton` accepts (2130706433, 0177.0.0.1, 0x7f.1, 127.1), IPv6
forms that embed an IPv4 address, and whatever a host name resolves to, both
before the request and again on the address actually connected to
(see `jarida.crawl.transport`).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Iterable
from typing import Protocol

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class SsrfRefused(Exception):
    """A connection to a non-public address was refused; the message is one line."""


class Resolver(Protocol):
    """Turns a host name into the IP addresses a connection may use."""

    async def resolve(self, host: str, port: int) -> list[str]: ...


class SystemResolver:
    """The operating system's resolver, run without blocking the event loop."""

    async def resolve(self, host: str, port: int) -> list[str]:
        infos = await asyncio.get_running_loop().getaddrinfo(
            host, port, type=socket.SOCK_STREAM
        )
        return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _ipv4_part(text: str) -> int:
    """One dotted part as inet_aton reads it: 0x hex, leading-zero octal, or decimal."""
    if text[:2].lower() == "0x":
        return int(text[2:], 16)
    if len(text) > 1 and text.startswith("0"):
        return int(text[1:], 8)
    if not text.isdigit():
        raise ValueError(text)
    return int(text)


def _legacy_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """Parse the short, octal, hex and integer IPv4 spellings that resolvers accept."""
    parts = host.split(".")
    if not 1 <= len(parts) <= 4 or not all(parts):
        return None
    try:
        values = [_ipv4_part(part) for part in parts]
    except ValueError:
        return None
    *leading, last = values
    if any(v > 255 for v in leading) or last >= 256 ** (5 - len(values)):
        return None
    number = last
    for index, value in enumerate(leading):
        number += value << (8 * (3 - index))
    return ipaddress.IPv4Address(number)


def parse_ip_literal(host: str) -> IPAddress | None:
    """The address a host string denotes by itself, or None if it is a name."""
    text = host.strip().rstrip(".").strip("[]").split("%", 1)[0]
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None if ":" in text else _legacy_ipv4(text)


def _embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address carried inside an IPv6 one (mapped, 6to4, Teredo, NAT64)."""
    if isinstance(address, ipaddress.IPv4Address):
        return None
    if address.ipv4_mapped:
        return address.ipv4_mapped
    if address.sixtofour:
        return address.sixtofour
    if address.teredo:
        return address.teredo[1]
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def non_public_reason(address: IPAddress) -> str | None:
    """Why an address is not on the public Internet, or None if it is."""
    inner = _embedded_ipv4(address)
    if inner is not None:
        reason = non_public_reason(inner)
        return f"{reason} (embedded in {address})" if reason else None
    checks = (
        ("loopback", address.is_loopback), ("unspecified", address.is_unspecified),
        ("link-local", address.is_link_local), ("multicast", address.is_multicast),
        ("carrier-grade NAT", address in _CGNAT), ("reserved", address.is_reserved),
        ("private", address.is_private), ("non-global", not address.is_global),
    )
    return next((label for label, hit in checks if hit), None)


class AddressPolicy:
    """Decides whether a (host, address) pair may be connected to, from the settings."""

    def __init__(self, allow_private: bool, allowlist: Iterable[str]) -> None:
        self.allow_private = allow_private
        self._hosts: set[str] = set()
        self._networks: list[IPNetwork] = []
        for entry in allowlist:
            try:
                self._networks.append(ipaddress.ip_network(entry.strip("[]"), strict=False))
            except ValueError:
                self._hosts.add(entry.strip().rstrip(".").lower())

    def refusal(self, host: str, address: IPAddress) -> str | None:
        """A one-line reason to refuse, or None when the connection is allowed."""
        reason = non_public_reason(address)
        if reason is None or self.allow_private:
            return None
        if host.rstrip(".").lower() in self._hosts:
            return None
        candidates = [address]
        inner = _embedded_ipv4(address)
        if inner is not None:
            candidates.append(inner)
        if any(a in net for a in candidates for net in self._networks if a.version == net.version):
            return None
        return f"refused to connect to {host} ({address}): {reason} address"

    async def vet_host(self, host: str, port: int, resolver: Resolver) -> list[str]:
        """Addresses of `host` that may be used; raises SsrfRefused when none may."""
        literal = parse_ip_literal(host)
        if literal is not None:
            reason = self.refusal(host, literal)
            if reason:
                raise SsrfRefused(reason)
            return [str(literal)]
        try:
            found = await resolver.resolve(host, port)
        except (OSError, UnicodeError) as exc:
            raise OSError(f"cannot resolve {host}: {exc}") from exc
        if not found:
            raise OSError(f"cannot resolve {host}: no address")
        allowed: list[str] = []
        reasons: list[str] = []
        for text in found:
            reason = self.refusal(host, ipaddress.ip_address(text.split("%", 1)[0]))
            if reason:
                reasons.append(reason)
            else:
                allowed.append(text)
        if not allowed:
            raise SsrfRefused(reasons[0])
        return allowed
