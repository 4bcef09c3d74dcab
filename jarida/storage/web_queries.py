"""Queries the reader's website needs beyond the article lists: cache versions, batch lookups."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, func, select

from jarida.model import Article
from jarida.storage.rows import article_from_row
from jarida.storage.tables import articles, images, sources

_WITH_SOURCE = select(
    articles, sources.c.slug.label("source_slug"), sources.c.name.label("source_name")
).join(sources, sources.c.id == articles.c.source_id)


@dataclass(frozen=True)
class DataVersion:
    fingerprint: str
    last_changed: datetime | None


def _aware(value: object) -> datetime | None:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if not isinstance(value, datetime):
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def data_version(conn: Connection) -> DataVersion:
    """A cheap fingerprint that changes when articles or sources are added, updated or removed.

    Only index lookups: the highest article id (a new article), the latest updated_at
    (indexed since migration 0003: an update), the sources' count and highest id (removing
    a source removes its articles) and the highest image id. Articles are never deleted one
    by one; when moderation deletes them it must bump a marker here.
    """
    max_id = conn.execute(select(func.max(articles.c.id))).scalar()
    max_updated = conn.execute(select(func.max(articles.c.updated_at))).scalar()
    src = conn.execute(select(func.count(), func.max(sources.c.id)).select_from(sources)).one()
    img = conn.execute(select(func.max(images.c.id))).one()
    last_changed = _aware(max_updated)
    parts = [max_id, last_changed.isoformat() if last_changed else None, *src, *img]
    return DataVersion("|".join("" if p is None else str(p) for p in parts), last_changed)


def articles_by_ids(conn: Connection, ids: Sequence[int]) -> list[Article]:
    """Articles in the order of `ids` (missing ones left out), in one query per 500 ids."""
    found: dict[int, Article] = {}
    wanted = list(dict.fromkeys(ids))
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        for row in conn.execute(_WITH_SOURCE.where(articles.c.id.in_(chunk))):
            art = article_from_row(row)
            found[art.id] = art
    return [found[i] for i in wanted if i in found]
