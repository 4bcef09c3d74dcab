"""What the API and the dashboard show of a subject, as plain data (no SQL here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from jarida.storage import stories as story_store
from jarida.storage import watch_analysis as q
from jarida.storage import watch_subjects as subject_store
from jarida.storage.watch_analysis import Bucket, MentionFilter, MentionItem
from jarida.watch.model import TONES, CompareSet, Subject
from jarida.watch.periods import all_periods


class NotFound(LookupError):
    """No subject, set or mention by that name."""


def subject_or_404(conn: Connection, slug: str) -> Subject:
    found = subject_store.subject_by_slug(conn, slug)
    if found is None:
        raise NotFound(f"no subject {slug!r}")
    return found


def filled_timeline(conn: Connection, subject: Subject, interval: str,
                    filters: MentionFilter) -> list[Bucket]:
    """The timeline with a zero bucket for every period without mentions."""
    assert subject.id is not None
    buckets = q.timeline(conn, subject.id, interval, filters)
    if not buckets:
        return []
    known = {b.period: b for b in buckets}
    corpus = q.corpus_counts(conn, interval, buckets[0].period, filters)
    empty = dict.fromkeys((*TONES, "unscored"), 0)
    return [known.get(p) or Bucket(p, dict(empty), 0, corpus.get(p, 0))
            for p in all_periods(buckets[0].period, buckets[-1].period, interval)]


def bucket_data(b: Bucket) -> dict[str, Any]:
    return {"period": b.period, "mentions": b.total, **{t: b.tones[t] for t in TONES},
            "unscored": b.tones["unscored"], "corpus": b.corpus,
            "share": round(b.share, 6), "net_tone": round(b.net_tone, 4)}


@dataclass(frozen=True)
class Voice:
    slug: str
    name: str
    mentions: int
    share: float
    tones: dict[str, int]


def share_of_voice(conn: Connection, compare: CompareSet, filters: MentionFilter
                   ) -> list[Voice]:
    subjects = [s for s in subject_store.list_subjects(conn) if s.slug in compare.members]
    ids = [s.id for s in subjects if s.id is not None]
    counts = q.share_of_voice(conn, ids, filters)
    total = sum(c["total"] for c in counts.values())
    out = [Voice(s.slug, s.name, counts[s.id]["total"],
                 counts[s.id]["total"] / total if total else 0.0,
                 {t: counts[s.id][t] for t in TONES}) for s in subjects if s.id is not None]
    return sorted(out, key=lambda v: (-v.mentions, v.slug))


def set_or_404(conn: Connection, slug: str) -> CompareSet:
    found = subject_store.set_by_slug(conn, slug)
    if found is None:
        raise NotFound(f"no comparison set {slug!r}")
    return found


def mention_data(item: MentionItem, base_url: str) -> dict[str, Any]:
    return {
        "id": item.id, "article_id": item.article_id, "title": item.title, "url": item.url,
        "page_url": f"{base_url.rstrip('/')}/articles/{item.article_id}",
        "source": item.source, "language": item.language,
        "published_at": item.published_at.isoformat(), "where": item.where,
        "count": item.count, "tone": item.tone, "tone_score": item.tone_score,
        "corrected": item.corrected, "snippet": item.snippet,
        "duplicate_count": item.duplicate_count,
    }


@dataclass(frozen=True)
class SubjectStory:
    """A story that mentions a subject: how often (originals), and what it is."""

    id: int
    title: str
    mentions: int
    articles: int
    outlets: int
    languages: tuple[str, ...]
    first_seen: datetime
    last_seen: datetime


def top_stories(conn: Connection, subject_id: int, filters: MentionFilter,
                language: str | None, limit: int = 10) -> list[SubjectStory]:
    """The stories holding most of the subject's mentions, titled in `language` when
    one of their articles is in it."""
    ranked = q.top_stories(conn, subject_id, filters, limit)
    members = story_store.story_members(conn, [sid for sid, _ in ranked])
    out = []
    for sid, n in ranked:
        summary = story_store.story_summary(conn, sid)
        mine = members.get(sid, [])
        if summary is None or not mine:
            continue
        out.append(SubjectStory(sid, story_store.label(mine, language), n, len(mine),
                                len({m.source for m in mine}),
                                tuple(sorted({m.language for m in mine})),
                                summary.first_seen, summary.last_seen))
    return out


def story_data(story: SubjectStory, base_url: str) -> dict[str, Any]:
    return {"id": story.id, "title": story.title, "mentions": story.mentions,
            "articles": story.articles, "outlets": story.outlets,
            "languages": ",".join(story.languages),
            "page_url": f"{base_url.rstrip('/')}/stories/{story.id}",
            "first_seen": story.first_seen.isoformat(),
            "last_seen": story.last_seen.isoformat()}


@dataclass(frozen=True)
class Dashboard:
    subject: Subject
    timeline: list[Bucket]
    sets: list[tuple[CompareSet, list[Voice]]]
    outlets: list[tuple[str, str, int, float]]
    languages: list[tuple[str, int]]
    stories: list[SubjectStory]
    mentions: list[MentionItem]
    total: int
    total_with_copies: int


def dashboard(conn: Connection, slug: str, interval: str, filters: MentionFilter,
              language: str | None = None) -> Dashboard:
    subject = subject_or_404(conn, slug)
    assert subject.id is not None
    sets = [(c, share_of_voice(conn, c, filters))
            for c in subject_store.sets_of_subject(conn, slug)]
    mentions, _ = q.list_mentions(conn, subject.id, filters, limit=20)
    return Dashboard(
        subject, filled_timeline(conn, subject, interval, filters), sets,
        q.top_outlets(conn, subject.id, filters), q.languages(conn, subject.id, filters),
        top_stories(conn, subject.id, filters, language), mentions,
        q.mention_count(conn, subject.id, filters),
        q.mention_count(conn, subject.id, filters, with_copies=True))
