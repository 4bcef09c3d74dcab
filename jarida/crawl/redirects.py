"""Rules for following redirects by hand, so each hop is vetted like the first request."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
PERMANENT_STATUSES = frozenset({301, 308})
CREDENTIAL_HEADERS = frozenset({"authorization", "cookie", "proxy-authorization"})


def origin(url: str) -> tuple[str, str, int | None]:
    """(scheme, host, port) with default ports made explicit."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    return scheme, (parts.hostname or "").lower(), port or {"http": 80, "https": 443}.get(scheme)


def redirect_target(base: str, status: int | None, headers: dict[str, str]) -> str | None:
    """The absolute URL a redirect response points at, or None if it is not a redirect."""
    if status not in REDIRECT_STATUSES:
        return None
    location = headers.get("location")
    if not location:
        return None
    return urljoin(base, location.strip()).split("#", 1)[0]


def headers_for_hop(headers: dict[str, str], source: str, target: str) -> dict[str, str]:
    """Drop credentials when a redirect leaves the origin they were meant for."""
    if origin(source) == origin(target):
        return headers
    return {k: v for k, v in headers.items() if k.lower() not in CREDENTIAL_HEADERS}
