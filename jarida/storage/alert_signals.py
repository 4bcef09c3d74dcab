"""What the alert rules read: mentions per subject over a period, outlets' first
mentions, and the articles a saved query finds (room alerts, issue 14)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, func, select

from jarida.storage.filters import ArticleFilter
from jarida.storage.search import search_ids
from jarida.storage.tables import articles, sources, watch_mentions, watch_subjects
from jarida.storage.watch_analysis import ORIGINAL

SEARCH_PAGE = 100
SEARCH_PAGES = 10  # at most 1,000 new articles per saved query and evaluation


@dataclass(frozen=True)
class MentionPoint:
    """One mention as the spike and tone rules count it."""

    subject_id: int
    at: datetime  # the article's publication (sort) time
    tone: str | None


@dataclass(frozen=True)
class FirstMention:
    """The first mention of a subject by one outlet."""

    subject_id: int
    source_id: int
    source_name: str
    article_id: int
    title: str
    url: str
    at: datetime
    subject_since: datetime  # the subject's earliest mention by any outlet


@dataclass(frozen=True)
class ArticleBrief:
    id: int
    title: str
    url: str
    source: str
    language: str | None
    at: datetime


def subject_names(conn: Connection) -> dict[int, tuple[str, str]]:
    """Every watched subject's (slug, name) by id."""
    rows = conn.execute(select(watch_subjects.c.id, watch_subjects.c.slug, watch_subjects.c.name))
    return {r.id: (r.slug, r.name) for r in rows}


def mention_points(conn: Connection, since: datetime, until: datetime) -> list[MentionPoint]:
    """Mentions published in [since, until) in articles still shown, oldest first;
    syndicated copies count once (their original's mention stands for them)."""
    m = watch_mentions
    rows = conn.execute(
        select(m.c.subject_id, m.c.published_at, m.c.tone)
        .join(articles, articles.c.id == m.c.article_id)
        .where(m.c.published_at >= since, m.c.published_at < until, ORIGINAL)
        .order_by(m.c.published_at, m.c.id)
    )
    return [MentionPoint(r.subject_id, r.published_at, r.tone) for r in rows]


def first_mentions_since(conn: Connection, since: datetime, until: datetime
                         ) -> list[FirstMention]:
    """Each (subject, outlet) whose first mention was published in [since, until)."""
    m = watch_mentions
    firsts = (
        select(m.c.subject_id, articles.c.source_id,
               func.min(m.c.published_at).label("first_at"))
        .join(articles, articles.c.id == m.c.article_id)
        .where(articles.c.hidden_at.is_(None), m.c.published_at < until)
        .group_by(m.c.subject_id, articles.c.source_id)
        .having(func.min(m.c.published_at) >= since)
        .subquery()
    )
    earliest = (
        select(m.c.subject_id, func.min(m.c.published_at).label("since_at"))
        .group_by(m.c.subject_id).subquery()
    )
    rows = conn.execute(
        select(firsts.c.subject_id, firsts.c.source_id, firsts.c.first_at,
               earliest.c.since_at, sources.c.name.label("source_name"),
               func.min(articles.c.id).label("article_id"))
        .join(earliest, earliest.c.subject_id == firsts.c.subject_id)
        .join(sources, sources.c.id == firsts.c.source_id)
        .join(m, m.c.subject_id == firsts.c.subject_id)
        .join(articles, (articles.c.id == m.c.article_id)
              & (articles.c.source_id == firsts.c.source_id)
              & (m.c.published_at == firsts.c.first_at))
        .group_by(firsts.c.subject_id, firsts.c.source_id, firsts.c.first_at,
                  earliest.c.since_at, sources.c.name)
        .order_by(firsts.c.first_at)
    ).all()
    briefs = {b.id: b for b in article_briefs(conn, [r.article_id for r in rows])}
    return [
        FirstMention(r.subject_id, r.source_id, r.source_name, r.article_id,
                     briefs[r.article_id].title, briefs[r.article_id].url, r.first_at,
                     r.since_at)
        for r in rows if r.article_id in briefs
    ]


def article_briefs(conn: Connection, ids: Sequence[int]) -> list[ArticleBrief]:
    """Title, link and outlet of each article, for alert messages (hidden ones left out)."""
    if not ids:
        return []
    rows = conn.execute(
        select(articles.c.id, articles.c.title, articles.c.url, articles.c.language,
               articles.c.sort_at, sources.c.name.label("source"))
        .join(sources, sources.c.id == articles.c.source_id)
        .where(articles.c.id.in_(list(ids)), articles.c.hidden_at.is_(None))
        .order_by(articles.c.id)
    )
    return [ArticleBrief(r.id, r.title, r.url, r.source, r.language, r.sort_at) for r in rows]


def articles_matching(conn: Connection, query: str, language: str | None,
                      since: datetime, until: datetime) -> list[int]:
    """Ids of articles published in [since, until) that the site's search finds."""
    found: list[int] = []
    cursor: str | None = None
    filters = ArticleFilter(language=language or None, since=since, until=until)
    for _ in range(SEARCH_PAGES):
        page = search_ids(conn, query, filters, sort="date", limit=SEARCH_PAGE, cursor=cursor)
        found.extend(page.ids)
        cursor = page.next_cursor
        if cursor is None:
            break
    return found


def mention_span(conn: Connection) -> tuple[datetime, datetime] | None:
    """The first and last publication times of all stored mentions, or None."""
    m = watch_mentions
    row = conn.execute(select(func.min(m.c.published_at), func.max(m.c.published_at))).one()
    return (row[0], row[1]) if row[0] is not None else None
