"""Size cap on decompressed bytes, compression bombs, and the total time limit."""

from __future__ import annotations

import gzip
import time
import tracemalloc
import zlib

import brotli
import pytest

from jarida.crawl.body import MAX_CODINGS, BodyDecodingError, BodyTooLarge, BoundedBody
from tests.crawl.conftest import fetch_once, make_settings
from tests.webserver import TestServer, brotli_bomb, gzip_bomb

CAP = 1024 * 1024


def test_slow_drip_body_times_out(web: TestServer) -> None:
    web.route("/slow", body=b"x" * 200, drip=0.05)  # 10 s in total
    started = time.monotonic()
    result = fetch_once(web.url("/slow"), make_settings(total_timeout=0.6))
    assert result.error_kind == "timeout" and "0.6" in (result.error or "")
    assert time.monotonic() - started < 3.0
    assert web.count("/slow") == 1  # a slow body is not retried


def test_endless_body_is_too_large(web: TestServer) -> None:
    web.route("/endless", endless=True)
    result = fetch_once(web.url("/endless"), make_settings(max_body_bytes=CAP))
    assert result.error_kind == "too_large" and result.body == b""


def test_declared_length_over_the_cap_is_refused_before_reading(web: TestServer) -> None:
    web.route("/big", body=b"x" * (CAP + 1))
    result = fetch_once(web.url("/big"), make_settings(max_body_bytes=CAP))
    assert result.error_kind == "too_large" and "Content-Length" in (result.error or "")


@pytest.mark.parametrize(("encoding", "bomb"), [("gzip", gzip_bomb), ("br", brotli_bomb)])
def test_compression_bomb_aborts_without_inflating(web: TestServer, encoding: str,
                                                   bomb: object) -> None:
    assert callable(bomb)
    data = bomb()
    web.route("/bomb", body=data, headers={"Content-Encoding": encoding,
                                           "Content-Type": "application/xml"})
    tracemalloc.start()
    try:
        result = fetch_once(web.url("/bomb"), make_settings(max_body_bytes=CAP))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.error_kind == "too_large", result.error
    assert "decompression" in (result.error or "")
    assert peak < 8 * CAP, f"peak {peak} bytes while the bomb inflates to 64+ MiB"


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "br", "identity"])
def test_compressed_bodies_are_decoded(web: TestServer, encoding: str) -> None:
    text = "Le Matin · المساء · " * 2000
    raw = text.encode("utf-8")
    packed = {"gzip": gzip.compress, "deflate": zlib.compress, "br": brotli.compress,
              "identity": lambda b: b}[encoding](raw)
    web.route("/c", body=packed, headers={"Content-Encoding": encoding,
                                          "Content-Type": "text/plain; charset=utf-8"})
    result = fetch_once(web.url("/c"))
    assert result.error is None and result.text() == text


def test_corrupt_gzip_is_a_clean_error(web: TestServer) -> None:
    web.route("/c", body=b"this is not gzip at all", headers={"Content-Encoding": "gzip"})
    result = fetch_once(web.url("/c"))
    assert result.error_kind == "decoding"


def test_bounded_body_allows_exactly_the_cap() -> None:
    reader = BoundedBody("gzip", 5000)
    reader.feed(gzip.compress(b"a" * 5000))
    assert reader.body() == b"a" * 5000
    reader = BoundedBody("gzip", 5000)
    with pytest.raises(BodyTooLarge):
        reader.feed(gzip.compress(b"a" * 5001))


def test_stacked_encodings_are_undone_in_reverse() -> None:
    reader = BoundedBody("gzip, br", 10_000)
    reader.feed(brotli.compress(gzip.compress(b"hello " * 100)))
    assert reader.body() == b"hello " * 100


def test_thousands_of_identity_codings_are_a_clean_fetch_error(web: TestServer) -> None:
    web.route("/many", body=b"<p>hello</p>",
              headers={"Content-Encoding": ", ".join(["identity"] * 3000),
                       "Content-Type": "text/html"})
    web.route("/fine", body=b"<p>hello</p>", headers={"Content-Type": "text/html"})
    result = fetch_once(web.url("/many"))
    assert result.error_kind == "decoding", result.error
    assert "3000 content codings" in (result.error or "")
    assert fetch_once(web.url("/fine")).error is None


def test_unknown_coding_is_a_clean_fetch_error(web: TestServer) -> None:
    web.route("/zstd", body=b"\x28\xb5\x2f\xfd garbage", headers={"Content-Encoding": "zstd"})
    result = fetch_once(web.url("/zstd"))
    assert result.error_kind == "decoding" and "'zstd'" in (result.error or "")


def test_codings_up_to_the_bound_are_decoded_without_recursion() -> None:
    reader = BoundedBody("identity, gzip, identity, br", 10_000)
    reader.feed(brotli.compress(gzip.compress(b"hello " * 100)))
    assert reader.body() == b"hello " * 100
    with pytest.raises(BodyDecodingError, match="5 content codings"):
        BoundedBody(", ".join(["identity"] * (MAX_CODINGS + 1)), 10_000)


def test_truncating_reader_keeps_the_first_bytes_of_a_bomb() -> None:
    reader = BoundedBody("gzip", 5000, truncate=True)
    reader.feed(gzip_bomb())
    assert reader.full and reader.body() == b"\0" * 5000
    exact = BoundedBody(None, 5000, truncate=True)
    exact.feed(b"a" * 5000)
    assert not exact.full and exact.body() == b"a" * 5000
