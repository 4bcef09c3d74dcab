"""Read a response body with a cap on its DECOMPRESSED size.

httpx's own decoders inflate a whole network chunk at once, so a 64 KiB chunk of
a gzip or brotli bomb could become gigabytes in memory before any check runs.
Here every decompressor is asked for at most the bytes still allowed, and the
read stops as soon as the cap is crossed.
"""

from __future__ import annotations

import zlib
from typing import Protocol

import brotli

# RFC 9110 §8.4 lets a sender stack codings; an honest server sends one or two.
# Beyond this many (identity included) the response is refused, not decoded.
MAX_CODINGS = 4


class BodyTooLarge(Exception):
    """The body (after decompression) exceeds the configured cap."""


class BodyDecodingError(Exception):
    """The Content-Encoding is unknown or its data is corrupt."""


class _Stage(Protocol):
    def feed(self, data: bytes, limit: int) -> bytes: ...

    def more(self, limit: int) -> bytes: ...


class _Identity:
    def __init__(self) -> None:
        self._pending = b""

    def feed(self, data: bytes, limit: int) -> bytes:
        self._pending += data
        return self.more(limit)

    def more(self, limit: int) -> bytes:
        out, self._pending = self._pending[:limit], self._pending[limit:]
        return out


class _Zlib:
    """gzip (wbits 16+) or deflate; raw deflate is tried when the zlib header is missing."""

    def __init__(self, gzip: bool) -> None:
        self._gzip = gzip
        self._obj = zlib.decompressobj(16 + zlib.MAX_WBITS if gzip else zlib.MAX_WBITS)
        self._started = False

    def feed(self, data: bytes, limit: int) -> bytes:
        try:
            out = self._obj.decompress(self._obj.unconsumed_tail + data, max(limit, 1))
        except zlib.error:
            if self._gzip or self._started:
                raise
            self._obj = zlib.decompressobj(-zlib.MAX_WBITS)  # servers sending raw deflate
            out = self._obj.decompress(data, max(limit, 1))
        self._started = True
        return out

    def more(self, limit: int) -> bytes:
        return self.feed(b"", limit) if self._obj.unconsumed_tail else b""


class _Brotli:
    def __init__(self) -> None:
        self._obj = brotli.Decompressor()

    def feed(self, data: bytes, limit: int) -> bytes:
        if data and not self._obj.can_accept_more_data():
            # Output is still pending from earlier input; take it before feeding more.
            raise BodyTooLarge("brotli output pending beyond the limit")
        return bytes(self._obj.process(data, output_buffer_limit=max(limit, 1)))

    def more(self, limit: int) -> bytes:
        if self._obj.can_accept_more_data():
            return b""
        return bytes(self._obj.process(b"", output_buffer_limit=max(limit, 1)))


def _stage(coding: str) -> _Stage:
    if coding in ("gzip", "x-gzip"):
        return _Zlib(gzip=True)
    if coding == "deflate":
        return _Zlib(gzip=False)
    if coding == "br":
        return _Brotli()
    if coding in ("identity", ""):
        return _Identity()
    raise BodyDecodingError(f"unsupported Content-Encoding {coding!r}")


class BoundedBody:
    """Accumulates raw chunks into a decoded body of at most `limit` bytes.

    Past the limit it raises BodyTooLarge, or, with `truncate`, keeps the first
    `limit` bytes and reports itself `full` so the caller stops reading.
    """

    def __init__(self, content_encoding: str | None, limit: int, *,
                 truncate: bool = False) -> None:
        codings = [c.strip().lower() for c in (content_encoding or "").split(",") if c.strip()]
        if len(codings) > MAX_CODINGS:
            raise BodyDecodingError(f"{len(codings)} content codings (at most {MAX_CODINGS})")
        # Codings are listed in the order applied, so they are undone in reverse.
        self._stages = [_stage(c) for c in reversed(codings)]
        self._limit = limit
        self._truncate = truncate
        self._parts: list[bytes] = []
        self._size = 0
        self.full = False  # truncated at the limit: nothing more will be kept

    @property
    def size(self) -> int:
        return self._size

    def _room(self) -> int:
        # One byte more than allowed, so crossing the cap is detectable.
        return self._limit - self._size + 1

    def _accept(self, data: bytes) -> None:
        if self._truncate and self._size + len(data) > self._limit:
            data, self.full = data[:self._limit - self._size], True
        self._size += len(data)
        if self._size > self._limit:
            raise BodyTooLarge(f"body larger than {self._limit} bytes after decompression")
        if data:
            self._parts.append(data)

    def feed(self, raw: bytes) -> None:
        """Decode one network chunk; raises BodyTooLarge once the cap is crossed."""
        try:
            self._push(raw)
        except (zlib.error, brotli.error) as exc:
            raise BodyDecodingError(f"corrupt compressed body: {exc}") from exc

    def _push(self, raw: bytes) -> None:
        """Run `raw` through the stages, depth first, with an explicit stack.

        Each entry is (stage index, data to feed); None means "ask that stage for the
        output it still holds". A stage that produced output is asked again after its
        output has gone all the way down, so no stage holds more than `_room()` bytes.
        """
        pending: list[tuple[int, bytes | None]] = [(0, raw)]
        while pending and not self.full:
            index, data = pending.pop()
            if index == len(self._stages):
                self._accept(data or b"")
                continue
            stage = self._stages[index]
            out = stage.more(self._room()) if data is None else stage.feed(data, self._room())
            if out:
                pending.append((index, None))
                pending.append((index + 1, out))

    def body(self) -> bytes:
        return b"".join(self._parts)
