"""HTTP caching rules for polling: conditional requests and 'nothing changed' detection.

RFC 9110 §13.1: a client sends the validators it stored (If-None-Match with the
ETag, If-Modified-Since with the Last-Modified date) and a 304 means the stored
copy is still current; If-None-Match takes precedence on the server side when
both are sent. Many servers ignore validators or regenerate ETags on every
request, so a byte-identical body (same sha256 as stored) also counts as unchanged.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from jarida.crawl.result import FetchResult


def body_hash(body: bytes) -> str:
    """The fingerprint stored with a feed to recognise an unchanged body."""
    return hashlib.sha256(body).hexdigest()


def conditional_headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    """Validator headers for a conditional GET (RFC 9110 §13.1.1 and §13.1.3)."""
    headers: dict[str, str] = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def apply_validators(result: FetchResult, *, etag: str | None, last_modified: str | None,
                     stored_hash: str | None) -> FetchResult:
    """Mark a result not_modified on 304 or on an identical body, keeping the validators."""
    if result.error is not None:
        return result
    if result.status == 304:
        # A 304 may refresh the validators (RFC 9110 §15.4.5); otherwise keep the stored ones.
        return replace(
            result, not_modified=True, etag=result.etag or etag,
            last_modified=result.last_modified or last_modified, body_hash=stored_hash,
        )
    if stored_hash is not None and result.body_hash == stored_hash:
        return replace(result, not_modified=True)
    return result
