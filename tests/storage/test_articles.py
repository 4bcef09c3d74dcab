"""Storage contract: idempotent writes, lookups, pagination, cleaning."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from jarida.model import ArticleRecord, FeedSpec, SourceSpec
from jarida.storage import ArticleFilter, BadCursor, Database
from jarida.storage import articles as store
from jarida.storage import sources as registry

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def make_source(db: Database, slug: str = "albayane", lang: str = "fr") -> tuple[int, int]:
    with db.write() as conn:
        sid = registry.insert_source(
            conn, SourceSpec(slug=slug, name=slug.title(), languages=(lang,))
        )
        fid = registry.insert_feed(conn, sid, FeedSpec(url=f"https://{slug}.example/feed"))
    return sid, fid


def record(sid: int, fid: int, n: int, **kw: object) -> ArticleRecord:
    base = ArticleRecord(
        source_id=sid,
        feed_id=fid,
        url=f"https://example.ma/a/{n}?utm_source=x",
        canonical_url=f"https://example.ma/a/{n}",
        title=f"Titre {n}",
        text=f"Texte de l'article numéro {n} sur l'économie marocaine.",
        html=f"<p>Texte {n}</p>",
        excerpt=f"Texte {n}",
        content_hash=f"h{n}",
        fetched_at=T0,
        guid=f"g{n}",
        published_at=T0 - timedelta(hours=n),
        language="fr",
        section="Économie",
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def test_saving_twice_leaves_one_row_updated(db: Database) -> None:
    sid, fid = make_source(db)
    with db.write() as conn:
        first = store.save_articles(conn, [record(sid, fid, 1)])
    with db.write() as conn:
        again = store.save_articles(conn, [record(sid, fid, 1)])
        changed = store.save_articles(
            conn, [record(sid, fid, 1, title="Titre corrigé", content_hash="h1b")]
        )
    assert [r.outcome for r in first] == ["new"]
    assert [r.outcome for r in again] == ["unchanged"]
    assert [r.outcome for r in changed] == ["updated"]
    assert first[0].article_id == again[0].article_id == changed[0].article_id
    with db.read() as conn:
        assert store.count_articles(conn) == 1
        art = store.article_by_canonical_url(conn, "https://example.ma/a/1")
    assert art is not None and art.title == "Titre corrigé" and art.status == "updated"
    assert art.source_slug == "albayane"
    assert art.published_at == T0 - timedelta(hours=1)
    assert art.published_at.tzinfo is not None


def test_duplicate_within_one_batch_is_stored_once(db: Database) -> None:
    sid, fid = make_source(db)
    with db.write() as conn:
        res = store.save_articles(conn, [record(sid, fid, 2), record(sid, fid, 2)])
    assert [r.outcome for r in res] == ["new", "unchanged"]
    with db.read() as conn:
        assert store.count_articles(conn) == 1


def test_feed_only_version_never_replaces_full_article(db: Database) -> None:
    sid, fid = make_source(db)
    with db.write() as conn:
        store.save_articles(conn, [record(sid, fid, 3)])
        res = store.save_articles(
            conn, [record(sid, fid, 3, text="résumé", content_hash="x", status="feed_only")]
        )
    assert res[0].outcome == "unchanged"


def test_nul_bytes_and_bad_unicode_are_cleaned(db: Database) -> None:
    sid, fid = make_source(db)
    with db.write() as conn:
        store.save_articles(
            conn,
            [record(sid, fid, 4, title="Ti\x00tre\ud800", text="a\x00b\x07c", author="A\x00B")],
        )
    with db.read() as conn:
        art = store.article_by_canonical_url(conn, "https://example.ma/a/4")
    assert art is not None
    assert art.title == "Titre\ufffd" and art.text == "abc" and art.author == "AB"


def test_failed_batch_rolls_back_entirely(db: Database) -> None:
    sid, fid = make_source(db)
    with pytest.raises(RuntimeError), db.write() as conn:
        store.save_articles(conn, [record(sid, fid, 5)])
        raise RuntimeError("disk full")
    with db.read() as conn:
        assert store.count_articles(conn) == 0


def test_keyset_pagination_is_stable_while_articles_arrive(db: Database) -> None:
    sid, fid = make_source(db)
    with db.write() as conn:
        store.save_articles(conn, [record(sid, fid, n) for n in range(1, 8)])
    with db.read() as conn:
        page1 = store.list_articles(conn, ArticleFilter(), limit=3)
    assert [a.title for a in page1.items] == ["Titre 1", "Titre 2", "Titre 3"]
    assert page1.next_cursor
    with db.write() as conn:  # a newer article arrives between two page loads
        store.save_articles(conn, [record(sid, fid, 0)])
    with db.read() as conn:
        page2 = store.list_articles(conn, ArticleFilter(), limit=3, cursor=page1.next_cursor)
        assert page2.next_cursor
        page3 = store.list_articles(conn, ArticleFilter(), limit=3, cursor=page2.next_cursor)
    assert [a.title for a in page2.items] == ["Titre 4", "Titre 5", "Titre 6"]
    assert [a.title for a in page3.items] == ["Titre 7"] and page3.next_cursor is None


def test_filters_and_bad_cursor(db: Database) -> None:
    sid, fid = make_source(db)
    sid2, fid2 = make_source(db, "hespress-ar", "ar")
    with db.write() as conn:
        store.save_articles(
            conn,
            [
                record(sid, fid, 1),
                record(sid2, fid2, 2, language="ar", section="Sport", title="رياضة"),
            ],
        )
    with db.read() as conn:
        by_lang = store.list_articles(conn, ArticleFilter(language="ar"))
        by_source = store.list_articles(conn, ArticleFilter(source="albayane"))
        by_section = store.list_articles(conn, ArticleFilter(section="Sport"))
        since = store.list_articles(conn, ArticleFilter(since=T0 - timedelta(hours=1)))
        with pytest.raises(BadCursor):
            store.list_articles(conn, ArticleFilter(), cursor="not-a-cursor!")
        assert store.count_articles_by(conn, "language") == {"fr": 1, "ar": 1}
        assert store.distinct_sections(conn) == ["Sport", "Économie"]
    assert [a.title for a in by_lang.items] == ["رياضة"]
    assert [a.source_slug for a in by_source.items] == ["albayane"]
    assert [a.title for a in by_section.items] == ["رياضة"]
    assert [a.title for a in since.items] == ["Titre 1"]


def test_known_guids_are_scoped_to_their_feed(db: Database) -> None:
    sid, fid = make_source(db)
    with db.write() as conn:
        other = registry.insert_feed(conn, sid, FeedSpec(url="https://x.example/other"))
        store.save_articles(conn, [record(sid, fid, 1)])
    with db.read() as conn:
        assert store.known_guids(conn, fid, ["g1", "g2"]) == {"g1"}
        assert store.known_guids(conn, other, ["g1"]) == set()


def test_removing_a_source_removes_its_articles(db: Database) -> None:
    sid, fid = make_source(db)
    with db.write() as conn:
        store.save_articles(conn, [record(sid, fid, 1)])
        assert registry.remove_source(conn, "albayane")
        assert not registry.remove_source(conn, "albayane")
    with db.read() as conn:
        assert store.count_articles(conn) == 0 and registry.all_sources(conn) == []


def test_forged_cursor_with_huge_id_is_rejected(db: Database) -> None:
    from jarida.storage.filters import encode_cursor

    with db.read() as conn, pytest.raises(BadCursor):
        store.list_articles(conn, ArticleFilter(),
                            cursor=encode_cursor("2026-01-01T00:00:00+00:00", 10**30))
