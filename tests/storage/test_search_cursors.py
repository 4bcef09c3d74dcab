"""Search cursors are built from the very key the search sorts on: walking any search,
by date or by relevance, with any page size, yields every match exactly once (property
test on SQLite and PostgreSQL); by date, articles arriving during the walk do not make
it skip or repeat one that was there before."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jarida.model import ArticleRecord, SourceSpec
from jarida.storage import ArticleFilter, Database, search_sqlite
from jarida.storage import articles as store
from jarida.storage import sources as registry
from jarida.storage.search import SortOrder, search_ids

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
_runs = itertools.count()

# A few instants (ties on the sort key are the point), some with microseconds, or undated
WHEN = st.one_of(st.none(), st.sampled_from(
    [T0, T0 + timedelta(microseconds=1), T0 - timedelta(hours=1, microseconds=999_999)]))
ARTICLE = st.tuples(WHEN, st.sampled_from(["fr", "ar", "es"]), st.booleans())


def _add(db: Database, tag: str, batch: list[tuple[datetime | None, str, bool]],
         start: int) -> list[int]:
    with db.write() as conn:
        sid = registry.insert_source(conn, SourceSpec(slug=f"s{tag}-{start}", name="S"))
        recs = [ArticleRecord(
            source_id=sid, feed_id=None, url=f"https://c.example/{tag}/{start + i}",
            canonical_url=f"https://c.example/{tag}/{start + i}",
            title=f"{tag} titre" + (f" {tag}" if in_title else ""),
            text=f"Le texte {tag} numéro {start + i}.", html="", excerpt="",
            content_hash=f"{tag}-{start + i}", fetched_at=T0 - timedelta(minutes=start + i),
            published_at=when, language=lang)
            for i, (when, lang, in_title) in enumerate(batch)]
        return [r.article_id for r in store.save_articles(conn, recs)]


def _walk(db: Database, q: str, sort: SortOrder, size: int,
          between: Iterator[None] | None = None) -> list[int]:
    seen: list[int] = []
    cursor: str | None = None
    while True:
        with db.read() as conn:
            page = search_ids(conn, q, ArticleFilter(), sort=sort, limit=size, cursor=cursor)
        seen += page.ids
        if between is not None:
            next(between, None)
        if not (cursor := page.next_cursor):
            return seen


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batch=st.lists(ARTICLE, min_size=1, max_size=12), size=st.integers(1, 5),
       sort=st.sampled_from(["date", "relevance"]), walk_dates=st.booleans())
def test_every_match_exactly_once(db: Database, batch: list[tuple[datetime | None, str,
                                  bool]], size: int, sort: SortOrder, walk_dates: bool) -> None:
    tag = f"mot{next(_runs)}x"
    ids = _add(db, tag, batch, 0)
    old = search_sqlite.DATE_WALK_FROM
    search_sqlite.DATE_WALK_FROM = 1 if walk_dates else old  # both SQLite date paths
    try:
        walked = _walk(db, tag, sort, size)
    finally:
        search_sqlite.DATE_WALK_FROM = old
    assert sorted(walked) == sorted(ids) and len(walked) == len(set(walked))
    with db.read() as conn:
        whole = search_ids(conn, tag, ArticleFilter(), sort=sort, limit=100).ids
    assert walked == whole  # pages are the one ordering, cut


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batch=st.lists(ARTICLE, min_size=2, max_size=10),
       arriving=st.lists(ARTICLE, min_size=1, max_size=6), size=st.integers(1, 3))
def test_by_date_articles_arriving_during_the_walk_do_not_disturb_it(
    db: Database, batch: list[tuple[datetime | None, str, bool]],
    arriving: list[tuple[datetime | None, str, bool]], size: int,
) -> None:
    tag = f"mot{next(_runs)}x"
    before = _add(db, tag, batch, 0)

    def arrivals() -> Iterator[None]:
        for k, item in enumerate(arriving):
            _add(db, tag, [item], 100 + k)
            yield None

    walked = _walk(db, tag, "date", size, arrivals())
    assert len(walked) == len(set(walked))  # nothing twice
    assert set(before) <= set(walked)  # nothing that was there is skipped
