"""Conditional GET: validators sent, 304 and identical bodies both mean not_modified."""

from __future__ import annotations

import hashlib

from jarida.crawl.conditional import body_hash
from tests.crawl.conftest import fetch_once
from tests.webserver import TestServer

DATE = "Wed, 01 Jan 2025 00:00:00 GMT"


def test_304_on_matching_etag(web: TestServer) -> None:
    web.route("/feed", body="<rss/>", etag='"v1"')
    first = fetch_once(web.url("/feed"))
    assert first.status == 200 and first.etag == '"v1"' and not first.not_modified
    again = fetch_once(web.url("/feed"), etag=first.etag, body_hash=first.body_hash)
    assert again.status == 304 and again.not_modified and again.error is None
    assert again.etag == '"v1"' and again.body_hash == first.body_hash
    assert web.requests_for("/feed")[1].headers["if-none-match"] == '"v1"'


def test_304_on_last_modified(web: TestServer) -> None:
    web.route("/feed", body="<rss/>", last_modified=DATE)
    result = fetch_once(web.url("/feed"), last_modified=DATE)
    assert result.status == 304 and result.not_modified
    assert result.last_modified == DATE
    assert web.requests_for("/feed")[0].headers["if-modified-since"] == DATE


def test_changed_etag_is_a_fresh_body(web: TestServer) -> None:
    web.route("/feed", body="<rss>new</rss>", etag='"v2"')
    result = fetch_once(web.url("/feed"), etag='"v1"')
    assert result.status == 200 and not result.not_modified and result.etag == '"v2"'


def test_identical_body_hash_means_unchanged_even_without_304(web: TestServer) -> None:
    body = b"<rss><item>same</item></rss>"
    web.route("/feed", body=body, headers={"ETag": '"random-every-time"'})
    stored = hashlib.sha256(body).hexdigest()
    result = fetch_once(web.url("/feed"), etag='"older"', body_hash=stored)
    assert result.status == 200 and result.not_modified
    assert result.body == body  # still available to callers that want it


def test_different_body_hash_is_modified(web: TestServer) -> None:
    web.route("/feed", body="<rss>v2</rss>")
    result = fetch_once(web.url("/feed"), body_hash=body_hash(b"<rss>v1</rss>"))
    assert not result.not_modified and result.body_hash == body_hash(b"<rss>v2</rss>")


def test_no_validators_no_conditional_headers(web: TestServer) -> None:
    web.route("/feed", body="x")
    fetch_once(web.url("/feed"))
    headers = web.requests_for("/feed")[0].headers
    assert "if-none-match" not in headers and "if-modified-since" not in headers
