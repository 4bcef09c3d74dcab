"""What one fetch produced: a frozen record the caller can store or act on without I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from jarida.crawl.encoding import decode

ErrorKind = Literal[
    "url", "scheme", "ssrf", "robots", "timeout", "too_large", "http", "network", "redirects",
    "decoding", "tls",
]


@dataclass(frozen=True)
class FetchResult:
    """Outcome of `Fetcher.fetch`; expected failures set `error` instead of raising."""

    url: str
    final_url: str
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    encoding: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    not_modified: bool = False
    permanent_redirect: str | None = None
    gone: bool = False
    error: str | None = None
    error_kind: ErrorKind | None = None
    elapsed: float = 0.0
    retry_after: float | None = None  # seconds the server asked us to wait, when it did
    attempts: int = 1
    http_version: str | None = None  # as negotiated: "HTTP/1.1" or "HTTP/2"; None if no answer
    truncated: bool = False  # the body was cut at the request's max_bytes (request.truncate)

    @property
    def ok(self) -> bool:
        """True when the body (or the caller's stored copy, if not modified) is usable."""
        return self.error is None

    def text(self) -> str:
        """The body decoded with the detected encoding; undecodable bytes become U+FFFD."""
        return decode(self.body, self.encoding)


def failure(url: str, kind: ErrorKind, message: str, *, final_url: str | None = None,
            status: int | None = None) -> FetchResult:
    """A result for a fetch that did not produce a usable body."""
    return FetchResult(url=url, final_url=final_url or url, status=status, error=message,
                       error_kind=kind)
