"""A local HTTP server for offline tests, with a route table and fault injection.

Usage (the `web` fixture in tests/crawl/conftest.py starts one per test)::

    web.route("/feed.xml", body=xml, headers={"Content-Type": "application/rss+xml"})
    web.route("/flaky", sequence=[Reply(status=500), Reply(body="ok")])
    web.route("/limited", status=429, headers={"Retry-After": "2"})
    web.route("/etag", body="v1", etag='"v1"')            # answers 304 to If-None-Match
    web.route("/slow", body=b"x" * 100, drip=0.2)          # one byte every 0.2 s
    web.route("/endless", endless=True)                    # chunked body that never ends
    web.route("/reset", sequence=[Reply(drop=True), Reply(body="back")])  # network error
    web.route("/bomb", body=gzip_bomb(), headers={"Content-Encoding": "gzip"})
    web.redirect("/old", "/new", status=301)
    fetch(web.url("/feed.xml")); assert web.count("/feed.xml") == 1
    web.requests[-1].headers["user-agent"]

Unknown paths answer 404 (so robots.txt is "unavailable", i.e. allow all, unless
a test registers one). The server binds 127.0.0.1 on an ephemeral port, serves
each connection in a daemon thread and speaks HTTP/1.1 with keep-alive.
"""

from __future__ import annotations

import gzip
import threading
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

import brotli


@dataclass(frozen=True)
class Reply:
    """One canned response. `drip` sends the body one byte per `drip` seconds."""

    status: int = 200
    body: bytes | str = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line is sent
    drip: float | None = None
    endless: bool = False  # a chunked body of zeros that never ends
    drop: bool = False  # close the connection without answering (a network error)

    def data(self) -> bytes:
        return self.body.encode("utf-8") if isinstance(self.body, str) else self.body


@dataclass(frozen=True)
class RecordedRequest:
    """What the server saw: for assertions on headers, counts and timing."""

    method: str
    path: str
    headers: dict[str, str]  # lower-cased names
    at: float  # time.monotonic() when the request line arrived
    port: int  # the server's port, to tell two servers apart


Responder = Callable[[RecordedRequest], Reply]


@dataclass
class _Route:
    replies: list[Reply]
    etag: str | None = None
    last_modified: str | None = None
    responder: Responder | None = None
    served: int = 0

    def next_reply(self, request: RecordedRequest) -> Reply:
        if self.responder is not None:
            return self.responder(request)
        reply = self.replies[min(self.served, len(self.replies) - 1)]
        self.served += 1
        if self._not_modified(request.headers):
            return Reply(status=304, headers=self._validators())
        if reply.status == 200 and self._validators():
            return replace(reply, headers={**self._validators(), **reply.headers})
        return reply

    def _validators(self) -> dict[str, str]:
        found = {"ETag": self.etag, "Last-Modified": self.last_modified}
        return {k: v for k, v in found.items() if v}

    def _not_modified(self, headers: dict[str, str]) -> bool:
        if self.etag and "if-none-match" in headers:  # RFC 9110: ETag takes precedence
            return self.etag in [t.strip() for t in headers["if-none-match"].split(",")]
        return bool(self.last_modified) and headers.get("if-modified-since") == self.last_modified


class TestServer:
    """Threaded HTTP server on a loopback address (127.0.0.1 unless told: 127.0.0.2 and up
    are other hosts to the crawler) whose answers tests register per path."""

    __test__ = False  # not a pytest test class

    def __init__(self, address: str = "127.0.0.1") -> None:
        self.address = address
        self._routes: dict[str, _Route] = {}
        self._lock = threading.Lock()
        self.requests: list[RecordedRequest] = []
        self._httpd = ThreadingHTTPServer((address, 0), _make_handler(self))
        self._httpd.daemon_threads = True
        self._httpd.block_on_close = False
        self.port = int(self._httpd.server_address[1])
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.02,), daemon=True)

    # --- lifecycle -------------------------------------------------------------------
    def start(self) -> TestServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> TestServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    # --- registering answers -----------------------------------------------------------
    def route(self, path: str, body: bytes | str = b"", *, status: int = 200,
              headers: dict[str, str] | None = None, sequence: Iterable[Reply] | None = None,
              etag: str | None = None, last_modified: str | None = None,
              delay: float = 0.0, drip: float | None = None, endless: bool = False,
              responder: Responder | None = None) -> None:
        """Register what `path` (with its query string, if any) answers.

        `sequence` gives successive replies (the last one repeats); otherwise one reply
        is built from body/status/headers. `etag`/`last_modified` make the route answer
        304 to a matching conditional request. `responder` computes replies itself.
        """
        replies = list(sequence or [Reply(status, body, dict(headers or {}), delay, drip,
                                          endless)])
        with self._lock:
            self._routes[path] = _Route(replies, etag, last_modified, responder)

    def redirect(self, path: str, location: str, status: int = 302) -> None:
        """Register a redirect from `path` to `location` (relative or absolute)."""
        self.route(path, status=status, headers={"Location": location})

    def url(self, path: str = "/") -> str:
        return f"http://{self.address}:{self.port}{path}"

    # --- inspecting what happened ------------------------------------------------------
    def requests_for(self, path: str) -> list[RecordedRequest]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    def count(self, path: str) -> int:
        return len(self.requests_for(path))

    # --- used by the handler ---------------------------------------------------------
    def _answer(self, request: RecordedRequest) -> Reply:
        with self._lock:
            self.requests.append(request)
            route = self._routes.get(request.path) or self._routes.get(
                request.path.split("?", 1)[0])
            if route is None:
                return Reply(status=404, body="not found")
            return route.next_reply(request)


def _make_handler(server: TestServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            """Keep test output quiet."""

        def do_GET(self) -> None:
            request = RecordedRequest(
                self.command, self.path, {k.lower(): v for k, v in self.headers.items()},
                time.monotonic(), server.port,
            )
            reply = server._answer(request)
            if reply.drop:
                self.close_connection = True
                return
            try:
                self._send(reply)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True

        def _send(self, reply: Reply) -> None:
            if reply.delay:
                time.sleep(reply.delay)
            self.send_response(reply.status)
            names = {k.lower() for k in reply.headers}
            for name, value in reply.headers.items():
                self.send_header(name, value)
            data = reply.data()
            if reply.endless:
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                chunk = b"\0" * 65536
                while True:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            if "content-type" not in names and reply.status != 304:
                self.send_header("Content-Type", "text/plain")
            if reply.status != 304:
                self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if reply.drip is None:
                self.wfile.write(data)
                return
            for index in range(len(data)):
                self.wfile.write(data[index:index + 1])
                self.wfile.flush()
                time.sleep(reply.drip)

    return Handler


@lru_cache(maxsize=1)
def gzip_bomb(megabytes: int = 64) -> bytes:
    """Small gzip data (about 64 KB) that inflates to `megabytes` MiB of zeros."""
    packer = zlib.compressobj(6, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = b"\0" * (1 << 20)
    return b"".join([*(packer.compress(zeros) for _ in range(megabytes)), packer.flush()])


@lru_cache(maxsize=1)
def brotli_bomb(megabytes: int = 256) -> bytes:
    """A few hundred bytes of brotli that inflate to `megabytes` MiB of zeros."""
    packer = brotli.Compressor(quality=3)
    zeros = b"\0" * (1 << 20)
    return b"".join([*(packer.process(zeros) for _ in range(megabytes)), packer.finish()])


def gzipped(data: bytes) -> bytes:
    """gzip `data` (for routes that serve compressed bodies)."""
    return gzip.compress(data)
