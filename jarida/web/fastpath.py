"""Cached pages answered without routing, and security headers on every response.

A page the site has already rendered for this data version and interface language is
answered by `answer_from_cache`, called first thing by the application (app.JaridaApp),
before FastAPI's middleware, routing, parameter parsing or worker threads: same body, same
ETag, Cache-Control, Last-Modified, Vary and 304 rules as the routed path (both go through
`caching.validate` with the key of `deps.page_key`). Everything else goes down to the
application, whose responses `SecurityHeaders` completes on the way out.
"""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime
from functools import lru_cache

from starlette.requests import cookie_parser
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from jarida.web.caching import validate
from jarida.web.deps import AppState, page_key
from jarida.web.i18n import COOKIE_NAME, negotiate_language

# Content from other sites is shown here: no script may run but ours, and images may come
# from the outlets until the image proxy lands.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: http: data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
)
_SECURITY_NAMES = frozenset(name for name, _ in SECURITY_HEADERS)
_WANTED = frozenset((b"cookie", b"accept-language", b"if-none-match", b"if-modified-since"))


class SecurityHeaders:
    """Adds the security headers to every response that does not set them itself."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", ()))
                present = {name.lower() for name, _ in headers} & _SECURITY_NAMES
                headers.extend(h for h in SECURITY_HEADERS if h[0] not in present)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


@lru_cache(maxsize=64)
def _http_date(when: datetime) -> str:
    return format_datetime(when, usegmt=True)


async def answer_from_cache(state: AppState, scope: Scope, send: Send) -> bool:
    """Send this GET or HEAD from the page cache when the exact page is there; else False."""
    found: dict[bytes, str] = {}
    for name, value in scope["headers"]:
        if name in _WANTED and name not in found:  # the first one, as Request.headers
            found[name] = value.decode("latin-1")
    cookie = found.get(b"cookie")
    lang = negotiate_language(
        cookie_parser(cookie).get(COOKIE_NAME) if cookie else None,
        found.get(b"accept-language"),
    )
    version = state.versions.current()
    item = state.cache.peek((version.fingerprint, page_key(lang, scope)))
    if item is None:
        return False
    status, headers = validate(
        item, version, found.get(b"if-none-match"), found.get(b"if-modified-since"),
        http_date=_http_date,
    )
    raw = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]
    body = b""
    if status == 200:
        raw.append((b"content-type", item.media_type.encode("latin-1")))
        raw.append((b"content-length", str(len(item.body)).encode()))
        body = item.body if scope["method"] == "GET" else b""
    raw.extend(SECURITY_HEADERS)
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})
    return True

