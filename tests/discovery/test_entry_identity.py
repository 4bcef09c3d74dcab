"""An entry's identity in its feed: its GUID while that names one URL, otherwise its URL."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from jarida.crawl.discovery import parse_feed
from jarida.crawl.discovery.identity import entry_keys
from jarida.model import Entry

_urls = st.sampled_from([f"https://j.example/a/{n}" for n in range(6)])
_guids = st.none() | st.sampled_from(["g1", "g2", "g3"])
_entries = st.lists(st.builds(Entry, url=_urls, guid=_guids), max_size=12)


def test_unique_guids_are_the_keys() -> None:
    entries = [Entry(url="https://j.example/1", guid="a"), Entry(url="https://j.example/2")]
    assert entry_keys(entries) == ["a", "https://j.example/2"]


def test_a_guid_shared_by_different_urls_gives_way_to_the_urls() -> None:
    entries = [Entry(url=f"https://j.example/{n}", guid="same") for n in range(3)]
    assert entry_keys(entries) == [f"https://j.example/{n}" for n in range(3)]


@given(_entries)
def test_entries_with_different_urls_never_share_a_key(entries: list[Entry]) -> None:
    keys = entry_keys(entries)
    assert len(keys) == len(entries)
    for key, entry in zip(keys, entries, strict=True):
        assert key in (entry.guid, entry.url)
    for a, key_a in zip(entries, keys, strict=True):
        for b, key_b in zip(entries, keys, strict=True):
            if a.url != b.url:
                assert key_a != key_b
            if a.url == b.url and a.guid == b.guid:
                assert key_a == key_b


@given(_entries)
def test_keys_do_not_depend_on_order(entries: list[Entry]) -> None:
    keyed = dict(zip(map(id, entries), entry_keys(entries), strict=True))
    reordered = list(reversed(entries))
    assert [keyed[id(e)] for e in reordered] == entry_keys(reordered)


def test_feed_items_sharing_a_guid_are_all_kept() -> None:
    items = "".join(f"<item><title>T{n}</title><link>https://j.example/a/{n}</link>"
                    '<guid isPermaLink="false">one-guid</guid></item>' for n in range(4))
    doc = ('<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
           f"<link>https://j.example/</link>{items}</channel></rss>").encode()
    feed = parse_feed(doc, "https://j.example/rss")
    assert [e.url for e in feed.entries] == [f"https://j.example/a/{n}" for n in range(4)]
    repeated = doc.replace(b"/a/3<", b"/a/2<")  # the same item twice still counts once
    assert len(parse_feed(repeated, "https://j.example/rss").entries) == 3
