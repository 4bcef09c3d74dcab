"""Deduplication: canonical URLs, content and GUID fingerprints."""

from jarida.dedup.fingerprints import content_hash, guid_key, normalise_text
from jarida.dedup.urls import canonical_url, registrable_domain, same_site, url_key

__all__ = [
    "canonical_url",
    "content_hash",
    "guid_key",
    "normalise_text",
    "registrable_domain",
    "same_site",
    "url_key",
]
