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

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

import numpy as np
from sqlalchemy import Connection

from jarida.dedup.minhash import (
    NUM_PERM,
    Signature,
    band_keys,
    shingles,
    signature,
    words_of,
)
from jarida.storage import copies as store
from jarida.storage.clean import clean_text
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


@dataclass(frozen=True)
class CopyPrint:
    """What the copies step needs of one text and can compute without the database (the
    extraction worker does): its word count, MinHash signature and LSH band keys."""

    words: int
    signature: bytes
    band_keys: tuple[int, ...]


def copy_print(text: str | None) -> CopyPrint:
    words = words_of(text)
    sig = signature(words)
    return CopyPrint(len(words), sig.to_bytes(), tuple(band_keys(sig)))


@dataclass(frozen=True)
class Prepared:
    """A just-stored article's print and its text (read only if a candidate must be
    confirmed on exact shingles, and only then cleaned as storing cleans it)."""

    print: CopyPrint
    text: str | None


class _Words:
    """An article's words and shingles, computed once and only when first needed."""

    def __init__(self, text: str | None) -> None:
        self._text = text
        self._value: tuple[list[str], set[str]] | None = None

    def get(self) -> tuple[list[str], set[str]]:
        if self._value is None:
            words = words_of(clean_text(self._text))  # idempotent: stored text is clean
            self._value = words, shingles(words)
        return self._value


def link_article(conn: Connection, article_id: int, *, rules: Rules = DEFAULT_RULES,
                 force: bool = False) -> int | None:
    """Decide whether a stored article is a copy; returns its original's id or None.

    Idempotent: an article whose signature is unchanged is left as it is (unless `force`).
    """
    found = store.candidates(conn, [article_id])
    me = found.get(article_id)
    prepared = Prepared(copy_print(me.text), me.text) if me is not None else None
    stored = store.stored_signature(conn, article_id) if me is not None and not force else None
    return _link(conn, article_id, me, prepared, stored, rules=rules, force=force)


def _compared(me: store.Candidate | None, prepared: Prepared | None, rules: Rules) -> bool:
    """Whether the article is compared at all (shown, long enough, fully extracted)."""
    return (me is not None and prepared is not None and prepared.print.words >= rules.min_words
            and me.extraction != "fallback")


def _link(conn: Connection, article_id: int, me: store.Candidate | None,
          prepared: Prepared | None, stored: bytes | None, *, rules: Rules,
          force: bool) -> int | None:
    """`me` is the article as the database shows it (None: removed or hidden), `stored`
    its signature saved before this step."""
    if not _compared(me, prepared, rules) or me is None or prepared is None:
        store.forget_signature(conn, article_id)
        store.unlink(conn, article_id)
        store.release_copies(conn, article_id)
        return None
    raw = prepared.print.signature
    if not force and stored == raw:
        return store.original_of(conn, article_id)
    keys = list(prepared.print.band_keys)
    store.save_signature(conn, article_id, raw, keys)
    best = _best_match(conn, me, _Words(prepared.text), Signature.from_bytes(raw), keys, rules)
    if best is None:
        store.unlink(conn, article_id)
        return None
    return _join_group(conn, me, best, {me.id: me})


def _best_match(conn: Connection, me: store.Candidate, mine: _Words,
                sig: Signature, keys: list[int], rules: Rules) -> Match | None:
    ids = store.sharing_a_band(conn, keys, me.id)
    if not ids:
        return None
    estimated = [
        (sig.jaccard(Signature.from_bytes(raw)), other)
        for other, raw in store.signatures_of(conn, ids).items()
    ]
    return _confirm(conn, estimated, mine, rules)


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


def link_articles(conn: Connection, ids: list[int], rules: Rules = DEFAULT_RULES, *,
                  prepared: Mapping[int, Prepared] | None = None) -> None:
    """The after-store step for a batch, oldest first so originals are decided in order.

    `prepared` holds the prints computed away from the database (the extraction worker)
    with the text they were computed from; articles missing from it are printed here.
    The decisions are the ones `link_article` takes article by article, but the batch is
    read and written in a few statements (this runs on the crawler's writer): the
    articles' dates, extraction, saved signatures and existing links are read once; every
    band key of the batch is looked up in one pass and kept in memory (`_BandIndex`), so
    an article sees the batch's earlier articles exactly as if they had been written; new
    signatures and band keys are written together at the end.
    """
    prepared = prepared or {}
    meta = store.candidates(conn, ids, with_text=False)
    saved = store.signatures_of(conn, list(meta))
    work: list[tuple[int, store.Candidate, Prepared]] = []
    for article_id in ids:
        me = meta.get(article_id)
        ready = prepared.get(article_id)
        if me is not None and ready is None:
            text = store.text_of(conn, article_id)
            ready = Prepared(copy_print(text), text)
        if not _compared(me, ready, rules) or me is None or ready is None:
            _link(conn, article_id, me, ready, saved.get(article_id), rules=rules, force=False)
            saved.pop(article_id, None)
        elif saved.get(article_id) != ready.print.signature:
            work.append((article_id, me, ready))
            saved[article_id] = ready.print.signature  # a second pass in the batch: unchanged
    if work:
        _link_batch(conn, work, rules)


