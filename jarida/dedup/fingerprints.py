"""Stable fingerprints for deduplication: same words, same hash, however they were typed."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

# Unicode "Cf" (format) characters, as ranges: a regex pass is ~20x faster than testing the
# category of every character, and a test checks these ranges against unicodedata.
FORMAT_CHARS = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f]"
)


# The worker normalises an article's text for its content hash and again for its copies
# signature (the same string): the last few results are kept.
@lru_cache(maxsize=4)
def normalise_text(text: str | None) -> str:
    """NFKC, casefold, drop invisible format characters, collapse whitespace.

    Format characters (soft hyphens, zero-width joiners, BOMs, bidi marks) vary
    between an outlet's feed and its page without changing a word.
    """
    if not text:
        return ""
    folded = unicodedata.normalize("NFKC", text).casefold()
    visible = FORMAT_CHARS.sub("", folded)
    return " ".join(visible.split())


def content_hash(title: str | None, text: str | None) -> str:
    """SHA-256 (hex) of the normalised title and body: equal for copies of one article."""
    payload = normalise_text(title) + "\n" + normalise_text(text)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def guid_key(feed_id: int, guid: str) -> str:
    """SHA-256 (hex) of a GUID scoped to its feed: GUIDs are only unique per feed."""
    payload = f"{feed_id}\n{guid.strip()}"
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
