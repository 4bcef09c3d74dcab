"""Full-text search contract: same answers from FTS5 and PostgreSQL tsvector."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from jarida.model import ArticleRecord, FeedSpec, SourceSpec
from jarida.storage import ArticleFilter, Database
from jarida.storage import articles as store
from jarida.storage import sources as registry
from jarida.storage.search import rebuild_search_index, search_ids
from jarida.storage.snippets import make_snippet

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)

DOCS = [
    ("fr", "Le Parlement adopte la réforme électorale",
     "Les députés ont voté la réforme des élections législatives après un long débat."),
    ("fr", "Économie : le phosphate tire les exportations",
     "Les exportations de phosphate ont progressé de 12 % au troisième trimestre, annonce Rabat."),
    ("ar", "البرلمان يصادق على إصلاح الانتخابات",
     "صادق مجلس النواب على مشروع القانون المتعلق بالانتخابات التشريعية."),
    ("es", "La selección gana la final en Rabat",
     "El equipo nacional ganó la final de la copa ante un estadio lleno en Rabat."),
    ("en", "Drought pushes dam levels to record lows",
     "Reservoirs across the country fell below a quarter of their capacity."),
]


def seed(db: Database) -> dict[str, int]:
    with db.write() as conn:
        sid = registry.insert_source(conn, SourceSpec(slug="s", name="S"))
        fid = registry.insert_feed(conn, sid, FeedSpec(url="https://s.example/feed"))
        recs = [
            ArticleRecord(
                source_id=sid, feed_id=fid, url=f"https://s.example/{i}",
                canonical_url=f"https://s.example/{i}", title=t, text=x, html="", excerpt="",
                content_hash=f"h{i}", fetched_at=T0, published_at=T0 - timedelta(days=i),
                language=lang, section="Politique" if i in (0, 2) else "Autre",
            )
            for i, (lang, t, x) in enumerate(DOCS)
        ]
        res = store.save_articles(conn, recs)
    return {DOCS[i][1]: r.article_id for i, r in enumerate(res)}


def titles(db: Database, q: str, **kw: object) -> list[str]:
    with db.read() as conn:
        result = search_ids(conn, q, ArticleFilter(**kw), sort="date")  # type: ignore[arg-type]
        return [a.title for a in (store.article_by_id(conn, i) for i in result.ids) if a]


def test_accent_and_case_insensitive_french(db: Database) -> None:
    seed(db)
    assert titles(db, "ECONOMIE") == ["Économie : le phosphate tire les exportations"]
    assert titles(db, "réforme électorale") == ["Le Parlement adopte la réforme électorale"]


def test_arabic_ignores_hamza_seats_and_short_vowels(db: Database) -> None:
    seed(db)
    assert titles(db, "اصلاح") == ["البرلمان يصادق على إصلاح الانتخابات"]
    assert titles(db, "البرلمانُ") == ["البرلمان يصادق على إصلاح الانتخابات"]


def test_spanish_and_filters(db: Database) -> None:
    seed(db)
    assert titles(db, "selección") == ["La selección gana la final en Rabat"]
    assert titles(db, "final", language="en") == []
    assert titles(db, "réforme", section="Autre") == []
    assert titles(db, "phosphate", since=T0 - timedelta(days=2)) == [
        "Économie : le phosphate tire les exportations"
    ]


def test_updates_and_deletes_reach_the_index(db: Database) -> None:
    ids = seed(db)
    with db.write() as conn:
        art = store.article_by_id(conn, ids["Drought pushes dam levels to record lows"])
        assert art is not None
        store.save_articles(conn, [
            ArticleRecord(
                source_id=art.source_id, feed_id=art.feed_id, url=art.url,
                canonical_url=art.canonical_url, title="Rain refills the dams",
                text="Heavy rain in the Atlas.", html="", excerpt="", content_hash="new",
                fetched_at=T0, language="en",
            )
        ])
    assert titles(db, "drought") == []
    assert titles(db, "rain") == ["Rain refills the dams"]
    with db.write() as conn:
        registry.remove_source(conn, "s")
    assert titles(db, "rain") == []


def test_rebuild_gives_same_results(db: Database) -> None:
    seed(db)
    before = titles(db, "final")
    with db.write() as conn:
        assert rebuild_search_index(conn) == len(DOCS)
    assert titles(db, "final") == before != []


def test_relevance_pagination(db: Database) -> None:
    seed(db)
    with db.read() as conn:
        first = search_ids(conn, "rabat", ArticleFilter(), limit=1)
        assert first.next_cursor
        second = search_ids(conn, "rabat", ArticleFilter(), limit=1, cursor=first.next_cursor)
    assert first.ids and second.ids and first.ids != second.ids
    assert second.next_cursor is None


def test_snippet_highlights_folded_matches() -> None:
    snippet = make_snippet("Les élections législatives <b>auront</b> lieu.", ["election"])
    assert "<mark>élections</mark>" in snippet and "&lt;b&gt;" in snippet


def test_broad_relevance_queries_rank_the_newest_matches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite ranks at most RELEVANCE_WINDOW of the newest matches when no filter is set;
    a filter, or sorting by date, still reaches every match. (PostgreSQL ranks all.)"""
    from jarida.storage import search_sqlite

    db = Database.open(f"sqlite:///{tmp_path}/window.db")
    db.upgrade()

    ids = seed(db)  # "rabat" matches the phosphate (id 2) and the final (id 4) articles
    phosphate = ids["Économie : le phosphate tire les exportations"]
    final = ids["La selección gana la final en Rabat"]
    with db.read() as conn:
        assert set(search_ids(conn, "rabat", ArticleFilter()).ids) == {phosphate, final}
        monkeypatch.setattr(search_sqlite, "RELEVANCE_WINDOW", 1)
        assert search_ids(conn, "rabat", ArticleFilter()).ids == [max(phosphate, final)]
        assert set(search_ids(conn, "rabat", ArticleFilter(), sort="date").ids) == {
            phosphate, final}
        assert search_ids(conn, "rabat", ArticleFilter(language="fr")).ids == [phosphate]
    db.close()


