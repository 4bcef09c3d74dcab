"""Helpers: sources and articles stored through the real write path (with its hooks)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

from jarida.model import ArticleRecord, FeedSpec, SourceSpec
from jarida.pipeline.batch import store_batch
from jarida.pipeline.hooks import after_store_hooks
from jarida.settings import Settings
from jarida.storage import Database
from jarida.storage import sources as registry
from jarida.storage import watch_subjects as subject_store
from jarida.watch.model import Subject, Term

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def make_source(db: Database, slug: str, lang: str = "fr") -> tuple[int, int]:
    with db.write() as conn:
        sid = registry.insert_source(conn, SourceSpec(slug=slug, name=slug.title(),
                                                      languages=(lang,)))
        fid = registry.insert_feed(conn, sid, FeedSpec(url=f"https://{slug}.example/feed"))
    return sid, fid


def article(sid: int, fid: int, n: int, title: str, text: str, *, lang: str = "fr",
            hours: int = 0) -> ArticleRecord:
    digest = hashlib.sha256(f"{title}{text}".encode()).hexdigest()
    return ArticleRecord(
        source_id=sid, feed_id=fid, url=f"https://s{sid}.example/a/{n}",
        canonical_url=f"https://s{sid}.example/a/{n}", title=title, text=text,
        html=f"<p>{text}</p>", excerpt=text[:80], content_hash=digest, fetched_at=T0,
        guid=f"g{sid}-{n}", published_at=T0 + timedelta(hours=hours), language=lang)


def store(db: Database, records: list[ArticleRecord], *, hooks: bool = True) -> None:
    outcome = store_batch(db, records, [], after_store_hooks(Settings()) if hooks else [])
    assert not outcome.failed, outcome.failed


BDS = Subject(
    "banque-sahel", "Banque du Sahel", "brand",
    (Term("Banque du Sahel", "fr"), Term("BDS", "", True), Term("بنك الساحل", "ar"),
     Term("Banco del Sahel", "es")),
    (Term("garder le cap"),))


def add_subject(db: Database, subject: Subject = BDS) -> int:
    with db.write() as conn:
        return subject_store.save_subject(conn, subject)[0]
