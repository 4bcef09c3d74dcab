"""Property: random sequences of batches keep the search index equal to the articles.

Batches mix new articles, updates (in order, several per article), records sharing a
canonical URL and feed-only versions, with removals of a source's articles in between.
After each step the index must hold exactly what the stored rows say (tests/storage/
indexcheck.py) and search must answer what a plain dictionary model answers.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st

from jarida.model import ArticleRecord
from jarida.storage import ArticleFilter, Database
from jarida.storage import articles as store
from jarida.storage.search import search_ids
from jarida.storage.searchtext import index_forms, index_text
from tests.storage.fresh import property_settings, two_fresh_sources
from tests.storage.indexcheck import assert_index_matches_articles
from tests.storage.test_articles import T0

# Made-up words no stemmer of ours reduces to another's form (checked below).
WORDS = ("zorblax", "quintar", "mivelo", "dartung", "kelpio", "fravish")
LANGS = ("fr", "en", "es", None)


def test_the_words_never_match_each_other() -> None:
    for w in WORDS:
        forms = set(index_forms([w]))
        for other in WORDS:
            if other != w:
                assert not forms & {index_text(lang, other) for lang in LANGS}


@dataclass(frozen=True)
class Rec:
    slot: int  # canonical URL
    source: int  # 0 or 1
    title: tuple[str, ...]
    body: tuple[str, ...]
    lang: str | None
    feed_only: bool


@dataclass(frozen=True)
class RemoveSource:
    source: int


recs = st.builds(
    Rec,
    slot=st.integers(0, 5),
    source=st.integers(0, 1),
    title=st.lists(st.sampled_from(WORDS), min_size=1, max_size=2).map(tuple),
    body=st.lists(st.sampled_from(WORDS), min_size=0, max_size=3).map(tuple),
    lang=st.sampled_from(LANGS),
    feed_only=st.booleans(),
)
steps = st.lists(
    st.one_of(st.lists(recs, min_size=1, max_size=6), st.builds(RemoveSource, st.integers(0, 1))),
    min_size=1, max_size=8,
)


@dataclass
class Stored:
    id: int
    rec: Rec
    content_hash: str
    status: str


@dataclass
class Model:
    """What storage promises, as a dictionary keyed by canonical URL."""

    rows: dict[int, Stored] = field(default_factory=dict)

    def save(self, rec: Rec, content_hash: str, result: store.SaveResult) -> None:
        old = self.rows.get(rec.slot)
        status = "feed_only" if rec.feed_only else "ok"
        if old is None:
            assert result.outcome == "new"
            self.rows[rec.slot] = Stored(result.article_id, rec, content_hash, status)
            return
        assert result.article_id == old.id
        same = old.content_hash == content_hash and old.rec.title == rec.title
        downgrade = old.status in ("ok", "updated") and status == "feed_only"
        if same or downgrade:
            assert result.outcome == "unchanged"
            return
        assert result.outcome == "updated"
        new_status = "updated" if old.status in ("ok", "updated") else status
        self.rows[rec.slot] = Stored(old.id, rec, content_hash, new_status)

    def remove_source(self, source: int) -> None:
        self.rows = {k: v for k, v in self.rows.items() if v.rec.source != source}

    def matching(self, word: str) -> set[int]:
        return {s.id for s in self.rows.values() if word in s.rec.title + s.rec.body}


def _record(rec: Rec, ids: tuple[int, int], fid: tuple[int, int]) -> tuple[ArticleRecord, str]:
    title, body = " ".join(rec.title), " ".join(rec.body)
    content_hash = hashlib.sha256(f"{title}|{body}|{rec.lang}".encode()).hexdigest()
    return ArticleRecord(
        source_id=ids[rec.source], feed_id=fid[rec.source],
        url=f"https://example.ma/p/{rec.slot}?from={rec.source}",
        canonical_url=f"https://example.ma/p/{rec.slot}", title=title, text=body,
        html=f"<p>{body}</p>", excerpt=body[:20], content_hash=content_hash,
        fetched_at=T0, published_at=T0 - timedelta(hours=rec.slot), language=rec.lang,
        status="feed_only" if rec.feed_only else "ok",
    ), content_hash


@property_settings
@given(script=steps)
def test_random_batches_keep_index_and_search_right(
    db: Database, script: list[list[Rec] | RemoveSource]
) -> None:
    ids, fids = two_fresh_sources(db)
    model = Model()
    for step in script:
        if isinstance(step, RemoveSource):
            with db.write() as conn:
                store.delete_articles_of_source(conn, ids[step.source])
            model.remove_source(step.source)
        else:
            built = [_record(r, ids, fids) for r in step]
            with db.write() as conn:
                results = store.save_articles(conn, [b[0] for b in built])
            assert len(results) == len(step)
            for r, (_, content_hash), res in zip(step, built, results, strict=True):
                model.save(r, content_hash, res)
        assert_index_matches_articles(db)
        with db.read() as conn:
            assert store.count_articles(conn) == len(model.rows)
            for word in WORDS:
                got = set(search_ids(conn, word, ArticleFilter(), sort="date", limit=100).ids)
                assert got == model.matching(word), word
