"""Walking a list page by page while articles are added and updated (issue 17, defect 7).

The rule under test: an article's place in the lists (sort_at) is fixed when it is first
stored, and the cursor is built from that very key, so a walk yields every article that
exists throughout exactly once, never twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from jarida.model import ArticleRecord
from jarida.storage import ArticleFilter, Database
from jarida.storage import articles as store
from tests.storage.fresh import property_settings, two_fresh_sources
from tests.storage.test_articles import T0, make_source, record


def walk(db: Database, filters: ArticleFilter, limit: int,
         between: list[list[ArticleRecord]] | None = None) -> list[int]:
    """Every id a reader gets by following next_cursor; `between[i]` is saved after page i."""
    seen: list[int] = []
    cursor: str | None = None
    for page_no in range(200):
        with db.read() as conn:
            page = store.list_articles(conn, filters, limit=limit, cursor=cursor)
        seen += [a.id for a in page.items]
        if page.next_cursor is None:
            return seen
        cursor = page.next_cursor
        if between and page_no < len(between) and between[page_no]:
            with db.write() as conn:
                store.save_articles(conn, between[page_no])
    raise AssertionError("the walk did not end")


def test_updated_undated_articles_are_each_walked_once(db: Database) -> None:
    """The review's case: 8 undated articles, each updated later; limit=1 gave 4 of 8."""
    sid, fid = make_source(db)
    with db.write() as conn:
        saved = store.save_articles(conn, [
            record(sid, fid, n, published_at=None, fetched_at=T0 + timedelta(minutes=n))
            for n in range(8)])
    with db.write() as conn:
        store.save_articles(conn, [
            record(sid, fid, n, published_at=None, fetched_at=T0 + timedelta(days=1, minutes=-n),
                   title=f"Mis à jour {n}", content_hash=f"u{n}") for n in range(8)])
    got = walk(db, ArticleFilter(), 1)
    assert sorted(got) == sorted(r.article_id for r in saved) and len(set(got)) == 8


def test_an_update_never_moves_an_article_in_the_list(db: Database) -> None:
    sid, fid = make_source(db)
    with db.write() as conn:
        store.save_articles(conn, [record(sid, fid, n) for n in range(1, 5)])
    before = walk(db, ArticleFilter(), 10)
    with db.write() as conn:  # the publisher redates article 4 to the newest
        store.save_articles(conn, [record(sid, fid, 4, published_at=T0, content_hash="x",
                                          title="Redaté")])
    assert walk(db, ArticleFilter(), 10) == before
    with db.read() as conn:
        art = store.article_by_canonical_url(conn, "https://example.ma/a/4")
    assert art is not None and art.published_at == T0  # shown as the publisher says


# --- property: any list, any page size, adds and updates between pages -------------

@dataclass(frozen=True)
class Art:
    slot: int
    dated: bool
    hours: int  # publication (dated) or fetch (undated) time, in hours after T0
    source: int
    lang: str


@dataclass(frozen=True)
class Update:
    slot: int  # which initial article (modulo their number)
    dated: bool
    hours: int


arts = st.builds(Art, slot=st.just(0), dated=st.booleans(), hours=st.integers(0, 4),
                 source=st.integers(0, 1), lang=st.sampled_from(("fr", "ar")))
changes = st.lists(st.one_of(arts, st.builds(Update, st.integers(0, 20), st.booleans(),
                                             st.integers(-3, 8))), max_size=3)
lists = st.sampled_from((ArticleFilter(), ArticleFilter(source="s0"),
                         ArticleFilter(language="fr"), ArticleFilter(section="A")))


def _rec(a: Art, slot: int, ids: tuple[int, int], fids: tuple[int, int],
         when: datetime | None = None, version: int = 0) -> ArticleRecord:
    at = T0 + timedelta(hours=a.hours)
    return ArticleRecord(
        source_id=ids[a.source], feed_id=fids[a.source], url=f"https://x.ma/{slot}",
        canonical_url=f"https://x.ma/{slot}", title=f"t{slot} v{version}", text="x",
        html="", excerpt="", content_hash=f"{slot}-{version}",
        fetched_at=when or (T0 if a.dated else at), published_at=at if a.dated else None,
        language=a.lang, section="A" if slot % 2 else "B",
    )


@property_settings
@given(initial=st.lists(arts, min_size=1, max_size=10), limit=st.integers(1, 4),
       filters=lists, between=st.lists(changes, max_size=6))
def test_any_walk_yields_each_lasting_article_once(
    db: Database, initial: list[Art], limit: int, filters: ArticleFilter,
    between: list[list[Art | Update]],
) -> None:
    ids, fids = two_fresh_sources(db)
    with db.write() as conn:
        saved = store.save_articles(conn, [_rec(a, n, ids, fids) for n, a in enumerate(initial)])
    slot = len(initial)
    batches: list[list[ArticleRecord]] = []
    for step, group in enumerate(between):
        batch = []
        for c in group:
            if isinstance(c, Art):  # a new article, anywhere in the order
                batch.append(_rec(c, slot, ids, fids))
                slot += 1
            else:  # a new version of an initial article, possibly redated
                n = c.slot % len(initial)
                a = initial[n]
                batch.append(_rec(Art(0, c.dated, c.hours, a.source, a.lang), n, ids, fids,
                                  when=T0 + timedelta(hours=9 + step), version=step + 1))
        batches.append(batch)
    lasting = {
        r.article_id for a, r, n in zip(initial, saved, range(len(initial)), strict=True)
        if (filters.source is None or f"s{a.source}" == filters.source)
        and (filters.language is None or a.lang == filters.language)
        and (filters.section is None or (n % 2 == 1) == (filters.section == "A"))
    }
    got = walk(db, filters, limit, batches)
    assert len(got) == len(set(got)), "an article was walked twice"
    assert lasting <= set(got), "an article was skipped"
