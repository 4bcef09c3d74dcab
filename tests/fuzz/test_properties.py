"""Property-based fuzzing of every hostile-input boundary (bounded and derandomized in CI;
`make fuzz` runs the same tests longer with random seeds)."""

from __future__ import annotations

import gzip
import zlib

import brotli
from hypothesis import given
from hypothesis import strategies as st

from jarida.crawl.body import MAX_CODINGS, BodyTooLarge, BoundedBody
from tests.fuzz import targets  # noqa: F401 - registers the targets
from tests.fuzz.harness import pack, run
from tests.fuzz.strategies import (
    HTML_PAGES,
    URLS,
    feed_documents,
    opml_documents,
    yaml_documents,
)

_ENCODERS = {"gzip": gzip.compress, "x-gzip": gzip.compress, "deflate": zlib.compress,
             "br": brotli.compress, "identity": lambda data: data}


@given(st.binary(max_size=1), st.one_of(feed_documents(), st.binary(max_size=400)))
def test_feed_parsing_never_raises(selector: bytes, document: bytes) -> None:
    run("feed", pack(selector, document))


@given(HTML_PAGES)
def test_feed_discovery_never_raises(page: str) -> None:
    run("discovery", page.encode("utf-8", "surrogatepass"))


@given(HTML_PAGES)
def test_html_extraction_never_raises(page: str) -> None:
    run("extract", page.encode("utf-8", "surrogatepass"))


@given(st.lists(st.sampled_from(["gzip", "deflate", "br", "identity", "x-gzip", "zstd", "",
                                 " GZIP ", "compress"]), max_size=MAX_CODINGS + 2),
       st.binary(max_size=300), st.binary(max_size=1))
def test_body_decoding_fails_cleanly(codings: list[str], payload: bytes, chunking: bytes) -> None:
    run("body", pack(", ".join(codings).encode(), payload, chunking))


@given(st.lists(st.sampled_from(sorted(_ENCODERS)), max_size=MAX_CODINGS),
       st.binary(max_size=6000), st.integers(1, 700))
def test_body_decoding_undoes_any_stack_of_codings(codings: list[str], data: bytes,
                                                   chunk: int) -> None:
    packed = data
    for coding in codings:
        packed = _ENCODERS[coding](packed)
    reader = BoundedBody(", ".join(codings), 5000)
    try:
        for start in range(0, len(packed), chunk):
            reader.feed(packed[start:start + chunk])
    except BodyTooLarge:
        assert len(data) > 5000
        return
    assert reader.body() == data


@given(URLS, st.one_of(st.just(""), URLS))
def test_url_canonicalisation_is_idempotent(url: str, rel: str) -> None:
    run("url", pack(url.encode("utf-8", "surrogatepass"), rel.encode("utf-8", "surrogatepass")))


@given(st.one_of(opml_documents(), st.binary(max_size=300)))
def test_opml_import_refuses_cleanly(document: bytes) -> None:
    run("opml", document)


@given(st.one_of(yaml_documents(), st.text(max_size=200)))
def test_yaml_import_refuses_cleanly(document: str) -> None:
    run("yaml", document.encode("utf-8", "surrogatepass"))
