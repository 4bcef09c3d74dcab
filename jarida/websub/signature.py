"""`X-Hub-Signature: method=hexdigest`, an HMAC of the pushed body keyed by our secret."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable
from typing import Any

ALGORITHMS: dict[str, Callable[..., Any]] = {
    "sha1": hashlib.sha1, "sha256": hashlib.sha256,
    "sha384": hashlib.sha384, "sha512": hashlib.sha512,
}


def sign(secret: str, body: bytes, method: str = "sha256") -> str:
    """The header value a hub sends for `body` (used by the tests' hub)."""
    return f"{method}={hmac.new(secret.encode(), body, ALGORITHMS[method]).hexdigest()}"


def signature_valid(secret: str, body: bytes, header: str | None) -> bool:
    """True only for a known method and a matching digest (compared in constant time)."""
    if not header or "=" not in header:
        return False
    method, digest = header.split("=", 1)
    algorithm = ALGORITHMS.get(method.strip().lower())
    if algorithm is None:
        return False
    expected = hmac.new(secret.encode(), body, algorithm).hexdigest()
    return hmac.compare_digest(expected, digest.strip().lower())
