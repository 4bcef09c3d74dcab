"""Mentions of watched subjects: writing them (ingest hook, backfill), tone scores and
operator corrections (issue 14). Reading them for analysis is storage/watch_analysis.py."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, and_, case, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite

from jarida.storage import audit
from jarida.storage.tables import articles, sources, watch_mentions, watch_subjects
from jarida.watch.model import TONES, FoundMention


@dataclass(frozen=True)
class ArticleText:
    """What matching reads of a stored article."""

    id: int
    title: str
    lead: str
    text: str
    language: str
    source: str  # the source's slug
    published_at: datetime
    content_hash: str = ""  # tells whether the text changed since it was read


@dataclass(frozen=True)
class ScoredMention:
    """A found mention with its tone (None: not scored)."""

    article_id: int
    published_at: datetime
    found: FoundMention
    tone: str | None = None
    tone_score: float | None = None


@dataclass(frozen=True)
class MentionText:
    """A stored mention as the tone model reads it."""

    id: int
    snippet: str
    target_start: int
    target_end: int
    language: str
    tone: str | None
    tone_score: float | None
    corrected: bool
    subject: str


def max_article_id(conn: Connection) -> int:
    return int(conn.execute(select(func.coalesce(func.max(articles.c.id), 0))).scalar_one())


def article_texts(conn: Connection, after_id: int, upto_id: int, limit: int
                  ) -> list[ArticleText]:
    """Visible articles with after_id < id <= upto_id, by id (one backfill batch)."""
    rows = conn.execute(
        select(articles.c.id, articles.c.title, articles.c.excerpt, articles.c.text,
               articles.c.language, sources.c.slug, articles.c.sort_at,
               articles.c.content_hash)
        .join(sources, sources.c.id == articles.c.source_id)
        .where(articles.c.id > after_id, articles.c.id <= upto_id)
        .order_by(articles.c.id).limit(limit))
    return [ArticleText(r.id, r.title, r.excerpt, r.text, r.language or "", r.slug, r.sort_at,
                        r.content_hash) for r in rows]


def article_texts_by_id(conn: Connection, ids: Sequence[int]) -> list[ArticleText]:
    if not ids:
        return []
    rows = conn.execute(
        select(articles.c.id, articles.c.title, articles.c.excerpt, articles.c.text,
               articles.c.language, sources.c.slug, articles.c.sort_at,
               articles.c.content_hash)
        .join(sources, sources.c.id == articles.c.source_id)
        .where(articles.c.id.in_(ids)).order_by(articles.c.id))
    return [ArticleText(r.id, r.title, r.excerpt, r.text, r.language or "", r.slug, r.sort_at,
                        r.content_hash) for r in rows]


def content_hashes(conn: Connection, ids: Sequence[int]) -> dict[int, str]:
    """The current content hash of each of these articles (the ones still stored)."""
    if not ids:
        return {}
    rows = conn.execute(select(articles.c.id, articles.c.content_hash)
                        .where(articles.c.id.in_(list(ids))))
    return {int(r[0]): r[1] for r in rows}


def upsert_mentions(conn: Connection, mentions: Sequence[ScoredMention]) -> None:
    """Insert or refresh mentions on their (subject, article) key: never a second row.
    A corrected tone is kept whatever the new score says."""
    if not mentions:
        return
    now = datetime.now(UTC)
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    stmt = insert(watch_mentions)
    stmt = stmt.on_conflict_do_update(
        index_elements=["subject_id", "article_id"],
        set_={
            "where": stmt.excluded["where"], "count": stmt.excluded["count"],
            "snippet": stmt.excluded.snippet, "target_start": stmt.excluded.target_start,
            "target_end": stmt.excluded.target_end, "published_at": stmt.excluded.published_at,
            "updated_at": stmt.excluded.updated_at,
            "tone": case((watch_mentions.c.tone_corrected, watch_mentions.c.tone),
                         else_=func.coalesce(stmt.excluded.tone, watch_mentions.c.tone)),
            "tone_score": case((watch_mentions.c.tone_corrected, watch_mentions.c.tone_score),
                               else_=func.coalesce(stmt.excluded.tone_score,
                                                   watch_mentions.c.tone_score)),
        })
    conn.execute(stmt, [{
        "subject_id": m.found.subject_id, "article_id": m.article_id, "where": m.found.where,
        "count": m.found.count, "snippet": m.found.snippet,
        "target_start": m.found.target_start, "target_end": m.found.target_end,
        "published_at": m.published_at, "tone": m.tone, "tone_score": m.tone_score,
        "tone_corrected": False, "created_at": now, "updated_at": now} for m in mentions])


def existing_pairs(conn: Connection, article_ids: Sequence[int],
                   subject_ids: Sequence[int] | None = None) -> set[tuple[int, int]]:
    """(subject_id, article_id) of the mentions already stored for these articles (of
    these subjects only, when given)."""
    if not article_ids:
        return set()
    query = (select(watch_mentions.c.subject_id, watch_mentions.c.article_id)
             .where(watch_mentions.c.article_id.in_(article_ids)))
    if subject_ids is not None:
        query = query.where(watch_mentions.c.subject_id.in_(subject_ids))
    return {(r[0], r[1]) for r in conn.execute(query)}


def drop_mentions(conn: Connection, pairs: Iterable[tuple[int, int]]) -> int:
    """Remove (subject_id, article_id) mentions an edit or a new text no longer supports."""
    gone = 0
    for subject_id, article_id in pairs:
        gone += conn.execute(delete(watch_mentions).where(
            watch_mentions.c.subject_id == subject_id,
            watch_mentions.c.article_id == article_id)).rowcount or 0
    return gone


def mention_texts(conn: Connection, *, subject_id: int | None = None,
                  unscored_only: bool = False, corrected_only: bool = False,
                  after_id: int = 0, limit: int = 1000) -> list[MentionText]:
    """Mentions as the tone model reads them, by id from `after_id`."""
    query = (select(watch_mentions.c.id, watch_mentions.c.snippet,
                    watch_mentions.c.target_start, watch_mentions.c.target_end,
                    articles.c.language, watch_mentions.c.tone, watch_mentions.c.tone_score,
                    watch_mentions.c.tone_corrected, watch_subjects.c.slug)
             .join(articles, articles.c.id == watch_mentions.c.article_id)
             .join(watch_subjects, watch_subjects.c.id == watch_mentions.c.subject_id)
             .where(watch_mentions.c.id > after_id)
             .order_by(watch_mentions.c.id).limit(limit))
    if subject_id is not None:
        query = query.where(watch_mentions.c.subject_id == subject_id)
    if unscored_only:
        query = query.where(watch_mentions.c.tone.is_(None))
    if corrected_only:
        query = query.where(watch_mentions.c.tone_corrected)
    return [MentionText(r.id, r.snippet, r.target_start, r.target_end, r.language or "",
                        r.tone, r.tone_score, bool(r.tone_corrected), r.slug)
            for r in conn.execute(query)]


def set_scores(conn: Connection, scores: Sequence[tuple[int, str, float]]) -> None:
    """Model scores (mention id, tone, score); a corrected mention keeps its correction."""
    for mention_id, tone, score in scores:
        conn.execute(update(watch_mentions).where(
            watch_mentions.c.id == mention_id, watch_mentions.c.tone_corrected.is_(False)
        ).values(tone=tone, tone_score=score))


def correct_tone(conn: Connection, mention_id: int, tone: str, actor: str) -> bool:
    """An operator's tone for a mention: wins over every later score; audited."""
    if tone not in TONES:
        raise ValueError(f"tone must be one of {', '.join(TONES)}, not {tone!r}")
    old = conn.execute(select(watch_mentions.c.tone, watch_mentions.c.tone_corrected)
                       .where(watch_mentions.c.id == mention_id)).first()
    if old is None:
        return False
    conn.execute(update(watch_mentions).where(watch_mentions.c.id == mention_id).values(
        tone=tone, tone_score=1.0 if tone == "positive" else -1.0 if tone == "negative" else 0.0,
        tone_corrected=True, updated_at=datetime.now(UTC)))
    audit.record(conn, actor, "watch.tone", f"mention:{mention_id}",
                 f"{old.tone or 'unscored'} -> {tone}")
    return True


def mention_subject(conn: Connection, mention_id: int) -> str | None:
    return conn.execute(select(watch_subjects.c.slug).join(
        watch_mentions, and_(watch_mentions.c.subject_id == watch_subjects.c.id,
                             watch_mentions.c.id == mention_id))).scalar()
