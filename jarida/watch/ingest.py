"""Matching stored articles: the after-store hook (each article as it is stored) and the
shared step the backfill uses. Both upsert on (subject, article): never a double."""

from __future__ import annotations

from collections.abc import Sequence
from threading import Lock

from sqlalchemy import Connection

from jarida.pipeline.hooks import StoredArticle
from jarida.storage import watch_mentions as mention_store
from jarida.storage import watch_subjects as subject_store
from jarida.storage.watch_mentions import ArticleText, ScoredMention
from jarida.watch.matcher import Matcher
from jarida.watch.tone_link import Scorer, score_found

_cache: dict[str, tuple[tuple[int, int, str], Matcher]] = {}  # one entry: bounded
_cache_lock = Lock()


def current_matcher(conn: Connection) -> Matcher:
    """The matcher of every subject, rebuilt only when a subject changed."""
    generation = subject_store.subjects_generation(conn)
    with _cache_lock:
        cached = _cache.get("all")
        if cached is not None and cached[0] == generation:
            return cached[1]
    matcher = Matcher(subject_store.list_subjects(conn))
    with _cache_lock:
        _cache["all"] = (generation, matcher)
    return matcher


def match_texts(matcher: Matcher, texts: Sequence[ArticleText], *,
                scorer: Scorer | None = None, score: bool = True) -> list[ScoredMention]:
    out = []
    for text in texts:
        for found in matcher.match(text):
            tone, value = score_found(found, text.language, scorer) if score else (None, None)
            out.append(ScoredMention(text.id, text.published_at, found, tone, value))
    return out


def store_matches(conn: Connection, texts: Sequence[ArticleText],
                  mentions: Sequence[ScoredMention]) -> None:
    """Upsert what was found; drop the mentions of these articles no longer found."""
    mention_store.upsert_mentions(conn, mentions)
    found = {(m.found.subject_id, m.article_id) for m in mentions}
    stale = mention_store.existing_pairs(conn, [t.id for t in texts]) - found
    mention_store.drop_mentions(conn, stale)


def match_stored_articles(conn: Connection, stored: Sequence[StoredArticle]) -> None:
    """After-store hook: match new and changed articles against every subject."""
    ids = [s.article_id for s in stored if s.outcome != "unchanged"]
    if not ids:
        return
    matcher = current_matcher(conn)
    if matcher.empty:
        return
    texts = mention_store.article_texts_by_id(conn, ids)
    store_matches(conn, texts, match_texts(matcher, texts))
