"""Reading mentions for analysis: lists, timelines by tone, share of the corpus, share
of voice, top outlets, top stories and languages (issue 14).

Syndicated copies count once. A mention's article is an original when it has no row in
`article_copies` (jarida.dedup.copies); ORIGINAL and COPIES below are the only two
places that read that table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, case, exists, func, select
from sqlalchemy.sql import ColumnElement

from jarida.storage.filters import BadCursor, decode_cursor, encode_cursor
from jarida.storage.tables import (
    article_copies,
    articles,
    sources,
    stories,
    story_articles,
    watch_mentions,
    watch_subjects,
)
from jarida.watch.model import TONES

INTERVALS = ("hour", "day", "week")

# Counting originals only: a copy's mention is listed under its original.
ORIGINAL: ColumnElement[bool] = and_(
    articles.c.hidden_at.is_(None),
    ~exists().where(article_copies.c.article_id == articles.c.id))
_copy_mention = watch_mentions.alias("copy_mention")
# How many copies of the mention's article name the same subject.
COPIES: Any = (select(func.count())
               .select_from(article_copies.join(
                   _copy_mention, _copy_mention.c.article_id == article_copies.c.article_id))
               .where(article_copies.c.original_id == watch_mentions.c.article_id,
                      _copy_mention.c.subject_id == watch_mentions.c.subject_id)
               .correlate(watch_mentions).scalar_subquery())


@dataclass(frozen=True)
class MentionFilter:
    since: datetime | None = None
    until: datetime | None = None
    tone: str | None = None
    language: str | None = None
    source: str | None = None

    def clauses(self) -> list[Any]:
        out: list[Any] = [ORIGINAL]
        if self.since:
            out.append(watch_mentions.c.published_at >= self.since)
        if self.until:
            out.append(watch_mentions.c.published_at < self.until)
        if self.tone:
            out.append(watch_mentions.c.tone == self.tone)
        if self.language:
            out.append(articles.c.language == self.language)
        if self.source:
            out.append(sources.c.slug == self.source)
        return out


@dataclass(frozen=True)
class MentionItem:
    id: int
    article_id: int
    title: str
    url: str
    source: str
    source_name: str
    language: str
    published_at: datetime
    where: str
    count: int
    tone: str | None
    tone_score: float | None
    corrected: bool
    snippet: str
    target_start: int
    target_end: int
    duplicate_count: int


@dataclass(frozen=True)
class Bucket:
    period: str  # 2026-12-01, 2026-12-01T14:00 or the Monday of a week
    tones: dict[str, int]  # negative, neutral, positive, unscored
    total: int
    corpus: int  # every (original, visible) article stored in the period

    @property
    def share(self) -> float:
        return self.total / self.corpus if self.corpus else 0.0

    @property
    def net_tone(self) -> float:
        """(positive - negative) / mentions, from -1 to 1."""
        return (self.tones["positive"] - self.tones["negative"]) / self.total if self.total else 0.0


def _joined() -> Any:
    return (watch_mentions.join(articles, articles.c.id == watch_mentions.c.article_id)
            .join(sources, sources.c.id == articles.c.source_id))


def _item(row: Any) -> MentionItem:
    m = row._mapping  # by name: a Row's `count` attribute is tuple.count
    return MentionItem(
        m["id"], m["article_id"], m["title"], m["url"], m["source"], m["source_name"],
        m["language"] or "", m["published_at"], m["where"], m["count"], m["tone"],
        m["tone_score"], bool(m["tone_corrected"]), m["snippet"], m["target_start"],
        m["target_end"], int(m["copies"] or 0))


def mention_totals(conn: Connection) -> dict[str, int]:
    """Mentions (originals) per subject slug."""
    rows = conn.execute(select(watch_subjects.c.slug, func.count(watch_mentions.c.id))
                        .select_from(_joined().join(
                            watch_subjects, watch_subjects.c.id == watch_mentions.c.subject_id))
                        .where(ORIGINAL).group_by(watch_subjects.c.slug))
    return {r[0]: int(r[1]) for r in rows}


def list_mentions(conn: Connection, subject_id: int, filters: MentionFilter, *,
                  limit: int = 50, cursor: str | None = None
                  ) -> tuple[list[MentionItem], str | None]:
    """Newest first by (published_at, id); the next page's cursor or None."""
    query = (select(watch_mentions, articles.c.title, articles.c.url, articles.c.language,
                    sources.c.slug.label("source"), sources.c.name.label("source_name"),
                    COPIES.label("copies"))
             .select_from(_joined())
             .where(watch_mentions.c.subject_id == subject_id, *filters.clauses())
             .order_by(watch_mentions.c.published_at.desc(), watch_mentions.c.id.desc())
             .limit(limit + 1))
    if cursor:
        when_iso, ident = decode_cursor(cursor, 2)
        try:
            when, mention_id = datetime.fromisoformat(when_iso), int(ident)
        except ValueError as exc:
            raise BadCursor("cursor is not valid") from exc
        query = query.where((watch_mentions.c.published_at < when) | and_(
            watch_mentions.c.published_at == when, watch_mentions.c.id < mention_id))
    rows = list(conn.execute(query))
    items = [_item(r) for r in rows[:limit]]
    more = len(rows) > limit
    next_cursor = (encode_cursor(items[-1].published_at.isoformat(), items[-1].id)
                   if more and items else None)
    return items, next_cursor


