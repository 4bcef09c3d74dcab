"""Stable fingerprints for deduplication: same words, same hash, however they were typed."""

from __future__ import annotations

import hashlib
import unicodedata


def normalise_text(text: str | None) -> str:
    """NFKC, casefold, drop invisible format characters, collapse whitespace.

    Format characters (soft hyphens, zero-width joiners, BOMs, bidi marks) vary
    between an outlet's feed and its page without changing a word.
    """
    if not text:
        return ""
    folded = unicodedata.normalize("NFKC", text).casefold()
    visible = "".join(char for char in folded if unicodedata.category(char) != "Cf")
    return " ".join(visible.split())


def content_hash(title: str | None, text: str | None) -> str:
    """SHA-256 (hex) of the normalised title and body: equal for copies of one article."""
    payload = normalise_text(title) + "\n" + normalise_text(text)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def guid_key(feed_id: int, guid: str) -> str:
    """SHA-256 (hex) of a GUID scoped to its feed: GUIDs are only unique per feed."""
    payload = f"{feed_id}\n{guid.strip()}"
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
