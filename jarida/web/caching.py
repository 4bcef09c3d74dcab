"""HTTP caching in one place: data version, bounded page cache, ETag and 304 (RFC 9110 §13)."""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from email.utils import format_datetime, parsedate_to_datetime

from fastapi import Request, Response

from jarida.storage import Database
from jarida.storage.web_queries import DataVersion, data_version


class VersionWatch:
    """Asks the database for its data version at most once per `ttl` seconds."""

    def __init__(
        self, database: Database, ttl: float = 1.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._database = database
        self._ttl = ttl
        self._clock = clock
        self._lock = threading.Lock()
        self._checked_at = float("-inf")
        self._version = DataVersion("", None)

    def current(self) -> DataVersion:
        with self._lock:
            now = self._clock()
            if now - self._checked_at >= self._ttl:
                with self._database.read() as conn:
                    self._version = data_version(conn)
                self._checked_at = now
            return self._version


@dataclass(frozen=True)
class Rendered:
    body: bytes
    media_type: str
    etag: str


class PageCache:
    """Bounded LRU of rendered bodies; keys include the data version, so stale ones age out."""

    def __init__(self, max_entries: int = 512) -> None:
        self._items: OrderedDict[Hashable, Rendered] = OrderedDict()
        self._max = max_entries
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get_or_render(self, key: Hashable, render: Callable[[], tuple[bytes, str]]) -> Rendered:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
                self.hits += 1
                return found
            self.misses += 1
        body, media_type = render()
        item = Rendered(body, media_type, weak_etag(body))
        with self._lock:
            self._items[key] = item
            self._items.move_to_end(key)
            while len(self._items) > self._max:
                self._items.popitem(last=False)
        return item

    def __len__(self) -> int:
        return len(self._items)


def weak_etag(body: bytes) -> str:
    return 'W/"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'


def _etag_matches(header: str, etag: str) -> bool:
    """Weak comparison, as If-None-Match requires."""
    if header.strip() == "*":
        return True
    opaque = etag.removeprefix("W/")
    return any(tag.strip().removeprefix("W/") == opaque for tag in header.split(","))


def _not_modified_since(request: Request, version: DataVersion) -> bool:
    header = request.headers.get("if-modified-since")
    if not header or version.last_changed is None:
        return False
    try:
        since = parsedate_to_datetime(header)
    except (TypeError, ValueError):
        return False
    if since.tzinfo is None:
        return False
    return version.last_changed.replace(microsecond=0) <= since


def conditional_response(
    request: Request,
    item: Rendered,
    version: DataVersion,
    *,
    max_age: int = 60,
    vary: str | None = None,
) -> Response:
    """200 with validators, or 304 when the client's copy is still good."""
    headers = {"ETag": item.etag, "Cache-Control": f"public, max-age={max_age}"}
    if version.last_changed is not None:
        headers["Last-Modified"] = format_datetime(version.last_changed, usegmt=True)
    if vary:
        headers["Vary"] = vary
    inm = request.headers.get("if-none-match")
    # If-None-Match takes precedence over If-Modified-Since (RFC 9110 §13.1.3); a body that
    # varies with the reader's language is only revalidated by its ETag.
    if inm is not None:
        fresh = _etag_matches(inm, item.etag)
    else:
        fresh = vary is None and _not_modified_since(request, version)
    if fresh:
        return Response(status_code=304, headers=headers)
    return Response(item.body, media_type=item.media_type, headers=headers)