def mention_by_id(conn: Connection, mention_id: int) -> MentionItem | None:
    row = conn.execute(select(watch_mentions, articles.c.title, articles.c.url,
                              articles.c.language, sources.c.slug.label("source"),
                              sources.c.name.label("source_name"), COPIES.label("copies"))
                       .select_from(_joined()).where(watch_mentions.c.id == mention_id)).first()
    if row is None:
        return None
    return _item(row)


def _period(conn: Connection, column: Any, interval: str) -> Any:
    if interval not in INTERVALS:
        raise ValueError(f"interval must be one of {', '.join(INTERVALS)}")
    if conn.dialect.name == "postgresql":
        fmt = 'YYYY-MM-DD"T"HH24:00' if interval == "hour" else "YYYY-MM-DD"
        return func.to_char(func.date_trunc(interval, column), fmt)
    if interval == "hour":
        return func.strftime("%Y-%m-%dT%H:00", column)
    if interval == "week":
        return func.date(column, "weekday 0", "-6 days")
    return func.strftime("%Y-%m-%d", column)


def timeline(conn: Connection, subject_id: int, interval: str, filters: MentionFilter
             ) -> list[Bucket]:
    """Mentions per period split by tone, beside the corpus size of each period."""
    period = _period(conn, watch_mentions.c.published_at, interval).label("period")
    tone = func.coalesce(watch_mentions.c.tone, "unscored").label("tone")
    counts: dict[str, dict[str, int]] = {}
    for r in conn.execute(select(period, tone, func.count())
                          .select_from(_joined())
                          .where(watch_mentions.c.subject_id == subject_id, *filters.clauses())
                          .group_by(period, tone)):
        counts.setdefault(r[0], dict.fromkeys((*TONES, "unscored"), 0))[r[1]] = int(r[2])
    if not counts:
        return []
    corpus = corpus_counts(conn, interval, min(counts), filters)
    return [Bucket(p, t, sum(t.values()), corpus.get(p, 0)) for p, t in sorted(counts.items())]


def corpus_counts(conn: Connection, interval: str, first: str, filters: MentionFilter
                  ) -> dict[str, int]:
    """Visible original articles per period (the denominator of a subject's share)."""
    period = _period(conn, articles.c.sort_at, interval).label("period")
    clauses: list[Any] = [ORIGINAL]
    if filters.since:
        clauses.append(articles.c.sort_at >= filters.since)
    if filters.until:
        clauses.append(articles.c.sort_at < filters.until)
    if filters.language:
        clauses.append(articles.c.language == filters.language)
    query = select(period, func.count()).select_from(
        articles.join(sources, sources.c.id == articles.c.source_id)).where(*clauses)
    if filters.source:
        query = query.where(sources.c.slug == filters.source)
    return {r[0]: int(r[1]) for r in conn.execute(query.group_by(period)) if r[0] >= first}


