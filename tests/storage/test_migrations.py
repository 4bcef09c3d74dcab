"""Upgrading an existing database keeps its data (PostgreSQL runs every migration in the
contract suite's fixture; this checks a populated SQLite file goes from 0001 to head)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from jarida.storage import Database, migrate
from jarida.storage import feeds as feed_store
from jarida.storage import sources as source_store


def _old_database(path: Path, revision: str, feed_url: str, kind: str) -> Database:
    """A SQLite database at `revision` holding one source and its feed, as raw rows."""
    db = Database.open(f"sqlite:///{path}")
    migrate.upgrade(db.engine, revision)
    with db.write() as conn:
        conn.execute(text(
            "INSERT INTO sources (id, slug, name, languages, mode, verified, created_at)"
            " VALUES (1, 'journal', 'Journal', 'fr', 'excerpt', 0, '2026-01-01')"))
        conn.execute(text(
            "INSERT INTO feeds (id, source_id, url, kind, poll_interval, consecutive_failures,"
            " status) VALUES (1, 1, :url, :kind, 3600, 0, 'active')"),
            {"url": feed_url, "kind": kind})
    return db


def test_upgrade_from_0001_keeps_feeds_and_tracks_moves(tmp_path: Path) -> None:
    db = _old_database(tmp_path / "old.db", "0001", "https://journal.test/", "homepage")
    db.upgrade()
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    with db.write() as conn:
        assert source_store.feed_url_exists(conn, "https://journal.test/")
        assert feed_store.update_feed_url(conn, 1, "https://journal.test/rss")
        assert feed_store.update_feed_url(conn, 1, "https://journal.test/rss2")
    with db.read() as conn:
        # both the first address and the current one are known; the first is kept
        assert source_store.feed_url_exists(conn, "https://journal.test/")
        assert source_store.feed_url_exists(conn, "https://journal.test/rss2")
        assert conn.execute(text("SELECT registered_url FROM feeds")).scalar() == (
            "https://journal.test/")
    db.close()


def test_upgrade_to_0004_reindexes_sqlite_search_with_stems(tmp_path: Path) -> None:
    """An article indexed by 0003's rules (folded words, no stems) is found by an
    inflected form only once the upgrade has rebuilt the index."""
    from jarida.storage.filters import ArticleFilter
    from jarida.storage.search import search_ids

    db = _old_database(tmp_path / "old.db", "0003", "https://journal.test/rss", "rss")
    with db.write() as conn:
        conn.execute(text(
            "INSERT INTO articles (id, source_id, feed_id, url, canonical_url, title, text,"
            " html, excerpt, content_hash, language, fetched_at, sort_at, updated_at,"
            " status)"
            " VALUES (1, 1, 1, 'https://journal.test/a', 'https://journal.test/a',"
            " 'Les exportations progressent', 'La politique économique du Maroc.', '', '',"
            " 'h', 'fr', '2026-01-01', '2026-01-01', '2026-01-01', 'full')"))
        conn.execute(text(  # what 0003 stored: folded words
            "INSERT INTO article_fts(rowid, title, text) VALUES (1,"
            " 'les exportations progressent', 'la politique economique du maroc.')"))
    with db.read() as conn:
        assert search_ids(conn, "économie", ArticleFilter()).ids == []
    db.upgrade()
    with db.read() as conn:
        assert search_ids(conn, "économie", ArticleFilter()).ids == [1]
        assert search_ids(conn, "exportation", ArticleFilter()).ids == [1]
    db.close()
