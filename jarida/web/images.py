"""`GET /media/<image id>/<width>.webp`: stored renditions, by id only, answered before routing.

Nothing is ever fetched here: an id names a row of `images`, whose picture is in the
media store or not (404). A blocked image answers 410 whatever the width or format.
Renditions are immutable (content-addressed), so the ETag is the content hash and
width; a block changes the answer to 410 on the next version check of each process.
The bytes of the most requested files are kept in a bounded in-memory cache.
"""

from __future__ import annotations

import asyncio
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass

from starlette.concurrency import run_in_threadpool
from starlette.types import Scope, Send

from jarida.media.store import EXTENSIONS, MediaStore
from jarida.storage import images as image_store
from jarida.web.deps import AppState, reads_are_local
from jarida.web.imagery import MEDIA_PREFIX

PREFIX = MEDIA_PREFIX
_PATH = re.compile(r"/media/([1-9][0-9]{0,9})/([1-9][0-9]{0,4})\.(webp|jpg)")
CACHE_CONTROL = b"public, max-age=86400"
IMAGE_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"content-security-policy", b"default-src 'none'; sandbox"),
    (b"cross-origin-resource-policy", b"same-site"),
    (b"referrer-policy", b"no-referrer"),
)


@dataclass(frozen=True, slots=True)
class _Found:
    status: int  # 200, 404, 410
    sha256: str = ""


class BytesCache:
    """The most recently served files, up to `max_bytes` in all."""

    def __init__(self, max_bytes: int = 64 << 20) -> None:
        self._items: OrderedDict[str, bytes] = OrderedDict()
        self._size = 0
        self._max = max_bytes
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: str, data: bytes) -> None:
        if len(data) > self._max // 8:
            return
        with self._lock:
            if key in self._items:
                return
            self._items[key] = data
            self._size += len(data)
            while self._size > self._max:
                _, old = self._items.popitem(last=False)
                self._size -= len(old)


_files = BytesCache()
_sizes: dict[str, int] = {}  # content-addressed files never change size


def _lookup(state: AppState, image_id: int, width: int, ext: str) -> _Found:
    fingerprint = state.versions.current().fingerprint

    def read() -> image_store.ShownImage | None:
        with state.database.read() as conn:
            return image_store.shown_image(conn, image_id)

    shown = state.memo.get(fingerprint, ("media", image_id), read)
    if not isinstance(shown, image_store.ShownImage):
        return _Found(404)
    if shown.blocked:
        return _Found(410)
    if not shown.servable or width not in shown.widths or ext not in shown.formats:
        return _Found(404)
    return _Found(200, shown.sha256 or "")


async def answer_media(state: AppState, scope: Scope, send: Send) -> bool:
    """Answer a GET or HEAD under /media/; False for any other path."""
    path: str = scope["path"]
    if not path.startswith(PREFIX):
        return False
    match = _PATH.fullmatch(path)
    if match is None or scope.get("root_path"):
        await _send_status(send, 404)
        return True
    image_id, width, ext = int(match[1]), int(match[2]), match[3]
    if reads_are_local(state):
        found = _lookup(state, image_id, width, ext)
    else:
        found = await run_in_threadpool(_lookup, state, image_id, width, ext)
    if found.status != 200:
        await _send_status(send, found.status)
        return True
    etag = f'"{found.sha256[:32]}-{width}"'.encode()
    for name, value in scope["headers"]:
        if name == b"if-none-match" and etag in {v.strip() for v in value.split(b",")}:
            await _send(send, 304, [(b"etag", etag), (b"cache-control", CACHE_CONTROL)], b"")
            return True
    file = MediaStore(state.settings.media_dir).path(found.sha256, width, ext)
    if scope["method"] == "GET" and "http.response.pathsend" in scope.get("extensions", {}):
        # The server (granian) reads and sends the file itself, no copy through Python.
        size = _sizes.get(str(file))
        if size is None:
            try:
                size = (await asyncio.to_thread(file.stat)).st_size
            except OSError:
                await _send_status(send, 404)
                return True
            _sizes[str(file)] = size
        await send({"type": "http.response.start", "status": 200,
                    "headers": [*_ok_headers(ext, size, etag), *IMAGE_HEADERS]})
        await send({"type": "http.response.pathsend", "path": str(file)})
        return True
    key = f"{found.sha256}-{width}.{ext}"
    data = _files.get(key)
    if data is None:
        try:
            data = await asyncio.to_thread(file.read_bytes)
        except OSError:
            await _send_status(send, 404)
            return True
        _files.put(key, data)
    headers = _ok_headers(ext, len(data), etag)
    await _send(send, 200, headers, data if scope["method"] == "GET" else b"")
    return True


def _ok_headers(ext: str, size: int, etag: bytes) -> list[tuple[bytes, bytes]]:
    return [
        (b"content-type", EXTENSIONS[ext].encode()),
        (b"content-length", str(size).encode()),
        (b"etag", etag),
        (b"cache-control", CACHE_CONTROL),
    ]


_STATUS_TEXT = {404: b"No such image.\n", 410: b"This image was withdrawn.\n"}


async def _send_status(send: Send, status: int) -> None:
    body = _STATUS_TEXT.get(status, b"")
    await _send(send, status, [(b"content-type", b"text/plain; charset=utf-8"),
                               (b"content-length", str(len(body)).encode()),
                               (b"cache-control", b"no-cache")], body)


async def _send(send: Send, status: int, headers: list[tuple[bytes, bytes]], body: bytes
                ) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [*headers, *IMAGE_HEADERS]})
    await send({"type": "http.response.body", "body": body})
