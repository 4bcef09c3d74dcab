"""HMAC-SHA256 signatures of webhook bodies, with each subscription's own secret."""

from __future__ import annotations

import hashlib
import hmac

SIGNATURE_HEADER = "X-Jarida-Signature"
PREFIX = "sha256="


def sign(secret: str, body: bytes) -> str:
    """The signature header's value: "sha256=" and the hex HMAC of the exact body bytes."""
    return PREFIX + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def verify(secret: str, body: bytes, header: str) -> bool:
    """What a receiver does: recompute over the raw body and compare in constant time."""
    return hmac.compare_digest(sign(secret, body), header.strip())
