"""Cached pages answered without routing, and security headers on every response.

A page the site has already rendered for this data version and interface language is
answered by `answer_from_cache`, called first thing by the application (app.JaridaApp),
before FastAPI's middleware, routing, parameter parsing or worker threads: same body, same
ETag, Cache-Control, Last-Modified, Vary and 304 rules as the routed path (both go through
`caching.validate` with the key of `deps.page_key`), in the coding the client's
Accept-Encoding prefers (the cached item keeps its brotli and gzip bodies). The header
lines of a plain 200 are built once per cached page, coding and data version
(`PreparedHeaders`), the interface language once per distinct Cookie and Accept-Language
pair.

An article page that is not cached yet (`/articles/<id>`, SQLite) is rendered by
`answer_article`, also before routing: the same function as the routed page
(pages.article_response), the same Response object, the same security headers. Whatever
it cannot answer exactly as the routed path would (an unknown or removed article, an id
that is not a plain positive number, any error) goes down to the application, untouched.
Everything else goes down to the application, whose responses `SecurityHeaders`
completes on the way out.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Hashable
from datetime import datetime
from email.utils import format_datetime
from functools import lru_cache

from starlette.requests import Request, cookie_parser
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from jarida.storage.web_queries import DataVersion
from jarida.web.caching import Rendered, validate
from jarida.web.compression import choose_coding
from jarida.web.deps import AppState, page_key, reads_are_local
from jarida.web.i18n import COOKIE_NAME, Interface, negotiate_language
from jarida.web.pages import article_response
from jarida.web.query import MAX_ID

# Content from other sites is shown here: no script may run but ours, and images come only
# from this site (the media store, jarida.web.images): a reader's browser never contacts an
# outlet, not even for an <img> left in an article's body.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
)
_SECURITY_NAMES = frozenset(name for name, _ in SECURITY_HEADERS)
_WANTED = frozenset((b"cookie", b"accept-language", b"if-none-match", b"if-modified-since",
                     b"accept-encoding"))


def with_security_headers(send: Send) -> Send:
    """`send`, adding the security headers a response start does not set itself."""

    async def send_with_headers(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", ()))
            present = {name.lower() for name, _ in headers} & _SECURITY_NAMES
            headers.extend(h for h in SECURITY_HEADERS if h[0] not in present)
            message = {**message, "headers": headers}
        await send(message)

    return send_with_headers


class SecurityHeaders:
    """Adds the security headers to every response that does not set them itself."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        await self.app(scope, receive, with_security_headers(send))


@lru_cache(maxsize=64)
def _http_date(when: datetime) -> str:
    return format_datetime(when, usegmt=True)


@lru_cache(maxsize=256)
def _language(cookie: str | None, accept_language: str | None) -> str:
    """The interface language for these two raw headers (few distinct values: memoised)."""
    return negotiate_language(
        cookie_parser(cookie).get(COOKIE_NAME) if cookie else None, accept_language
    )


RawHeaders = list[tuple[bytes, bytes]]


def _raw_headers(item: Rendered, status: int, headers: dict[str, str], body: bytes,
                 coding: str | None) -> RawHeaders:
    raw = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]
    if status == 200:
        raw.append((b"content-type", item.media_type.encode("latin-1")))
        if coding is not None:
            raw.append((b"content-encoding", coding.encode()))
        raw.append((b"content-length", str(len(body)).encode()))
    raw.extend(SECURITY_HEADERS)
    return raw


class PreparedHeaders:
    """The header lines of a 200 from the cache, built once per cached page and version.

    A request without validators always gets a 200 whose headers depend only on the
    cached item and the data version (`caching.validate`). They are kept by page key with
    the item (weakly: an evicted page's body is not kept alive here) and the version they
    were built for, and only reused for that very item and version. At most
    `max_entries` small lists, all dropped at once when full.
    """

    def __init__(self, max_entries: int = 2048) -> None:
        self._items: dict[Hashable, tuple[weakref.ref[Rendered], DataVersion, RawHeaders]] = {}
        self._max = max_entries

    def get(self, key: Hashable, item: Rendered, version: DataVersion, body: bytes,
            coding: str | None) -> RawHeaders:
        """`body` is the item's body in `coding` (what `Rendered.body_for` gave)."""
        key = (key, coding)
        found = self._items.get(key)
        if found is not None and found[0]() is item and found[1] is version:
            return found[2]
        _, headers = validate(item, version, None, None, http_date=_http_date)
        raw = _raw_headers(item, 200, headers, body, coding)
        if len(self._items) >= self._max:
            self._items.clear()
        self._items[key] = (weakref.ref(item), version, raw)
        return raw

    def __len__(self) -> int:
        return len(self._items)


_prepared = PreparedHeaders()


async def answer_from_cache(state: AppState, scope: Scope, send: Send) -> bool:
    """Send this GET or HEAD from the page cache when the exact page is there; else False."""
    found: dict[bytes, str] = {}
    for name, value in scope["headers"]:
        if name in _WANTED and name not in found:  # the first one, as Request.headers
            found[name] = value.decode("latin-1")
    lang = _language(found.get(b"cookie"), found.get(b"accept-language"))
    version = state.versions.current()
    key = (version.fingerprint, page_key(lang, scope))
    item = state.cache.peek(key)
    if item is None:
        return await answer_article(state, scope, send, lang)
    none_match, modified_since = found.get(b"if-none-match"), found.get(b"if-modified-since")
    body, coding = item.body_for(choose_coding(found.get(b"accept-encoding")))
    if none_match is None and modified_since is None:
        status, raw = 200, _prepared.get(key, item, version, body, coding)
    else:
        status, headers = validate(item, version, none_match, modified_since,
                                   http_date=_http_date)
        raw = _raw_headers(item, status, headers, body, coding)
    body = body if status == 200 and scope["method"] == "GET" else b""
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})
    return True


_ARTICLE_PREFIX = "/articles/"
_MAX_DIGITS = len(str(MAX_ID))


def article_id(scope: Scope) -> int | None:
    """The id of `/articles/<id>` when it is written plainly (ASCII digits, no leading zero,
    1 to query.MAX_ID) and the app is not mounted under a prefix; else None, and the routed
    path decides (a 404 or 422 page, a redirect...)."""
    path: str = scope["path"]
    if not path.startswith(_ARTICLE_PREFIX) or scope.get("root_path"):
        return None
    digits = path[len(_ARTICLE_PREFIX):]
    if not (0 < len(digits) <= _MAX_DIGITS and digits.isascii() and digits.isdigit()):
        return None
    number = int(digits)
    return number if digits[0] != "0" and number <= MAX_ID else None


async def _no_body() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}


async def answer_article(state: AppState, scope: Scope, send: Send, lang: str) -> bool:
    """Render and send an uncached article page (GET or HEAD) without routing; else False.

    Only over SQLite, where the routed page also renders on the event loop after yielding
    once (pages.article_page); it yields here too. Nothing is sent unless the page was
    found: for a missing or removed article, or any error, the application takes the
    request from the start and answers it as it always does (its 404 page reads the
    article once more: a rare request).
    """
    number = article_id(scope)
    if number is None or not reads_are_local(state):
        return False
    await asyncio.sleep(0)
    ui = Interface(lang=lang, timezone=state.settings.timezone)
    try:
        response = article_response(state, ui, Request(scope), number)
    except Exception:  # the routed path answers it: its 404 page, its 500...
        return False
    await response(scope, _no_body, with_security_headers(send))
    return True
