"""Compressed responses: brotli when the client asks for it, else gzip (RFC 9110 §8.4, §12.5.3).

Cached pages keep their compressed bodies beside the plain one (`caching.Rendered.encoded`,
each coding made once, on first demand), so the fast path sends them without compressing
again. Every other answer (static files, error pages, problem details) is compressed on
its way out by `Compression`; static files, the same bytes on every request, are kept
compressed by their ETag in a small bounded memo.
"""

from __future__ import annotations

import gzip
import threading
from collections import OrderedDict
from functools import lru_cache

import brotli
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Below this, compression saves less than it costs (headers, a round of CPU).
MIN_SIZE = 512
# Buffered to compress in one go: larger answers (none of the site's) go out as they are.
MAX_BUFFER = 4 * 1024 * 1024
# Uncached pages (each article page the first time) are compressed as they are served:
# on a 16 KB article page brotli 4 and gzip 4 take about 0.26 and 0.28 ms of CPU for
# 3.7 and 3.9 KB, against 0.34 and 0.38 ms for 3.3 and 3.7 KB at brotli 5 and gzip 6.
BROTLI_QUALITY = 4
GZIP_LEVEL = 4
COMPRESSIBLE = ("text/", "application/json", "application/problem+json",
                "application/javascript", "application/xml", "application/rss+xml",
                "application/atom+xml", "image/svg+xml")


def compressible(media_type: str) -> bool:
    return media_type.startswith(COMPRESSIBLE)


@lru_cache(maxsize=256)
def choose_coding(accept_encoding: str | None) -> str | None:
    """"br", "gzip" or None (identity) for an Accept-Encoding header; brotli first."""
    if not accept_encoding:
        return None
    quality: dict[str, float] = {}
    for part in accept_encoding.lower().split(","):
        name, _, params = part.strip().partition(";")
        value = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                value = float(params[2:])
            except ValueError:
                value = 0.0
        quality[name.strip()] = value
    star = quality.get("*", 0.0)
    for coding in ("br", "gzip"):
        if quality.get(coding, star) > 0:
            return coding
    return None


def encode(body: bytes, coding: str) -> bytes:
    if coding == "br":
        return bytes(brotli.compress(body, quality=BROTLI_QUALITY))
    return gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)


def add_vary(existing: str | None) -> str:
    """The Vary header with Accept-Encoding added (once)."""
    if not existing:
        return "Accept-Encoding"
    if "accept-encoding" in existing.lower():
        return existing
    return existing + ", Accept-Encoding"


class _Memo:
    """Compressed bodies of answers with an ETag (static files), bounded LRU."""

    def __init__(self, max_entries: int = 128) -> None:
        self._items: OrderedDict[tuple[bytes, str, bytes], bytes] = OrderedDict()
        self._max = max_entries
        self._lock = threading.Lock()

    def get(self, key: tuple[bytes, str, bytes], body: bytes, coding: str) -> bytes:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
                return found
        made = encode(body, coding)
        with self._lock:
            self._items[key] = made
            while len(self._items) > self._max:
                self._items.popitem(last=False)
        return made


class Compression:
    """Compresses the answers that the page cache did not already compress."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._memo = _Memo()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] == "HEAD":
            await self.app(scope, receive, send)
            return
        accept = None
        for name, value in scope["headers"]:
            if name == b"accept-encoding":
                accept = value.decode("latin-1")
                break
        coding = choose_coding(accept)
        if coding is None:
            await self.app(scope, receive, send)
            return
        extensions = scope.get("extensions") or {}
        if "http.response.pathsend" in extensions:
            # A server that sends files itself (granian) would send them uncompressed:
            # static files then come through as bodies, to be compressed here.
            scope = {**scope, "extensions": {k: v for k, v in extensions.items()
                                             if k != "http.response.pathsend"}}
        await self.app(scope, receive, _Compressing(send, coding, self._memo, scope["path"]))


class _Compressing:
    """The `send` of one response: holds its start and body, then sends them compressed."""

    def __init__(self, send: Send, coding: str, memo: _Memo, path: str) -> None:
        self._send = send
        self._coding = coding
        self._memo = memo
        self._path = path.encode("utf-8", "replace")
        self._start: Message | None = None
        self._chunks: list[bytes] = []
        self._size = 0
        self._passing = False

    async def __call__(self, message: Message) -> None:
        if self._passing:
            await self._send(message)
        elif message["type"] == "http.response.start":
            headers = {k.lower(): v for k, v in message.get("headers", ())}
            media = headers.get(b"content-type", b"").decode("latin-1")
            if (b"content-encoding" in headers or message["status"] in (204, 304)
                    or not compressible(media)):
                self._passing = True
                await self._send(message)
            else:
                self._start = message
        elif message["type"] == "http.response.body":
            await self._body(message)
        else:  # any other way of sending the body: the held start goes first, as it is
            self._passing = True
            if self._start is not None:
                await self._send(self._start)
            await self._send(message)

    async def _body(self, message: Message) -> None:
        assert self._start is not None
        self._chunks.append(message.get("body", b""))
        self._size += len(self._chunks[-1])
        if message.get("more_body", False):
            if self._size > MAX_BUFFER:  # too big to hold: send what we have as it is
                self._passing = True
                await self._send(self._start)
                await self._send({"type": "http.response.body", "body": b"".join(self._chunks),
                                  "more_body": True})
            return
        body = b"".join(self._chunks)
        start = self._start
        if len(body) >= MIN_SIZE:
            body, start = self._compressed(body, start)
        await self._send(start)
        await self._send({"type": "http.response.body", "body": body})

    def _compressed(self, body: bytes, start: Message) -> tuple[bytes, Message]:
        headers = [(k, v) for k, v in start.get("headers", ())
                   if k.lower() not in (b"content-length", b"vary")]
        vary = next((v.decode("latin-1") for k, v in start.get("headers", ())
                     if k.lower() == b"vary"), None)
        etag = next((v for k, v in headers if k.lower() == b"etag"), None)
        if etag is not None:
            encoded = self._memo.get((self._path, self._coding, etag), body, self._coding)
        else:
            encoded = encode(body, self._coding)
        headers += [(b"content-encoding", self._coding.encode()),
                    (b"content-length", str(len(encoded)).encode()),
                    (b"vary", add_vary(vary).encode("latin-1"))]
        return encoded, {**start, "headers": headers}
