"""`jarida stories rebuild [--since DATE]`: only the stories touching the date onward are
recomputed; the window's index does not outgrow its bound."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from jarida.cli import app
from jarida.model import ArticleRecord
from jarida.pipeline.hooks import StoredArticle
from jarida.settings import Settings
from jarida.storage import Database
from jarida.storage.articles import article_by_id, save_articles
from jarida.storage.tables import story_articles, story_keys
from jarida.stories.hook import PRUNE_AFTER_WINDOWS, story_hook
from jarida.stories.rebuild import rebuild_stories
from tests.stories.test_hook import ORDER, T0, _store


def _stories_of(db: Database) -> dict[int, int]:
    with db.read() as conn:
        return {int(a): int(s) for a, s in conn.execute(
            select(story_articles.c.article_id, story_articles.c.story_id))}


def test_rebuild_since_leaves_older_stories_alone(db: Database) -> None:
    ids = _store(db, ORDER)
    before = _stories_of(db)
    placed = rebuild_stories(db, T0 + timedelta(hours=3), timedelta(days=7))
    after = _stories_of(db)
    other = ids[("fr", "other")]  # alone at hour 2: its story holds nothing from hour 3 on
    assert after[other] == before[other]
    assert placed == 4  # the quake story (hours 0, 1, 3, 4) was recomputed whole
    quake = {after[ids[k]] for k in ORDER if k[1].startswith("quake")}
    assert len(quake) == 1 and quake != {before[ids[("fr", "quake")]]}


def test_index_rows_older_than_the_bound_are_pruned(db: Database) -> None:
    ids = _store(db, ORDER[:2])
    old = T0 - timedelta(days=7 * PRUNE_AFTER_WINDOWS + 1)
    with db.write() as conn:
        conn.execute(story_keys.update().values(last_seen=old))
        kept = conn.execute(select(func.count()).select_from(story_keys)).scalar_one()
    assert kept > 0
    with db.read() as conn:
        article = article_by_id(conn, ids[("fr", "quake")])
    assert article is not None
    record = ArticleRecord(
        source_id=article.source_id, feed_id=None, url="https://x.example/late",
        canonical_url="https://x.example/late", title="Autre chose", text="Rien à voir.",
        html="", excerpt="", content_hash="late", fetched_at=T0, published_at=T0,
        language="fr")
    with db.write() as conn:
        saved = save_articles(conn, [record])
        story_hook(Settings())(conn, [StoredArticle(saved[0].article_id, "new", record)])
        left = conn.execute(select(func.count()).select_from(story_keys)
                            .where(story_keys.c.last_seen == old)).scalar_one()
    assert left == 0


def test_command_reports_what_it_placed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path}/c.db"
    monkeypatch.setenv("JARIDA_DATABASE_URL", url)
    database = Database.open(url)
    database.upgrade()
    _store(database, ORDER)
    database.close()
    done = CliRunner().invoke(app, ["stories", "rebuild", "--since", "2026-11-03"])
    assert done.exit_code == 0, done.output
    assert f"{len(ORDER)} articles placed in stories" in done.output
    bad = CliRunner().invoke(app, ["stories", "rebuild", "--since", "yesterday"])
    assert bad.exit_code != 0 and "--since: not a date" in str(bad.exception)


def test_rebuild_turns_the_page_cache_over(db: Database) -> None:
    # A running server's page cache follows the data version: a rebuild renumbers stories
    # without adding an article, so it must change the version itself.
    from jarida.storage.web_queries import data_version

    _store(db, ORDER)
    with db.read() as conn:
        before = data_version(conn).fingerprint
    rebuild_stories(db, None, timedelta(days=7))
    with db.read() as conn:
        assert data_version(conn).fingerprint != before