def test_inflected_forms_find_each_other(db: Database) -> None:
    """Words are matched by their stem in the article's language, on both backends."""
    seed(db)
    economy = "Économie : le phosphate tire les exportations"
    assert titles(db, "économiques") == [economy]
    assert titles(db, "exportation") == [economy]
    assert titles(db, "progresser") == [economy]
    assert titles(db, "elecciones") == []  # no Spanish article speaks of them
    assert titles(db, "élection") == ["Le Parlement adopte la réforme électorale"]
    assert titles(db, "ganar final") == ["La selección gana la final en Rabat"]


def test_relevance_puts_headline_matches_first(db: Database) -> None:
    ids = seed(db)
    with db.write() as conn:
        (later,) = store.save_articles(conn, [ArticleRecord(
            source_id=1, feed_id=1, url="https://s.example/m", canonical_url="https://s.example/m",
            title="Météo du week-end", text="Ciel dégagé sur Rabat et Salé.", html="",
            excerpt="", content_hash="m", fetched_at=T0, published_at=T0, language="fr")])
    with db.read() as conn:
        ranked = search_ids(conn, "rabat", ArticleFilter()).ids
    assert ranked[0] == ids["La selección gana la final en Rabat"]
    assert set(ranked) == {ids["La selección gana la final en Rabat"], later.article_id,
                           ids["Économie : le phosphate tire les exportations"]}


def test_sqlite_weighs_rarer_headline_words_more(tmp_path: Path) -> None:
    db = Database.open(f"sqlite:///{tmp_path}/rank.db")
    db.upgrade()
    body = "Le port de Nador reçoit des navires ; la pêche reprend."
    with db.write() as conn:
        sid = registry.insert_source(conn, SourceSpec(slug="n", name="N"))
        recs = [ArticleRecord(
            source_id=sid, feed_id=None, url=f"https://n.example/{i}",
            canonical_url=f"https://n.example/{i}", title=title, text=body, html="",
            excerpt="", content_hash=f"n{i}", fetched_at=T0, language="fr")
            for i, title in enumerate(["Nador accueille la flotte", "Le port s'agrandit",
                                       "Un port plus profond", "La pêche reprend"])]
        got = [r.article_id for r in store.save_articles(conn, recs)]
    with db.read() as conn:
        # "nador" is in one headline of four, "port" in two: the rarer word counts more;
        # ties go to the newest, and articles with neither word in the headline come last.
        assert search_ids(conn, "port nador", ArticleFilter()).ids == [
            got[0], got[2], got[1], got[3]]
        assert search_ids(conn, "ports", ArticleFilter()).ids == [
            got[2], got[1], got[3], got[0]]
    db.close()


