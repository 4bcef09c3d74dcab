"""Queries on articles: idempotent batch writes, lookups and keyset-paginated lists."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import Any, Literal

from sqlalchemy import Connection, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from jarida.model import Article, ArticleRecord, Page
from jarida.storage.clean import clean_required, clean_text
from jarida.storage.copies_relink import relink_copies_of
from jarida.storage.filters import ArticleFilter, keyset_after, keyset_cursor
from jarida.storage.rows import article_from_row
from jarida.storage.search import IndexChange, update_search_index
from jarida.storage.tables import IMAGE_COLUMNS, LEAD_IMAGE, articles, images, media, sources

Outcome = Literal["new", "updated", "unchanged"]

# Every article read for display carries its source and its lead image's state (the
# image row of its image_url, with the stored widths): pages, lists, feeds and the API
# show Jarida's copy, or the withdrawn-image placeholder, without another query.
WITH_SOURCE = (
    select(
        articles, sources.c.slug.label("source_slug"), sources.c.name.label("source_name"),
        *IMAGE_COLUMNS,
    )
    .join(sources, sources.c.id == articles.c.source_id)
    .outerjoin(images, LEAD_IMAGE)
    .outerjoin(media, media.c.sha256 == images.c.sha256)
)


@dataclass(frozen=True)
class SaveResult:
    article_id: int
    outcome: Outcome


def _values(rec: ArticleRecord, now: datetime) -> dict[str, object]:
    return {
        "source_id": rec.source_id,
        "feed_id": rec.feed_id,
        "url": clean_required(rec.url),
        "canonical_url": clean_required(rec.canonical_url),
        "guid": clean_text(rec.guid),
        "title": clean_required(rec.title),
        "text": clean_required(rec.text),
        "html": clean_required(rec.html),
        "excerpt": clean_required(rec.excerpt),
        "author": clean_text(rec.author),
        "published_at": rec.published_at,
        "fetched_at": rec.fetched_at,
        "updated_at": now,
        "sort_at": rec.published_at or rec.fetched_at,
        "language": clean_text(rec.language),
        "section": clean_text(rec.section),
        "image_url": clean_text(rec.image_url),
        "content_hash": rec.content_hash,
        "status": rec.status,
        "extraction": rec.extraction,
    }


@cache
def _insert_statement(dialect: str) -> Any:
    """One INSERT ... ON CONFLICT DO NOTHING RETURNING id per dialect, built once: a
    statement rebuilt for every row spends more time on SQL compilation keys than SQLite
    spends storing the row."""
    stmt = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(articles)
    return stmt.on_conflict_do_nothing(index_elements=["canonical_url"]).returning(
        articles.c.id
    )


def _insert_ignoring_conflict(conn: Connection, values: dict[str, object]) -> int | None:
    """Insert unless another writer stored the canonical URL first; the new id or None."""
    result = conn.execute(_insert_statement(conn.dialect.name), values)
    row = result.first()
    return int(row[0]) if row else None


@dataclass(frozen=True)
class _Stored:
    """What a save compares with: the stored row's identity, fingerprint and indexed text."""

    id: int
    content_hash: str | None
    title: str
    text: str
    status: str
    language: str | None


_STORED_COLUMNS = (articles.c.id, articles.c.content_hash, articles.c.title, articles.c.text,
                   articles.c.status, articles.c.language)


def _stored(row: object) -> _Stored:
    return _Stored(*row[:6])  # type: ignore[index]


def save_articles(conn: Connection, records: Sequence[ArticleRecord]) -> list[SaveResult]:
    """Insert or update by canonical URL; saving the same article twice leaves one row."""
    if not records:
        return []
    now = datetime.now(UTC)
    urls = list({r.canonical_url for r in records})
    existing = {
        row.canonical_url: _stored(row)
        for row in conn.execute(
            select(*_STORED_COLUMNS, articles.c.canonical_url)
            .where(articles.c.canonical_url.in_(urls))
        )
    }
    results: list[SaveResult] = []
    changes: list[IndexChange] = []
    for rec in records:
        values = _values(rec, now)
        key = str(values["canonical_url"])
        old = existing.get(key)
        if old is None:
            new_id = _insert_ignoring_conflict(conn, values)
            if new_id is not None:
                results.append(SaveResult(new_id, "new"))
                changes.append(IndexChange(new_id, None, _idx(values), _forms(rec, values)))
                existing[key] = _Stored(
                    new_id, rec.content_hash, str(values["title"]), str(values["text"]),
                    str(values["status"]), _idx(values)[0],
                )
                continue
            old = _stored(conn.execute(
                select(*_STORED_COLUMNS).where(articles.c.canonical_url == key)
            ).one())
        same = old.content_hash == values["content_hash"] and old.title == values["title"]
        downgrade = old.status in ("ok", "updated") and rec.status == "feed_only"
        if same or downgrade:
            results.append(SaveResult(int(old.id), "unchanged"))
            continue
        # An article keeps its first fetch time and its place in every list: an update
        # never moves it (see `list_articles`), whatever date the new version gives.
        values.pop("fetched_at")
        values.pop("sort_at")
        values["status"] = "updated" if old.status in ("ok", "updated") else rec.status
        conn.execute(update(articles).where(articles.c.id == old.id).values(**values))
        new = _idx(values)
        changes.append(IndexChange(int(old.id), (old.language, old.title, old.text), new,
                                   _forms(rec, values)))
        # The next record of this article in the batch compares with this version.
        existing[key] = _Stored(int(old.id), rec.content_hash, new[1], new[2],
                                str(values["status"]), new[0])
        results.append(SaveResult(int(old.id), "updated"))
    update_search_index(conn, changes)
    return results