def share_of_voice(conn: Connection, subject_ids: Sequence[int], filters: MentionFilter
                   ) -> dict[int, dict[str, int]]:
    """Per subject: mentions and their tones, within the filters' period."""
    out = {sid: dict.fromkeys(("total", *TONES), 0) for sid in subject_ids}
    for r in conn.execute(select(watch_mentions.c.subject_id, watch_mentions.c.tone,
                                 func.count())
                          .select_from(_joined())
                          .where(watch_mentions.c.subject_id.in_(subject_ids),
                                 *filters.clauses())
                          .group_by(watch_mentions.c.subject_id, watch_mentions.c.tone)):
        out[r[0]]["total"] += int(r[2])
        if r[1] in TONES:
            out[r[0]][r[1]] += int(r[2])
    return out


def top_outlets(conn: Connection, subject_id: int, filters: MentionFilter, limit: int = 10
                ) -> list[tuple[str, str, int, float]]:
    """(source slug, source name, mentions, net tone) by mentions."""
    n = func.count().label("n")
    net = func.sum(case((watch_mentions.c.tone == "positive", 1),
                        (watch_mentions.c.tone == "negative", -1), else_=0))
    rows = conn.execute(select(sources.c.slug, sources.c.name, n, net)
                        .select_from(_joined())
                        .where(watch_mentions.c.subject_id == subject_id, *filters.clauses())
                        .group_by(sources.c.slug, sources.c.name)
                        .order_by(n.desc(), sources.c.slug).limit(limit))
    return [(r[0], r[1], int(r[2]), int(r[3] or 0) / int(r[2])) for r in rows]


def top_stories(conn: Connection, subject_id: int, filters: MentionFilter, limit: int = 10
                ) -> list[tuple[int, int]]:
    """(story id, the subject's mentions in it) by mentions then size, for stories of two
    articles or more; syndicated copies count once (their original's mention stands for them)."""
    n = func.count().label("n")
    story = story_articles.c.story_id
    rows = conn.execute(select(story, n)
                        .select_from(_joined()
                                     .join(story_articles,
                                           story_articles.c.article_id == articles.c.id)
                                     .join(stories, stories.c.id == story))
                        .where(watch_mentions.c.subject_id == subject_id, *filters.clauses(),
                               stories.c.article_count > 1)
                        .group_by(story, stories.c.article_count)
                        .order_by(n.desc(), stories.c.article_count.desc(), story.desc())
                        .limit(limit))
    return [(int(r[0]), int(r[1])) for r in rows]


def languages(conn: Connection, subject_id: int, filters: MentionFilter
              ) -> list[tuple[str, int]]:
    n = func.count().label("n")
    lang = func.coalesce(articles.c.language, "").label("lang")
    rows = conn.execute(select(lang, n).select_from(_joined())
                        .where(watch_mentions.c.subject_id == subject_id, *filters.clauses())
                        .group_by(lang).order_by(n.desc(), lang))
    return [(r[0], int(r[1])) for r in rows]


def mention_count(conn: Connection, subject_id: int, filters: MentionFilter, *,
                  with_copies: bool = False) -> int:
    """Mentions of originals; with_copies adds the copies' own mentions."""
    clauses = filters.clauses()
    if with_copies:
        clauses = [c for c in clauses if c is not ORIGINAL] + [articles.c.hidden_at.is_(None)]
    return int(conn.execute(select(func.count()).select_from(_joined()).where(
        watch_mentions.c.subject_id == subject_id, *clauses)).scalar_one())
