"""What happens to a batch of articles right after it is saved, in the same transaction.

Every part that derives data from stored articles (syndicated copies and stories,
monitoring mentions, image registration) plugs in here, so the inline crawler, the
distributed workers and any re-run treat a stored article the same way. A hook runs
inside the batch's write transaction, after `save_articles`: if it raises, the batch
rolls back whole. Hooks must be idempotent (re-crawling an article, or a worker that
died after storing and is replayed, must change nothing), fast (they hold the writer),
and reach the database only through `jarida.storage` functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import Connection

from jarida.model import ArticleRecord
from jarida.settings import Settings
from jarida.storage.articles import Outcome


@dataclass(frozen=True)
class StoredArticle:
    """One saved record with the id and outcome `save_articles` gave it."""

    article_id: int
    outcome: Outcome  # "new", "updated" or "unchanged"
    record: ArticleRecord


class AfterStore(Protocol):
    def __call__(self, conn: Connection, stored: Sequence[StoredArticle]) -> None: ...


def after_store_hooks(settings: Settings) -> list[AfterStore]:
    """The hooks every writer runs, in order (each area adds its own here)."""
    from jarida.pipeline.copies_hook import link_copies
    from jarida.pipeline.image_hook import register_images
    from jarida.stories.hook import story_hook
    from jarida.watch.ingest import match_stored_articles

    # Copies before mentions: monitoring counts a copy once, by its original.
    return [register_images, link_copies, story_hook(settings), match_stored_articles]
