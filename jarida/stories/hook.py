"""The after-store hook: every newly stored article is placed in a story, once."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

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


def story_hook(settings: Settings) -> AfterStore:
    """Place the batch's articles not placed yet (re-crawls and updates change nothing)."""
    window = timedelta(days=settings.story_window_days)

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
            latest = max(p.seen_at for p in batch.values())
            store.prune_keys(conn, latest - PRUNE_AFTER_WINDOWS * window)

    return place_stories
