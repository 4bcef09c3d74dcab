"""Who is reporting: the client's address (X-Forwarded-For only from trusted proxies), its
network, and keyed hashes of both, so no raw address or cookie id is ever stored."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
from collections.abc import Sequence
from functools import lru_cache

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=16)
def _networks(cidrs: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(c, strict=False) for c in cidrs)


def _address(text: str | None) -> IPAddress | None:
    if not text:
        return None
    text = text.strip()
    if text.startswith("[") and "]" in text:  # [v6]:port
        text = text[1 : text.index("]")]
    try:
        addr = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped:
        return addr.ipv4_mapped
    return addr


def client_address(peer: str | None, forwarded_for: Sequence[str],
                   trusted: Sequence[str]) -> IPAddress | None:
    """The reader's address. X-Forwarded-For is read right to left, skipping trusted
    proxies, only when the connecting peer is itself a trusted proxy; otherwise the peer."""
    addr = _address(peer)
    proxies = _networks(tuple(trusted))
    if addr is None or not proxies:
        return addr
    hops = [h for value in forwarded_for for h in value.split(",")]
    while hops and any(addr in net for net in proxies if addr.version == net.version):
        candidate = _address(hops.pop())
        if candidate is None:
            break
        addr = candidate
    return addr


def network_of(addr: IPAddress | None) -> str:
    """/24 for IPv4, /48 for IPv6: one household or office counts as one network."""
    if addr is None:
        return "unknown"
    prefix = 24 if addr.version == 4 else 48
    return str(ipaddress.ip_network(f"{addr}/{prefix}", strict=False))


def keyed_hash(secret: bytes, kind: str, value: str) -> str:
    return hmac.new(secret, f"{kind}\x00{value}".encode(), hashlib.sha256).hexdigest()