class _BandIndex:
    """The band keys a batch asks about, as the database holds them, then kept up to date
    in memory as the batch's articles take new signatures."""

    def __init__(self, conn: Connection, keys: set[int]) -> None:
        self.by_key: dict[int, set[int]] = {}
        self.keys_of: dict[int, set[int]] = {}
        for key, article_id in store.band_members(conn, sorted(keys)):
            self.by_key.setdefault(key, set()).add(article_id)
            self.keys_of.setdefault(article_id, set()).add(key)

    def sharing(self, keys: list[int], article_id: int) -> set[int]:
        found: set[int] = set()
        for key in keys:
            found |= self.by_key.get(key, set())
        found.discard(article_id)
        return found

    def replace(self, article_id: int, keys: list[int]) -> None:
        for key in self.keys_of.pop(article_id, set()):
            self.by_key[key].discard(article_id)
        self.keys_of[article_id] = set(keys)
        for key in keys:
            self.by_key.setdefault(key, set()).add(article_id)


def _link_batch(conn: Connection, work: list[tuple[int, store.Candidate, Prepared]],
                rules: Rules) -> None:
    """Articles whose signature changed (or is new), in the batch's order."""
    index = _BandIndex(conn, {k for _, _, p in work for k in p.print.band_keys})
    batch_ids = {aid for aid, _, _ in work}
    # Signatures of every possible candidate (every article the index holds), as stored
    # before this batch; the batch's own new ones replace theirs as each is decided.
    signatures = store.signatures_of(conn, sorted(set(index.keys_of) | batch_ids))
    linked = store.linked_among(conn, sorted(batch_ids))
    values = _SignatureRows(signatures, batch_ids)
    for article_id, me, ready in work:
        keys = list(ready.print.band_keys)
        index.replace(article_id, keys)
        mine = values.set(article_id, ready.print.signature)
        others = [other for other in index.sharing(keys, article_id) if other in values.known]
        estimated: list[tuple[float, int]] = []
        if others:  # estimated Jaccard against every candidate at once
            equal = np.count_nonzero(values.rows(others) == mine, axis=1)
            estimated = list(zip((equal / len(mine)).tolist(), others, strict=True))
        best = _confirm(conn, estimated, _Words(ready.text), rules)
        if best is None:
            if article_id in linked:
                store.unlink(conn, article_id)
                linked.discard(article_id)
            continue
        _join_group(conn, me, best, {me.id: me})
        linked.add(article_id)
    store.replace_signatures(conn, [(aid, p.print.signature, list(p.print.band_keys))
                                    for aid, _, p in work])


def _values(raw: bytes) -> np.ndarray[tuple[int], np.dtype[np.uint32]]:
    return np.frombuffer(raw, dtype="<u4")


class _SignatureRows:
    """The signatures a batch compares, one row each of a single matrix (a candidate set
    is then one gather, not a stack of separate arrays). `known` are the articles that
    have one: stored before the batch, or taken by the batch's articles as they come."""

    def __init__(self, stored: dict[int, bytes], batch_ids: set[int]) -> None:
        ids = sorted(set(stored) | batch_ids)
        self.row = {aid: i for i, aid in enumerate(ids)}
        self.known = set(stored)
        self.width = len(next(iter(stored.values()))) // 4 if stored else NUM_PERM
        self.matrix = np.zeros((len(ids), self.width), dtype="<u4")
        if stored:
            self.matrix[[self.row[aid] for aid in stored]] = _values(
                b"".join(stored.values())).reshape(len(stored), self.width)

    def set(self, article_id: int, raw: bytes) -> np.ndarray[tuple[int], np.dtype[np.uint32]]:
        mine = _values(raw)
        self.matrix[self.row[article_id]] = mine
        self.known.add(article_id)
        return mine

    def rows(self, ids: list[int]) -> np.ndarray[tuple[int, int], np.dtype[np.uint32]]:
        return self.matrix[[self.row[aid] for aid in ids]]


def _confirm(conn: Connection, estimated: list[tuple[float, int]], mine: _Words,
             rules: Rules) -> Match | None:
    """The best candidate confirmed on exact shingles, among the closest estimated."""
    closest = sorted((e for e in estimated if e[0] >= rules.candidate_floor), reverse=True)
    checked = [other for _, other in closest[: rules.max_checked]]
    if not checked:
        return None
    words, grams = mine.get()
    matches = []
    for other in store.candidates(conn, checked).values():
        confirmed, jaccard = is_copy(words, words_of(other.text), rules, grams_a=grams)
        if confirmed:
            matches.append(Match(other.id, jaccard))
    return max(matches, key=lambda m: (m.similarity, -m.article_id), default=None)


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


def resign_stored(conn: Connection, progress: Callable[[int, int], None] | None = None) -> int:
    """Recompute every stored signature and its band keys from the article's stored text
    with the current `minhash.SIGNATURE_SCHEME` (links are kept: they were decided on
    exact shingles); returns how many. Run by the migration that changed the scheme."""
    ids = store.signed_ids(conn)
    for start in range(0, len(ids), REBUILD_BATCH):
        texts = store.texts_of(conn, ids[start : start + REBUILD_BATCH])
        prints = {aid: copy_print(text) for aid, text in texts.items()}
        store.replace_signatures(conn, [(aid, p.signature, list(p.band_keys))
                                        for aid, p in prints.items()])
        if progress:
            progress(start + len(texts), len(ids))
    return len(ids)
