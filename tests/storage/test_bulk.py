"""Bulk loading (storage.bulk, used to build the benchmark databases) stores and indexes
articles as the crawler's save_articles does, on both databases."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from jarida.model import ArticleRecord, SourceSpec
from jarida.storage import ArticleFilter, Database
from jarida.storage import articles as store
from jarida.storage import sources as registry
from jarida.storage.bulk import insert_rows, prepare_rows
from jarida.storage.search import search_ids

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def test_bulk_rows_are_searchable_and_updatable_like_saved_ones(db: Database) -> None:
    with db.write() as conn:
        sid = registry.insert_source(conn, SourceSpec(slug="b", name="B"))
    recs = [ArticleRecord(
        source_id=sid, feed_id=None, url=f"https://b.example/{i}",
        canonical_url=f"https://b.example/{i}", title=title, text=text, html="", excerpt="",
        content_hash=f"b{i}", fetched_at=T0, language=lang)
        for i, (lang, title, text) in enumerate([
            ("fr", "Les exportations progressent", "Le phosphate tire l'économie."),
            ("es", "Nuevas elecciones en Rabat", "Los votantes acuden a las urnas."),
        ])]
    with db.write() as conn:
        ids = insert_rows(conn, prepare_rows(recs))
    with db.read() as conn:
        assert search_ids(conn, "économiques", ArticleFilter()).ids == [ids[0]]
        assert search_ids(conn, "elección", ArticleFilter()).ids == [ids[1]]
    with db.write() as conn:  # the crawler's update replaces what the bulk load indexed
        store.save_articles(conn, [replace(recs[0], text="Une saison record.",
                                           content_hash="c")])
    with db.read() as conn:
        assert search_ids(conn, "économie", ArticleFilter()).ids == []
        assert search_ids(conn, "saisons", ArticleFilter()).ids == [ids[0]]
