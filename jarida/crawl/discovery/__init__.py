"""Discovery: read feeds, sitemaps and listing pages into Entries; find a site's feeds.

Pure functions over bytes the fetcher already downloaded: no network, no files.
"""

from jarida.crawl.discovery.autodiscover import (
    COMMON_FEED_PATHS,
    candidate_feed_urls,
    discover_feeds,
)
from jarida.crawl.discovery.detect import detect_kind
from jarida.crawl.discovery.listing import links_from_listing, looks_like_article
from jarida.crawl.discovery.parse import parse_feed
from jarida.crawl.discovery.plaintext import to_plain_text
from jarida.crawl.discovery.results import DiscoveredFeed, ParsedFeed
from jarida.crawl.discovery.xmlsafety import UnsafeXMLError

__all__ = [
    "COMMON_FEED_PATHS",
    "DiscoveredFeed",
    "ParsedFeed",
    "UnsafeXMLError",
    "candidate_feed_urls",
    "detect_kind",
    "discover_feeds",
    "links_from_listing",
    "looks_like_article",
    "parse_feed",
    "to_plain_text",
]