def _forms(rec: ArticleRecord, values: dict[str, object]) -> tuple[str, str] | None:
    """The record's precomputed index forms, if they were computed from what is stored."""
    if rec.index_forms is None:
        return None
    same = (values["title"] == rec.title and values["text"] == rec.text
            and values["language"] == rec.language)
    return rec.index_forms if same else None


def _idx(values: dict[str, object]) -> tuple[str | None, str, str]:
    lang = values["language"]
    return (str(lang) if lang else None, str(values["title"]), str(values["text"]))


def article_by_id(conn: Connection, article_id: int) -> Article | None:
    row = conn.execute(WITH_SOURCE.where(articles.c.id == article_id)).first()
    return article_from_row(row) if row else None


def article_by_canonical_url(conn: Connection, url: str) -> Article | None:
    row = conn.execute(WITH_SOURCE.where(articles.c.canonical_url == url)).first()
    return article_from_row(row) if row else None


def known_guids(conn: Connection, feed_id: int, guids: Sequence[str]) -> set[str]:
    """GUIDs (scoped to this feed) that are already stored."""
    found: set[str] = set()
    for i in range(0, len(guids), 500):
        chunk = list(guids[i : i + 500])
        found.update(
            conn.execute(
                select(articles.c.guid).where(
                    articles.c.feed_id == feed_id, articles.c.guid.in_(chunk)
                )
            ).scalars()
        )
    return found


def known_canonical_urls(conn: Connection, urls: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for i in range(0, len(urls), 500):
        chunk = list(urls[i : i + 500])
        found.update(
            conn.execute(
                select(articles.c.canonical_url).where(articles.c.canonical_url.in_(chunk))
            ).scalars()
        )
    return found


def list_articles(
    conn: Connection, filters: ArticleFilter, *, limit: int = 20, cursor: str | None = None
) -> Page:
    """Newest first by (sort_at, id); the cursor is that very key of the page's last row.

    Walking a list page by page yields every article that exists throughout the walk
    exactly once, while others are added or updated: an article's sort_at is fixed when
    it is first stored (its publication date then known, else its first fetch time) and
    no update moves it, so no article crosses a cursor.
    """
    query = WITH_SOURCE.where(*filters.clauses(), articles.c.hidden_at.is_(None))
    if cursor:
        query = query.where(keyset_after(cursor))
    query = query.order_by(articles.c.sort_at.desc(), articles.c.id.desc()).limit(limit + 1)
    rows = conn.execute(query).all()
    items = [article_from_row(r) for r in rows[:limit]]
    next_cursor = None
    if len(rows) > limit:
        last = rows[limit - 1]
        next_cursor = keyset_cursor(last.sort_at, int(last.id))
    return Page(items=items, next_cursor=next_cursor)


def latest_headlines(conn: Connection, limit: int = 30) -> list[Article]:
    return list_articles(conn, ArticleFilter(once=True), limit=limit).items


def delete_articles_of_source(conn: Connection, source_id: int) -> None:
    rows = conn.execute(
        select(articles.c.id, articles.c.language, articles.c.title, articles.c.text).where(
            articles.c.source_id == source_id
        )
    ).all()
    update_search_index(
        conn, [IndexChange(int(r.id), (r.language, r.title, r.text), None) for r in rows]
    )
    ids = [int(r.id) for r in rows]
    relink_copies_of(conn, ids)  # copies elsewhere of these originals keep their group
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        conn.execute(delete(images).where(images.c.article_id.in_(chunk)))
        conn.execute(delete(articles).where(articles.c.id.in_(chunk)))


def count_articles(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(articles)).scalar_one())


def count_articles_by(conn: Connection, column: Literal["source", "language", "section"]) -> dict[
    str, int
]:
    col = {
        "source": sources.c.slug,
        "language": articles.c.language,
        "section": articles.c.section,
    }[column]
    rows = conn.execute(
        select(col, func.count())
        .select_from(articles.join(sources, sources.c.id == articles.c.source_id))
        .group_by(col)
    )
    return {str(k) if k is not None else "": int(n) for k, n in rows}


def distinct_sections(conn: Connection) -> list[str]:
    rows = conn.execute(
        select(articles.c.section).where(articles.c.section.is_not(None)).distinct()
    )
    return sorted(str(s) for s in rows.scalars())


def stored_versions_by_guid(
    conn: Connection, feed_id: int, guids: Sequence[str]
) -> dict[str, datetime]:
    """For GUIDs of this feed already stored: when we last changed the article."""
    found: dict[str, datetime] = {}
    for i in range(0, len(guids), 500):
        chunk = list(guids[i : i + 500])
        rows = conn.execute(
            select(articles.c.guid, articles.c.updated_at).where(
                articles.c.feed_id == feed_id, articles.c.guid.in_(chunk)
            )
        )
        found.update({str(g): t for g, t in rows})
    return found


def stored_versions_by_url(conn: Connection, urls: Sequence[str]) -> dict[str, datetime]:
    """For canonical URLs already stored: when we last changed the article."""
    found: dict[str, datetime] = {}
    for i in range(0, len(urls), 500):
        chunk = list(urls[i : i + 500])
        rows = conn.execute(
            select(articles.c.canonical_url, articles.c.updated_at).where(
                articles.c.canonical_url.in_(chunk)
            )
        )
        found.update({str(u): t for u, t in rows})
    return found
