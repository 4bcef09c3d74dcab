"""One spelling per feed address, so the same feed is never registered twice.

`normalise_feed_url` lowercases the scheme and host, drops the default port, the empty
path (`https://a.ma` is `https://a.ma/`) and the fragment (never sent to the server).
`feed_url_variants` adds the spellings with and without a trailing slash, which servers
answer alike for feeds: matching tries every variant, storing uses the normal form.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

DEFAULT_PORTS = {"http": 80, "https": 443}


def normalise_feed_url(url: str) -> str:
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = parts.hostname or ""
    if ":" in host:  # an IPv6 literal
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:  # not a number: leave the address to the URL checks
        return url.strip()
    netloc = host if port in (None, DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    if parts.username is not None:
        userinfo = parts.netloc.rsplit("@", 1)[0]
        netloc = f"{userinfo}@{netloc}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def feed_url_variants(url: str) -> list[str]:
    """The spellings a registered feed may be stored under (as given, normal, ± slash)."""
    normal = normalise_feed_url(url)
    found = [url, normal]
    parts = urlsplit(normal)
    if parts.path != "/":
        other = parts.path[:-1] if parts.path.endswith("/") else f"{parts.path}/"
        found.append(urlunsplit(parts._replace(path=other)))
    return list(dict.fromkeys(found))


def feed_url_key(url: str) -> str:
    """Two spellings of one feed (host case, default port, trailing slash) share a key."""
    normal = normalise_feed_url(url)
    parts = urlsplit(normal)
    return urlunsplit(parts._replace(path=parts.path.rstrip("/") or "/"))
