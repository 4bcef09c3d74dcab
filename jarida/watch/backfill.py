"""`jarida watch backfill`: match the articles already stored against new or edited
subjects, in batches of article ids, each batch read and matched outside any write lock,
then stored in one short transaction that also records the subject's progress. Killed
half-way, it resumes after the last committed batch; run again, it changes nothing
(mentions are upserted on their (subject, article) key)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from jarida.storage import Database
from jarida.storage import watch_mentions as mention_store
from jarida.storage import watch_subjects as subject_store
from jarida.watch.ingest import match_texts
from jarida.watch.matcher import Matcher
from jarida.watch.model import Subject
from jarida.watch.tone_link import Scorer

Progress = Callable[[int, int], None]  # (articles done, articles to do)


@dataclass(frozen=True)
class BackfillReport:
    subjects: int
    articles: int
    mentions: int


def _pending(db: Database, slug: str | None, upto: int) -> list[tuple[Subject, int]]:
    """(subject, first article id to match after) for each subject still to backfill."""
    with db.read() as conn:
        subjects = subject_store.list_subjects(conn)
        if slug is not None:
            subjects = [s for s in subjects if s.slug == slug]
            if not subjects:
                raise ValueError(f"no subject {slug!r}")
        out = []
        for s in subjects:
            assert s.id is not None
            version, done_version, through = subject_store.backfill_state(conn, s.id)
            start = (through or 0) if done_version == version else 0
            if start < upto:
                out.append((s, start))
        return out


def backfill(db: Database, slug: str | None = None, *, batch: int = 500,
             progress: Progress | None = None, scorer: Scorer | None = None,
             score: bool = True) -> BackfillReport:
    with db.read() as conn:
        upto = mention_store.max_article_id(conn)
    pending = _pending(db, slug, upto)
    if not pending:
        return BackfillReport(0, 0, 0)
    matcher = Matcher([s for s, _ in pending])
    starts = {s.id: start for s, start in pending}
    cursor = min(starts.values())
    total = upto - cursor
    done = mentions = articles = 0
    while cursor < upto:
        # Reading and matching (the CPU: tone too, when scored) hold no write lock: the
        # crawl's writer only waits for the short transaction that stores the batch.
        with db.read() as conn:
            texts = mention_store.article_texts(conn, cursor, upto, batch)
        last = texts[-1].id if texts else upto
        found = match_texts(matcher, texts, scorer=scorer, score=score)
        with db.write() as conn:
            # An article re-stored meanwhile (its hook matched the new text) is read and
            # matched again here, so the batch never writes an older text's mentions.
            current = mention_store.content_hashes(conn, [t.id for t in texts])
            changed = {t.id for t in texts if current.get(t.id) != t.content_hash}
            if changed:
                texts = [t for t in texts if t.id not in changed] + (
                    mention_store.article_texts_by_id(conn, sorted(changed)))
                found = [m for m in found if m.article_id not in changed] + match_texts(
                    matcher, [t for t in texts if t.id in changed], scorer=scorer,
                    score=score)
            found = [m for m in found if m.article_id > starts[m.found.subject_id]]
            mention_store.upsert_mentions(conn, found)
            active = {s.id: s.version for s, _ in pending
                      if s.id is not None and starts[s.id] < last}
            stale = {(sid, aid) for sid, aid in mention_store.existing_pairs(
                conn, [t.id for t in texts], list(active)) if aid > starts[sid]}
            mention_store.drop_mentions(
                conn, stale - {(m.found.subject_id, m.article_id) for m in found})
            subject_store.record_backfill(conn, active, last)
        mentions += len(found)
        articles += len(texts)
        done += last - cursor
        cursor = last
        if progress:
            progress(min(done, total), total)
    return BackfillReport(len(pending), articles, mentions)
