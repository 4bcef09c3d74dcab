"""The story index is pruned by each process at most every `PRUNE_EVERY` seconds, not on
every page, and what a prune must remove is still removed, at the next one."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from jarida.model import ArticleRecord, SourceSpec
from jarida.pipeline.hooks import StoredArticle
from jarida.settings import Settings
from jarida.storage import Database
from jarida.storage.articles import save_articles
from jarida.storage.sources import insert_source
from jarida.storage.tables import story_keys
from jarida.stories.hook import PRUNE_AFTER_WINDOWS, PRUNE_EVERY, story_hook
from tests.stories.test_hook import T0


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _old_rows(db: Database, at: object) -> int:
    with db.read() as conn:
        return int(conn.execute(select(func.count()).select_from(story_keys)
                                .where(story_keys.c.last_seen == at)).scalar_one())


def test_prune_runs_first_then_at_most_every_interval(db: Database) -> None:
    clock = Clock()
    hook = story_hook(Settings(), clock=clock)
    with db.write() as conn:
        source = insert_source(conn, SourceSpec(slug="s", name="S", languages=("fr",)))

    def place(n: int, title: str) -> None:
        record = ArticleRecord(
            source_id=source, feed_id=None, url=f"https://p.example/{n}",
            canonical_url=f"https://p.example/{n}", title=title,
            text=f"{title}. Le conseil de la ville {n} a voté mardi.", html="", excerpt="",
            content_hash=f"p{n}", fetched_at=T0, published_at=T0 + timedelta(minutes=n),
            language="fr")
        with db.write() as conn:
            saved = save_articles(conn, [record])
            hook(conn, [StoredArticle(saved[0].article_id, "new", record)])

    old = T0 - timedelta(days=7 * PRUNE_AFTER_WINDOWS + 1)
    place(1, "Budget municipal de Fès adopté")
    with db.write() as conn:  # everything indexed so far falls behind the bound
        conn.execute(story_keys.update().values(last_seen=old))
    assert _old_rows(db, old) > 0

    clock.now += PRUNE_EVERY / 2
    place(2, "Tanger accueille un festival de jazz")
    assert _old_rows(db, old) > 0  # not time yet: the old rows wait

    clock.now += PRUNE_EVERY / 2
    place(3, "Rabat ouvre une nouvelle bibliothèque")
    assert _old_rows(db, old) == 0  # the next prune removes them
    with db.read() as conn:  # and only them: the recent stories keep their keys
        assert conn.execute(select(func.count()).select_from(story_keys)).scalar_one() > 0


def test_a_new_process_prunes_on_its_first_batch(db: Database) -> None:
    """Each hook (one per process) prunes on its first batch, whatever its clock says."""
    with db.write() as conn:
        source = insert_source(conn, SourceSpec(slug="s", name="S", languages=("fr",)))
    old = T0 - timedelta(days=7 * PRUNE_AFTER_WINDOWS + 1)
    for n in range(2):
        record = ArticleRecord(
            source_id=source, feed_id=None, url=f"https://q.example/{n}",
            canonical_url=f"https://q.example/{n}", title=f"Titre {n} de Meknès",
            text="Le marché de Meknès rouvre ses portes.", html="", excerpt="",
            content_hash=f"q{n}", fetched_at=T0, published_at=T0, language="fr")
        with db.write() as conn:
            saved = save_articles(conn, [record])
            story_hook(Settings(), clock=lambda: 5.0)(
                conn, [StoredArticle(saved[0].article_id, "new", record)])
        if n == 0:
            with db.write() as conn:
                conn.execute(story_keys.update().values(last_seen=old))
            assert _old_rows(db, old) > 0
    assert _old_rows(db, old) == 0
