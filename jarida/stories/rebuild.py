"""Recompute stories for an existing database (`jarida stories rebuild`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from jarida.storage import Database
from jarida.storage import stories as store
from jarida.storage.blocking import bump_changes
from jarida.stories.assign import Placement, place_batch
from jarida.stories.features import features
from jarida.stories.hook import PRUNE_AFTER_WINDOWS

CHUNK = 500
CHANGE_MARK = "stories"


def rebuild_stories(database: Database, since: datetime | None, window: timedelta,
                    progress: Callable[[int, int], None] | None = None) -> int:
    """Forget the stories touching `since` onwards (all when None) and place every article
    left without a story, oldest first; the number of articles placed."""
    with database.write() as conn:
        store.forget_since(conn, since)
        bump_changes(conn, CHANGE_MARK)
        total = store.count_unplaced(conn)
    done = 0
    after: tuple[datetime, int] | None = None
    while True:
        with database.write() as conn:
            batch = store.unplaced_articles(conn, after, CHUNK)
            place_batch(conn, [Placement(a.id, a.source_id, a.seen_at,
                                         features(a.language, a.title, a.text))
                               for a in batch], window)
            if batch:
                store.prune_keys(conn, batch[-1].seen_at - PRUNE_AFTER_WINDOWS * window)
                # Serving processes' page caches follow the data version, which reads this.
                bump_changes(conn, CHANGE_MARK)
        if not batch:
            return done
        done += len(batch)
        after = (batch[-1].seen_at, batch[-1].id)
        if progress:
            progress(done, total)
