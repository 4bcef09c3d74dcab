"""Mentions are found as articles are stored, and by a resumable, idempotent backfill."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, select

from jarida.storage import Database
from jarida.storage import watch_mentions as mention_store
from jarida.storage import watch_subjects as subject_store
from jarida.storage.tables import audit_log, watch_mentions
from jarida.storage.watch_analysis import MentionFilter, list_mentions, timeline
from jarida.watch.backfill import backfill
from jarida.watch.model import Term
from tests.watch.corpus import BDS, add_subject, article, make_source, store


def _mentions(db: Database) -> list[tuple[int, int, str, int]]:
    with db.read() as conn:
        return [(r.subject_id, r.article_id, r.where, r.count) for r in conn.execute(
            select(watch_mentions).order_by(watch_mentions.c.article_id))]


def _corpus(db: Database, n: int, start: int = 0) -> None:
    sid, fid = make_source(db, f"journal{start}")
    records = []
    for i in range(start, start + n):
        if i % 3 == 0:
            records.append(article(sid, fid, i, f"Résultats {i}",
                                   f"La Banque du Sahel publie ses comptes. La BDS recrute {i}.",
                                   hours=i))
        elif i % 3 == 1:
            records.append(article(sid, fid, i, "وبنك الساحل يعلن", "قال البنك إن الأرباح تضاعفت.",
                                   lang="ar", hours=i))
        else:
            records.append(article(sid, fid, i, f"Météo {i}", "Il faut garder le cap, dit-il.",
                                   hours=i))
    store(db, records, hooks=False)


def test_ingest_hook_records_each_mention_once(db: Database) -> None:
    subject_id = add_subject(db)
    sid, fid = make_source(db, "courrier")
    a = article(sid, fid, 1, "La BDS rachète une assurance",
                "Le conseil de la Banque du Sahel a voté jeudi. Les analystes saluent l'opération.")
    store(db, [a])
    store(db, [a])  # re-crawled unchanged
    assert _mentions(db) == [(subject_id, 1, "title", 2)]
    with db.read() as conn:
        items, _ = list_mentions(conn, subject_id, MentionFilter())
    assert items[0].snippet == "Le conseil de la Banque du Sahel a voté jeudi."
    assert items[0].snippet[items[0].target_start:items[0].target_end] == "Banque du Sahel"
    # the article is edited and no longer names the subject: its mention goes
    store(db, [replace(a, title="Une assurance change de mains", text="Rien à signaler.",
                       content_hash="other")])
    assert _mentions(db) == []


def test_backfill_is_idempotent_and_resumes(db: Database) -> None:
    _corpus(db, 30)
    subject_id = add_subject(db)
    calls: list[tuple[int, int]] = []
    report = backfill(db, batch=7, progress=lambda d, t: calls.append((d, t)), score=False)
    first = _mentions(db)
    assert report.mentions == 20 and len(first) == 20  # 10 French + 10 Arabic, no "cap"
    assert calls[-1] == (30, 30)
    assert {w for _, _, w, _ in first} == {"lead", "title"}
    # run again: nothing to do, nothing doubled
    assert backfill(db, score=False).subjects == 0
    assert _mentions(db) == first
    # interrupted backfill: progress of committed batches is kept, the rest is done later
    _corpus(db, 9, start=100)
    with db.write() as conn:
        _, _, through = subject_store.backfill_state(conn, subject_id)
    assert through == 30
    assert backfill(db, batch=4, score=False).articles == 9
    assert len(_mentions(db)) == 26
    with db.read() as conn:
        assert conn.execute(select(func.count()).select_from(watch_mentions)).scalar() == 26


def test_backfill_after_an_edit_matches_again_and_keeps_corrections(db: Database) -> None:
    _corpus(db, 6)
    add_subject(db)
    backfill(db, score=False)
    with db.write() as conn:
        first = conn.execute(select(watch_mentions.c.id).order_by(watch_mentions.c.id)).scalar()
        assert mention_store.correct_tone(conn, first, "negative", "analyst1")
    # an edit: the Arabic alias goes, so Arabic mentions go; the correction stays
    edited = replace(BDS, aliases=tuple(t for t in BDS.aliases if t.language != "ar"))
    with db.write() as conn:
        assert subject_store.save_subject(conn, edited)[1]
    backfill(db, score=False)
    rows = _mentions(db)
    assert [a for _, a, _, _ in rows] == [1, 4]
    with db.read() as conn:
        tone = conn.execute(select(watch_mentions.c.tone, watch_mentions.c.tone_corrected)
                            .where(watch_mentions.c.id == first)).one()
        assert tuple(tone) == ("negative", True)
        audit = conn.execute(select(audit_log.c.action, audit_log.c.target)).all()
        assert ("watch.tone", f"mention:{first}") in [tuple(a) for a in audit]
    # model scores never overwrite the correction
    with db.write() as conn:
        mention_store.set_scores(conn, [(first, "positive", 0.9)])
        assert conn.execute(select(watch_mentions.c.tone)
                            .where(watch_mentions.c.id == first)).scalar() == "negative"


def test_timeline_counts_and_share_of_corpus(db: Database) -> None:
    _corpus(db, 48)  # two days, one article an hour
    subject_id = add_subject(db)
    backfill(db, score=False)
    with db.read() as conn:
        days = timeline(conn, subject_id, "day", MentionFilter())
        hours = timeline(conn, subject_id, "hour", MentionFilter())
        weeks = timeline(conn, subject_id, "week", MentionFilter())
    assert [(b.period, b.total, b.corpus) for b in days] == [
        ("2026-11-20", 10, 15), ("2026-11-21", 16, 24), ("2026-11-22", 6, 9)]
    assert days[0].share == pytest.approx(10 / 15)
    assert days[0].tones["unscored"] == 10
    assert hours[0].period == "2026-11-20T09:00" and hours[0].corpus == 1
    assert [(b.period, b.total) for b in weeks] == [("2026-11-16", 32)]


def test_subject_with_a_query_and_no_alias(db: Database) -> None:
    sid, fid = make_source(db, "diario", "es")
    store(db, [article(sid, fid, 1, "Sequía", "La sequía golpea el sur. Embalses al 20 %.",
                       lang="es"),
               article(sid, fid, 2, "Sequía", "La sequía de ideas en el parlamento.", lang="es")])
    with db.write() as conn:
        subject_store.save_subject(conn, replace(
            BDS, slug="sequia", kind="topic", aliases=(), exclusions=(Term("parlamento"),),
            query='sequía AND (embalses OR "agua potable")'))
    backfill(db, score=False)
    assert [a for _, a, _, _ in _mentions(db)] == [1]


def test_backfill_never_writes_an_older_text_than_the_stored_one(
        db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """Backfill reads and matches outside the write lock; an article re-stored in between
    (its hook matched the new text) is matched again, not overwritten with the old text."""
    sid, fid = make_source(db, "courrier")
    old = article(sid, fid, 1, "La Banque du Sahel recrute", "La Banque du Sahel recrute.")
    store(db, [old], hooks=False)
    subject_id = add_subject(db)
    reading = mention_store.article_texts

    def read_then_edit(*args: object, **kwargs: object) -> list[mention_store.ArticleText]:
        texts = reading(*args, **kwargs)  # type: ignore[arg-type]
        # the crawl stores a new version of the article (its hook runs) meanwhile
        store(db, [replace(old, title="Une assurance change de mains",
                           text="Rien à signaler.", content_hash="edited")])
        return texts

    monkeypatch.setattr(mention_store, "article_texts", read_then_edit)
    backfill(db)
    assert _mentions(db) == []  # the old text's mention is not written back
    monkeypatch.setattr(mention_store, "article_texts", reading)
    store(db, [replace(old, content_hash="again")])
    assert _mentions(db) == [(subject_id, 1, "title", 2)]
