"""Deleting an original (removing its source) keeps its copies grouped: the earliest
surviving copy becomes the original, in the same transaction."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from jarida.model import ArticleRecord, SourceSpec
from jarida.storage import Database
from jarida.storage import sources as registry
from jarida.storage.articles import save_articles
from jarida.storage.copies import link_copy
from jarida.storage.tables import article_copies

T0 = datetime(2026, 11, 3, 8, 0, tzinfo=UTC)


def _links(db: Database) -> dict[int, int]:
    with db.read() as conn:
        return {int(a): int(o) for a, o in conn.execute(
            select(article_copies.c.article_id, article_copies.c.original_id))}


def test_copies_of_a_deleted_original_regroup_under_the_earliest(db: Database) -> None:
    ids: dict[str, int] = {}
    with db.write() as conn:
        for n, slug in enumerate(("wire", "late", "early", "other")):
            sid = registry.insert_source(conn, SourceSpec(slug=slug, name=slug,
                                                          languages=("fr",)))
            # wire first, then early (hour 1), late (hour 2); "other" is unrelated
            at = T0 + timedelta(hours={"wire": 0, "early": 1, "late": 2, "other": 3}[slug])
            record = ArticleRecord(
                source_id=sid, feed_id=None, url=f"https://{slug}.example/a",
                canonical_url=f"https://{slug}.example/a", title="Dépêche",
                text=f"Le texte de la dépêche ({n}).", html="", excerpt="", content_hash=slug,
                fetched_at=at, published_at=at, language="fr")
            ids[slug] = save_articles(conn, [record])[0].article_id
        link_copy(conn, ids["late"], ids["wire"], 0.9)
        link_copy(conn, ids["early"], ids["wire"], 0.95)
    with db.write() as conn:
        assert registry.remove_source(conn, "wire")
    # before: both links died with the original (CASCADE), and the group was lost
    assert _links(db) == {ids["late"]: ids["early"]}


def test_copies_deleted_with_their_original_leave_nothing(db: Database) -> None:
    with db.write() as conn:
        sid = registry.insert_source(conn, SourceSpec(slug="one", name="one",
                                                      languages=("fr",)))
        records = [ArticleRecord(
            source_id=sid, feed_id=None, url=f"https://one.example/{n}",
            canonical_url=f"https://one.example/{n}", title="Dépêche", text=f"Texte {n}.",
            html="", excerpt="", content_hash=str(n), fetched_at=T0 + timedelta(hours=n),
            published_at=T0 + timedelta(hours=n), language="fr") for n in range(2)]
        saved = save_articles(conn, records)
        link_copy(conn, saved[1].article_id, saved[0].article_id, 0.9)
    with db.write() as conn:
        assert registry.remove_source(conn, "one")
    assert _links(db) == {}
