"""The after-store hook: every newly stored article is placed in a story, once."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from sqlalchemy import Connection

from jarida.pipeline.hooks import AfterStore, StoredArticle
from jarida.settings import Settings
from jarida.storage import stories as store
from jarida.stories.assign import Placement, place_batch
from jarida.stories.features import features

# Index entries older than this many windows behind the newest article are deleted. Wider
# than the window itself: a crawl stores outlets one after the other, not in publication
# order, and an outlet's older articles must still find the stories of their time.
PRUNE_AFTER_WINDOWS = 8
# ... by a process at most this often (seconds of its monotonic clock; the first batch it
# places always prunes). Pruning is a range delete over the whole index: run on every
# page it cost the writer CPU and, with several workers on PostgreSQL, lock waits, while
# the rows it removes are weeks behind anything a lookup reads.
PRUNE_EVERY = 300.0


class _Pruner:
    """When this process last pruned the index, and the newest article it has placed
    since it started (the edge follows the newest, as a prune on every batch would)."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock
        self.last: float | None = None
        self.newest: datetime | None = None
        self.lock = threading.Lock()  # a distributed worker's threads share one hook

    def due(self, latest: datetime) -> datetime | None:
        """The edge to prune at now, or None when it is not time yet."""
        with self.lock:
            self.newest = latest if self.newest is None else max(self.newest, latest)
            now = self.clock()
            if self.last is not None and now - self.last < PRUNE_EVERY:
                return None
            self.last = now
            return self.newest


def story_hook(settings: Settings, clock: Callable[[], float] = time.monotonic) -> AfterStore:
    """Place the batch's articles not placed yet (re-crawls and updates change nothing)."""
    window = timedelta(days=settings.story_window_days)
    pruner = _Pruner(clock)

    def place_stories(conn: Connection, stored: Sequence[StoredArticle]) -> None:
        fresh = [s for s in stored if s.outcome != "unchanged"]
        known = store.placed(conn, [s.article_id for s in fresh])
        batch: dict[int, Placement] = {}
        for s in sorted(fresh, key=lambda s: (s.record.published_at or s.record.fetched_at,
                                              s.article_id)):
            if s.article_id in known or s.article_id in batch:
                continue
            seen = s.record.published_at or s.record.fetched_at
            derived = s.record.derived  # computed by the extraction worker, if it ran
            f = (derived.story if derived is not None
                 else features(s.record.language, s.record.title, s.record.text))
            batch[s.article_id] = Placement(s.article_id, s.record.source_id, seen, f)
        if batch:
            place_batch(conn, list(batch.values()), window)
            newest = pruner.due(max(p.seen_at for p in batch.values()))
            if newest is not None:
                store.prune_keys(conn, newest - PRUNE_AFTER_WINDOWS * window)

    return place_stories
