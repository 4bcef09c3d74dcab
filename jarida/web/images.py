"""`GET /media/<image id>/<width>.webp`: stored renditions, by id only, answered before routing.

Nothing is ever fetched here: an id names a row of `images`, whose picture is in the
media store or not (404). A blocked image answers 410 whatever the width or format.
Renditions are immutable (content-addressed), so the ETag is the content hash and width.

`serve_media` is called by the application (app.JaridaApp) first thing, before the
metrics wrapper, the page cache, FastAPI's middleware and routing; it counts the request
itself. Each path's whole answer (status, header lines, the file's bytes) is prepared
once and kept for the data version it was prepared under (`MediaAnswers`): a request
then costs a dictionary lookup, a version comparison and the two ASGI sends. A block
bumps the data version (storage.blocking), so every serving process drops its prepared
answers and reads the image's row again on its next version check (at most
`version_ttl`, 1 s), exactly as the page cache does. On a miss the file's bytes are
reused from the previous answer when its content is the same, so a new data version
costs a row lookup, not a disk read. Files over `MAX_KEPT_FILE` are not kept: the server
sends them from disk (granian's `http.response.pathsend`), or they are read per request.
"""

from __future__ import annotations

import asyncio
import re
import time
from dataclasses import dataclass
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.types import Scope, Send

from jarida.media.store import EXTENSIONS, MediaStore
from jarida.metrics.web import record_request
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
MAX_KEPT_FILE = 1 << 20  # larger renditions are sent from disk on every request
_STATUS_TEXT = {404: b"No such image.\n", 410: b"This image was withdrawn.\n"}


@dataclass(frozen=True, slots=True)
class Answer:
    """Everything sent for one path under one data version."""

    fingerprint: str
    status: int  # 200, 404 or 410
    headers: list[tuple[bytes, bytes]]  # of the 200 or of the error, security headers included
    body: bytes | None  # the file (GET of a 200) or the error text; None: read it from `file`
    etag: bytes = b""
    not_modified: list[tuple[bytes, bytes]] | None = None  # the 304's header lines
    file: Path | None = None  # the rendition, for a 200
    content: str = ""  # `<sha256>-<width>.<ext>`: the same name means the same bytes


class MediaAnswers:
    """Prepared answers by path, at most `max_entries` of them holding `max_bytes` of files
    in all; everything is dropped at once when either is exceeded."""

    def __init__(self, max_entries: int = 8192, max_bytes: int = 64 << 20) -> None:
        self._items: dict[str, Answer] = {}
        self._bytes = 0
        self._max_entries = max_entries
        self._max_bytes = max_bytes

    def get(self, path: str) -> Answer | None:
        return self._items.get(path)

    def put(self, path: str, answer: Answer) -> None:
        old = self._items.pop(path, None)
        if old is not None:
            self._bytes -= _weight(old)
        if len(self._items) >= self._max_entries or self._bytes + _weight(answer) > self._max_bytes:
            self._items.clear()
            self._bytes = 0
        self._items[path] = answer
        self._bytes += _weight(answer)

    def __len__(self) -> int:
        return len(self._items)


def _weight(answer: Answer) -> int:
    return len(answer.body) if answer.body is not None and answer.status == 200 else 0


async def serve_media(state: AppState, answers: MediaAnswers, scope: Scope, send: Send) -> None:
    """Answer a GET or HEAD whose path starts with /media/, and count it (route "media")."""
    started = time.perf_counter()
    status = 500
    try:
        status = await _answer(state, answers, scope, send)
    finally:
        record_request("media", status, time.perf_counter() - started)


