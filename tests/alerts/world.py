"""Stored sources, articles, subjects and mentions for the alert tests, written through
the project's own storage functions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from jarida.model import ArticleRecord, FeedSpec, SourceSpec
from jarida.settings import Settings, load_settings
from jarida.storage import Database
from jarida.storage import articles as article_store
from jarida.storage import sources as registry
from jarida.storage.watch_mentions import ScoredMention, upsert_mentions
from jarida.storage.watch_subjects import save_subject
from jarida.watch.model import FoundMention, Subject, Term

NOW = datetime(2026, 11, 20, 15, 30, tzinfo=UTC)


def alert_settings(**overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "timezone": "UTC", "alerts_webhook_allowlist": ["127.0.0.1"],
        "alerts_retry_seconds": 10.0, "alerts_email_from": "veille@jarida.test",
        "base_url": "https://jarida.test",
    }
    values.update(overrides)
    return load_settings(**values)


class World:
    """A tiny corpus: `mention(...)` stores an article and its mention of a subject."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.sources: dict[str, tuple[int, int]] = {}
        self.n = 0

    def source(self, slug: str) -> tuple[int, int]:
        if slug not in self.sources:
            with self.db.write() as conn:
                sid = registry.insert_source(conn, SourceSpec(slug=slug, name=slug.title(),
                                                              languages=("fr",)))
                fid = registry.insert_feed(conn, sid, FeedSpec(url=f"https://{slug}.test/feed"))
            self.sources[slug] = (sid, fid)
        return self.sources[slug]

    def subject(self, slug: str, name: str) -> int:
        with self.db.write() as conn:
            subject_id, _ = save_subject(conn, Subject(
                slug=slug, name=name, kind="brand", aliases=(Term(name),)))
        return subject_id

    def article(self, at: datetime, *, source: str = "lematin", title: str | None = None,
                text: str | None = None) -> int:
        self.n += 1
        sid, fid = self.source(source)
        record = ArticleRecord(
            source_id=sid, feed_id=fid, url=f"https://{source}.test/a/{self.n}",
            canonical_url=f"https://{source}.test/a/{self.n}",
            title=title or f"Article {self.n}", text=text or f"Texte de l'article {self.n}.",
            html="<p>x</p>", excerpt="x", content_hash=f"h{self.n}", fetched_at=at,
            guid=f"g{self.n}", published_at=at, language="fr",
        )
        with self.db.write() as conn:
            return article_store.save_articles(conn, [record])[0].article_id

    def mention(self, subject_id: int, at: datetime, *, source: str = "lematin",
                tone: str | None = "neutral") -> int:
        article_id = self.article(at, source=source)
        found = FoundMention(subject_id=subject_id, where="body", count=1,
                             snippet="Une phrase qui nomme le sujet.", target_start=0,
                             target_end=3)
        with self.db.write() as conn:
            upsert_mentions(conn, [ScoredMention(article_id, at, found, tone,
                                                 None if tone is None else 0.5)])
        return article_id

    def daily(self, subject_id: int, counts: list[int], *, end: datetime = NOW,
              tone: str | None = "neutral", source: str = "lematin") -> None:
        """counts[-1] mentions on `end`'s day before `end`, counts[-2] the day before..."""
        for back, count in enumerate(reversed(counts)):
            day_start = (end - timedelta(days=back)).replace(hour=0, minute=0, second=0)
            span = (end - day_start) if back == 0 else timedelta(hours=24)
            for i in range(count):
                self.mention(subject_id, day_start + span * (i + 0.5) / count, tone=tone,
                             source=source)
