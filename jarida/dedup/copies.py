"""Syndicated copies: link a republished dispatch to its original, as articles are stored.

An article's body is shingled and MinHashed (`dedup.minhash`); articles sharing an LSH
band with it are candidates (one indexed lookup per band, whatever the corpus size);
the closest few by estimated Jaccard are confirmed on their exact shingle sets
(`Rules`, thresholds measured by `bench.copies`). A confirmed copy is linked to its
group's original, the earliest by (sort_at, id); when an earlier article arrives later,
the whole group is re-pointed to it. Texts under `Rules.min_words` words (feed excerpts,
briefs) and fallback extractions are never compared: too little text to tell a copy
from another article on the same event.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection

from jarida.dedup.minhash import Signature, band_keys, shingles, signature, words_of
from jarida.storage import copies as store
from jarida.storage.database import Database

REBUILD_BATCH = 200


@dataclass(frozen=True)
class Rules:
    """When a candidate is a copy. Defaults measured on bench/data/copies (bench.copies)."""

    min_words: int = 60
    candidate_floor: float = 0.3  # estimated Jaccard below which a candidate is dropped
    max_checked: int = 8  # candidates confirmed on exact shingles, closest first
    jaccard: float = 0.5  # exact Jaccard of the shingle sets...
    containment: float = 0.7  # ...or share of the smaller set found in the larger one,
    length_ratio: float = 0.6  # when the shorter text has this share of the longer's words


DEFAULT_RULES = Rules()


@dataclass(frozen=True)
class Match:
    article_id: int
    similarity: float  # exact Jaccard


def similarity(a: set[str], b: set[str]) -> tuple[float, float]:
    """(Jaccard, containment of the smaller set in the larger) of two shingle sets."""
    if not a or not b:
        return 0.0, 0.0
    common = len(a & b)
    return common / len(a | b), common / min(len(a), len(b))


def is_copy(words_a: list[str], words_b: list[str], rules: Rules = DEFAULT_RULES, *,
            grams_a: set[str] | None = None) -> tuple[bool, float]:
    """The confirmation step on two texts' words: (copy?, Jaccard). `grams_a`, when given,
    are the shingles of `words_a` already computed (one article checked against several)."""
    if min(len(words_a), len(words_b)) < rules.min_words:
        return False, 0.0
    jaccard, contained = similarity(grams_a if grams_a is not None else shingles(words_a),
                                    shingles(words_b))
    ratio = min(len(words_a), len(words_b)) / max(len(words_a), len(words_b))
    confirmed = jaccard >= rules.jaccard or (
        contained >= rules.containment and ratio >= rules.length_ratio
    )
    return confirmed, jaccard


def link_article(conn: Connection, article_id: int, *, rules: Rules = DEFAULT_RULES,
                 force: bool = False) -> int | None:
    """Decide whether a stored article is a copy; returns its original's id or None.

    Idempotent: an article whose signature is unchanged is left as it is (unless `force`).
    """
    found = store.candidates(conn, [article_id])
    me = found.get(article_id)
    words = words_of(me.text) if me else []
    if me is None or len(words) < rules.min_words or me.extraction == "fallback":
        store.forget_signature(conn, article_id)
        store.unlink(conn, article_id)
        store.release_copies(conn, article_id)
        return None
    grams = shingles(words)
    sig = signature(grams)
    raw = sig.to_bytes()
    if not force and store.stored_signature(conn, article_id) == raw:
        return store.original_of(conn, article_id)
    keys = band_keys(sig)
    store.save_signature(conn, article_id, raw, keys)
    best = _best_match(conn, me, words, grams, sig, keys, rules)
    if best is None:
        store.unlink(conn, article_id)
        return None
    return _join_group(conn, me, best, found)


def _best_match(conn: Connection, me: store.Candidate, words: list[str], grams: set[str],
                sig: Signature, keys: list[int], rules: Rules) -> Match | None:
    ids = store.sharing_a_band(conn, keys, me.id)
    if not ids:
        return None
    estimated = [
        (sig.jaccard(Signature.from_bytes(raw)), other)
        for other, raw in store.signatures_of(conn, ids).items()
    ]
    closest = sorted((e for e in estimated if e[0] >= rules.candidate_floor), reverse=True)
    checked = [other for _, other in closest[: rules.max_checked]]
    matches = []
    for other in store.candidates(conn, checked).values():
        confirmed, jaccard = is_copy(words, words_of(other.text), rules, grams_a=grams)
        if confirmed:
            matches.append(Match(other.id, jaccard))
    return max(matches, key=lambda m: (m.similarity, -m.article_id), default=None)


def _join_group(conn: Connection, me: store.Candidate, best: Match,
                known: dict[int, store.Candidate]) -> int | None:
    root_id = store.original_of(conn, best.article_id) or best.article_id
    if root_id == me.id:
        return None  # `best` already copies this article: nothing changes
    root = known.get(root_id) or store.candidates(conn, [root_id]).get(root_id)
    if root is not None and (me.sort_at, me.id) < (root.sort_at, root.id):
        # The earlier article arrived later: it becomes the group's original.
        store.unlink(conn, me.id)
        store.repoint(conn, root_id, me.id)
        store.link_copy(conn, root_id, me.id, best.similarity)
        return None
    store.repoint(conn, me.id, root_id)  # copies of this article follow it into the group
    store.link_copy(conn, me.id, root_id, best.similarity)
    return root_id


def link_articles(conn: Connection, ids: list[int], rules: Rules = DEFAULT_RULES) -> None:
    """The after-store step for a batch, oldest first so originals are decided in order."""
    for article_id in ids:
        link_article(conn, article_id, rules=rules)


def rebuild_copies(
    database: Database,
    since: datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
    *,
    rules: Rules = DEFAULT_RULES,
) -> int:
    """Recompute copies for articles stored from `since` (all when None), oldest first;
    returns how many articles were examined. Pages are told through the change marks."""
    from jarida.storage.blocking import bump_changes

    with database.write() as conn:
        store.clear_from(conn, since)
        ids = store.ids_in_order(conn, since)
    total = len(ids)
    if progress:
        progress(0, total)
    for start in range(0, total, REBUILD_BATCH):
        batch = ids[start : start + REBUILD_BATCH]
        with database.write() as conn:
            for article_id in batch:
                link_article(conn, article_id, rules=rules, force=True)
        if progress:
            progress(start + len(batch), total)
    with database.write() as conn:
        bump_changes(conn, "copies")
    return total
