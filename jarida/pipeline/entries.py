"""Which entries of a polled feed to fetch, and in what order of urgency."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import Connection

from jarida.crawl.discovery.identity import entry_keys
from jarida.dedup import canonical_url
from jarida.model import Entry, Feed
from jarida.pipeline.scheduler import Priority
from jarida.storage import articles as article_store
from jarida.storage import entry_failures

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
    keyed = dict(zip(entry_keys(entries), entries, strict=True))
    by_guid = article_store.stored_versions_by_guid(conn, feed.id, list(keyed))
    urls = {canonical_url(e.url): k for k, e in keyed.items() if k not in by_guid}
    by_url = article_store.stored_versions_by_url(conn, list(urls))
    todo: list[Todo] = []
    for key, entry in keyed.items():
        stored = by_guid.get(key) or by_url.get(canonical_url(entry.url))
        changed = entry.updated is not None and stored is not None and entry.updated > stored
        if stored is None or changed:
            entry = entry if entry.guid == key else replace(entry, guid=key)
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


# Failed entries of one feed retried per pass, at most (they wait behind fresh work).
RETRIES_PER_PASS = 20


def retries_due(conn: Connection, feed: Feed, now: datetime) -> list[Todo]:
    """This feed's failed entries whose retry time has come (storage/entry_failures.py)."""
    due = entry_failures.entries_due_for_retry(conn, feed.id, now, RETRIES_PER_PASS)
    return [Todo(Entry(url=f.url, guid=f.url), Priority.BACKLOG, 0.0) for f in due]