async def _answer(state: AppState, answers: MediaAnswers, scope: Scope, send: Send) -> int:
    path: str = scope["path"]
    fingerprint = state.versions.current().fingerprint
    answer = answers.get(path)
    if scope.get("root_path"):  # mounted under a prefix: not the image route
        answer = _error("", 404)
    elif answer is None or answer.fingerprint != fingerprint:
        answer = await _prepare(state, path, fingerprint, answer)
        if answer.fingerprint:  # not kept: odd paths (any length) and files not found
            answers.put(path, answer)
    head = scope["method"] == "HEAD"
    if answer.status != 200:
        await _send(send, answer.status, answer.headers, b"" if head else answer.body or b"")
        return answer.status
    assert answer.not_modified is not None and answer.file is not None
    for name, value in scope["headers"]:
        if name == b"if-none-match" and answer.etag in {v.strip() for v in value.split(b",")}:
            await _send(send, 304, answer.not_modified, b"")
            return 304
    if head:
        await _send(send, 200, answer.headers, b"")
        return 200
    if answer.body is not None:
        await _send(send, 200, answer.headers, answer.body)
        return 200
    return await _send_file(send, answer, scope)


async def _send_file(send: Send, answer: Answer, scope: Scope) -> int:
    """A rendition too large to keep: the server sends it from disk, or it is read here."""
    assert answer.file is not None
    if "http.response.pathsend" in scope.get("extensions", {}):
        await send({"type": "http.response.start", "status": 200, "headers": answer.headers})
        await send({"type": "http.response.pathsend", "path": str(answer.file)})
        return 200
    try:
        data = await asyncio.to_thread(answer.file.read_bytes)
    except OSError:
        missing = _error("", 404)
        await _send(send, 404, missing.headers, missing.body or b"")
        return 404
    await _send(send, 200, answer.headers, data)
    return 200


async def _prepare(state: AppState, path: str, fingerprint: str, old: Answer | None) -> Answer:
    """The answer for `path` under this data version: the image's row, then its file."""
    match = _PATH.fullmatch(path)
    if match is None:
        return _error("", 404)
    image_id, width, ext = int(match[1]), int(match[2]), match[3]
    if reads_are_local(state):
        shown = _lookup(state, fingerprint, image_id)
    else:
        shown = await run_in_threadpool(_lookup, state, fingerprint, image_id)
    if shown is None:
        return _error(fingerprint, 404)
    if shown.blocked:
        return _error(fingerprint, 410)
    if not shown.servable or width not in shown.widths or ext not in shown.formats:
        return _error(fingerprint, 404)
    sha256 = shown.sha256 or ""
    content = f"{sha256}-{width}.{ext}"
    file = MediaStore(state.settings.media_dir).path(sha256, width, ext)
    if old is not None and old.content == content and old.file == file:
        body, size = old.body, _size_of(old)
    else:
        try:
            size = (await asyncio.to_thread(file.stat)).st_size
            body = await asyncio.to_thread(file.read_bytes) if size <= MAX_KEPT_FILE else None
        except OSError:  # not kept: no version matches "", so the next request looks again
            return _error("", 404)
        if body is not None:
            size = len(body)
    etag = f'"{sha256[:32]}-{width}"'.encode()
    headers = [
        (b"content-type", EXTENSIONS[ext].encode()),
        (b"content-length", str(size).encode()),
        (b"etag", etag),
        (b"cache-control", CACHE_CONTROL),
        *IMAGE_HEADERS,
    ]
    not_modified = [(b"etag", etag), (b"cache-control", CACHE_CONTROL), *IMAGE_HEADERS]
    return Answer(fingerprint, 200, headers, body, etag, not_modified, file, content)


def _size_of(answer: Answer) -> int:
    for name, value in answer.headers:
        if name == b"content-length":
            return int(value)
    raise ValueError("an image answer without its length")


def _lookup(state: AppState, fingerprint: str, image_id: int) -> image_store.ShownImage | None:
    def read() -> image_store.ShownImage | None:
        with state.database.read() as conn:
            return image_store.shown_image(conn, image_id)

    shown = state.memo.get(fingerprint, ("media", image_id), read)
    return shown if isinstance(shown, image_store.ShownImage) else None


def _error(fingerprint: str, status: int) -> Answer:
    body = _STATUS_TEXT[status]
    headers = [(b"content-type", b"text/plain; charset=utf-8"),
               (b"content-length", str(len(body)).encode()),
               (b"cache-control", b"no-cache"), *IMAGE_HEADERS]
    return Answer(fingerprint, status, headers, body)


async def _send(send: Send, status: int, headers: list[tuple[bytes, bytes]], body: bytes
                ) -> None:
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
