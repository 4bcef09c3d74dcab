"""Which entries of a polled feed to fetch, and in what order of urgency."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import Connection

from jarida.dedup import canonical_url
from jarida.model import Entry, Feed
from jarida.pipeline.scheduler import Priority
from jarida.storage import articles as article_store

# A sitemap lists a site's archive; only entries this recent count as fresh news.
FRESH_FOR = timedelta(days=2)


@dataclass(frozen=True)
class Todo:
    """An entry to fetch, with its priority and the time that orders it among equals."""

    entry: Entry
    priority: Priority
    newest: float


def entries_to_fetch(conn: Connection, feed: Feed, entries: list[Entry],
                     now: datetime) -> list[Todo]:
    """Entries not stored yet, or changed by the publisher since we stored them."""
    keyed = {(e.guid or e.url): e for e in entries}
    by_guid = article_store.stored_versions_by_guid(conn, feed.id, list(keyed))
    urls = {canonical_url(e.url): k for k, e in keyed.items() if k not in by_guid}
    by_url = article_store.stored_versions_by_url(conn, list(urls))
    todo: list[Todo] = []
    for key, entry in keyed.items():
        stored = by_guid.get(key) or by_url.get(canonical_url(entry.url))
        changed = entry.updated is not None and stored is not None and entry.updated > stored
        if stored is None or changed:
            entry = entry if entry.guid else replace(entry, guid=key)
            todo.append(Todo(entry, _priority(feed, entry, now, update=changed),
                             _when(entry)))
    return todo


def _priority(feed: Feed, entry: Entry, now: datetime, *, update: bool) -> Priority:
    if update:
        return Priority.BACKLOG
    if feed.kind == "sitemap":
        when = entry.published or entry.updated
        return Priority.FRESH if when is not None and now - when <= FRESH_FOR \
            else Priority.BACKLOG
    return Priority.FRESH


def _when(entry: Entry) -> float:
    when = entry.published or entry.updated
    return when.timestamp() if when is not None else 0.0
