"""Batch writes: several records of one article in one batch, and the search index.

FTS5's external-content index must only ever be told to delete a row it holds; two
versions of one article in a batch used to delete the old row twice (issue 17, defect 3).
"""

from __future__ import annotations

from sqlalchemy import text

from jarida.storage import ArticleFilter, Database
from jarida.storage import articles as store
from jarida.storage.search import search_ids
from tests.storage.test_articles import make_source, record


def fts_integrity_ok(db: Database) -> None:
    """FTS5 compares its index with the articles table; raises if they disagree."""
    if db.dialect != "sqlite":
        return
    with db.write() as conn:
        conn.execute(text(
            "INSERT INTO article_fts(article_fts) VALUES ('integrity-check')"))


def found(db: Database, words: str) -> set[int]:
    with db.read() as conn:
        return set(search_ids(conn, words, ArticleFilter(), sort="date", limit=500).ids)


def test_two_new_pages_sharing_a_canonical_in_one_batch(db: Database) -> None:
    sid, fid = make_source(db)
    first = record(sid, fid, 1, url="https://example.ma/a/1?v=1", title="Premier zorblax")
    second = record(sid, fid, 1, url="https://example.ma/a/1?v=2", title="Second quintar",
                    content_hash="other")
    with db.write() as conn:
        res = store.save_articles(conn, [first, second])
    assert [r.outcome for r in res] == ["new", "updated"]
    assert res[0].article_id == res[1].article_id
    fts_integrity_ok(db)
    with db.read() as conn:
        art = store.article_by_id(conn, res[0].article_id)
    assert art is not None and art.title == "Second quintar"  # the latest wins
    assert found(db, "quintar") == {res[0].article_id}
    assert found(db, "zorblax") == set()


def test_two_updates_of_one_stored_article_in_one_batch(db: Database) -> None:
    sid, fid = make_source(db)
    with db.write() as conn:
        (saved,) = store.save_articles(conn, [record(sid, fid, 1, title="Un zorblax")])
    v2 = record(sid, fid, 1, title="Deux quintar", content_hash="h2")
    v3 = record(sid, fid, 1, title="Trois mivelo", content_hash="h3")
    with db.write() as conn:
        res = store.save_articles(conn, [v2, v3])
    assert [r.outcome for r in res] == ["updated", "updated"]
    fts_integrity_ok(db)
    assert found(db, "mivelo") == {saved.article_id}
    assert found(db, "quintar") == found(db, "zorblax") == set()


def test_an_update_then_its_undo_in_one_batch(db: Database) -> None:
    sid, fid = make_source(db)
    v1 = record(sid, fid, 1, title="Un zorblax")
    with db.write() as conn:
        (saved,) = store.save_articles(conn, [v1])
    with db.write() as conn:
        res = store.save_articles(conn, [
            record(sid, fid, 1, title="Deux quintar", content_hash="h2"),
            record(sid, fid, 1, title="Un zorblax", content_hash="h1"),  # v1 again
        ])
    # The second record compares with the first (not with what was stored before the
    # batch, which it equals): both apply, in order.
    assert [r.outcome for r in res] == ["updated", "updated"]
    fts_integrity_ok(db)
    assert found(db, "zorblax") == {saved.article_id}
    assert found(db, "quintar") == set()

