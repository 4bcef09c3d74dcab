"""Which key names an entry within its feed: its GUID while that is an identity, else its URL.

Some feeds give every item the same `<guid isPermaLink="false">`. A GUID that one
document attaches to entries with different URLs identifies none of them, so those
entries are known by their URLs instead; a GUID carried by one URL only stays the key
(the publisher may later change that URL: the GUID still names the same article).
"""

from __future__ import annotations

from collections.abc import Sequence

from jarida.model import Entry


def entry_keys(entries: Sequence[Entry]) -> list[str]:
    """One key per entry, in order: the GUID if it names a single URL in `entries`, else the URL."""
    urls_by_guid: dict[str, set[str]] = {}
    for entry in entries:
        if entry.guid:
            urls_by_guid.setdefault(entry.guid, set()).add(entry.url)
    return [entry.guid if entry.guid and len(urls_by_guid[entry.guid]) == 1 else entry.url
            for entry in entries]
