"""Pushed bodies read like a polled feed; unusable ones leave the feed to be polled."""

from __future__ import annotations

from jarida.model import Feed
from jarida.websub.inbox import pushed_poll

FEED = Feed(id=1, source_id=1, url="https://j.test/feed.xml", kind="rss", section=None,
            listing_pattern=None, title=None, etag='"e"', last_modified=None, body_hash="h",
            poll_interval=600, next_poll_at=None, last_polled_at=None,
            consecutive_failures=0, last_error=None, status="active")


def rss(title: str) -> bytes:
    return (f"<rss version='2.0'><channel><title>J</title><item><title>{title}</title>"
            "<link>https://j.test/a/1</link><guid>g1</guid></item></channel></rss>").encode()


def test_later_push_of_an_entry_wins_and_no_validators_are_claimed() -> None:
    poll = pushed_poll(FEED, [rss("first"), rss("corrected")], "Africa/Casablanca")
    assert poll is not None and [e.title for e in poll.entries] == ["corrected"]
    assert poll.fetch.etag is None and poll.fetch.body_hash is None and not poll.error


def test_unusable_pushes_mean_polling() -> None:
    garbage = [b"", b"\x00\xff not xml", b'<!DOCTYPE x [<!ENTITY e "boom">]><rss>&e;</rss>']
    assert pushed_poll(FEED, garbage, "UTC") is None