def test_snippet_reaches_a_match_past_the_lead() -> None:
    filler = "Le conseil a siégé toute la journée. " * 120  # over 4,000 characters
    snippet = make_snippet(filler + "Les élections auront lieu en juin.", ["elections"])
    assert "<mark>élections</mark>" in snippet and snippet.startswith("…")
    lead = make_snippet("Élections : " + filler + "élections", ["élection"])
    assert lead.startswith("<mark>Élections</mark>")


def test_snippet_marks_inflected_forms_and_only_them() -> None:
    snippet = make_snippet("Les économies régionales et la politique économique.", ["économie"])
    assert snippet.count("<mark>") == 2
    assert "<mark>économies</mark>" in snippet and "<mark>économique</mark>" in snippet


def test_sqlite_date_order_is_the_same_by_either_walk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Many matches: newest articles are checked one by one; few: every match is sorted.
    Both give the same pages, filters and cursors included."""
    from jarida.storage import search_sqlite

    db = Database.open(f"sqlite:///{tmp_path}/dates.db")
    db.upgrade()
    seed(db)

    def pages(q: str, **kw: object) -> list[list[int]]:
        out, cursor = [], None
        with db.read() as conn:
            while True:
                r = search_ids(conn, q, ArticleFilter(**kw), sort="date",  # type: ignore[arg-type]
                               limit=1, cursor=cursor)
                out.append(r.ids)
                if not (cursor := r.next_cursor):
                    return out

    queries = [("rabat", {}), ("la", {}), ("la", {"language": "fr"}),
               ("la", {"since": T0 - timedelta(days=2)}), ("élection", {"section": "Politique"})]
    sorted_all = [pages(q, **kw) for q, kw in queries]
    monkeypatch.setattr(search_sqlite, "DATE_WALK_FROM", 1)
    assert [pages(q, **kw) for q, kw in queries] == sorted_all
    assert sorted_all[1] == [[1], [4]]  # "la": newest first, one per page
    db.close()


def test_precomputed_index_forms_are_used_only_when_they_match_what_is_stored(
    tmp_path: Path,
) -> None:
    """Extraction workers send the index forms with the record; storage trusts them only
    if cleaning left title, text and language unchanged (else the index would not match
    the row, and a later update could not delete what was inserted)."""
    from jarida.storage.searchtext import index_text

    db = Database.open(f"sqlite:///{tmp_path}/forms.db")
    db.upgrade()

    def record(i: int, title: str, text: str, forms: tuple[str, str]) -> ArticleRecord:
        return ArticleRecord(
            source_id=1, feed_id=None, url=f"https://f.example/{i}",
            canonical_url=f"https://f.example/{i}", title=title, text=text, html="",
            excerpt="", content_hash=f"f{i}", fetched_at=T0, language="fr", index_forms=forms)

    with db.write() as conn:
        registry.insert_source(conn, SourceSpec(slug="f", name="F"))
        title, text = "Les marchés de Fès", "Les commerçants rouvrent leurs boutiques."
        good = record(1, title, text, (index_text("fr", title), index_text("fr", text)))
        # a control character is cleaned away: these forms were not made from the stored text
        dirty = record(2, "Le port\x07 de Safi", "Les pêcheurs reviennent.", ("x", "y"))
        ids = [r.article_id for r in store.save_articles(conn, [good, dirty])]
    with db.read() as conn:
        assert search_ids(conn, "marché boutique", ArticleFilter()).ids == [ids[0]]
        assert search_ids(conn, "pêcheur", ArticleFilter()).ids == [ids[1]]
        assert search_ids(conn, "x", ArticleFilter()).ids == []
    with db.write() as conn:  # updates delete exactly what was inserted
        store.save_articles(conn, [
            replace(good, text="Nouvelle saison.", content_hash="g", index_forms=None),
            replace(dirty, text="Retour au port.", content_hash="d", index_forms=None)])
    with db.read() as conn:
        assert search_ids(conn, "boutique", ArticleFilter()).ids == []
        assert search_ids(conn, "pêcheur", ArticleFilter()).ids == []
        assert search_ids(conn, "saison", ArticleFilter()).ids == [ids[0]]
        assert search_ids(conn, "port", ArticleFilter()).ids == [ids[1]]
    db.close()


def test_rebuild_reports_its_progress(db: Database) -> None:
    seed(db)
    seen: list[tuple[int, int]] = []
    with db.write() as conn:
        assert rebuild_search_index(conn, lambda done, total: seen.append((done, total))) == 5
    assert seen == [(len(DOCS), len(DOCS))]
