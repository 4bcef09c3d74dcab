"""Writing a batch of records: one transaction, hooks included; one bad record fails alone.

Runs on the crawler's database thread. A batch that fails because of one record is
written again one record at a time, so only the culprit is lost (and retried on a
later crawl); a failure of the storage itself raises `StorageUnavailable`, which
stops the pass instead of being blamed on a feed or an article.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection

from jarida.metrics.crawl import record_stored
from jarida.model import ArticleRecord
from jarida.pipeline.hooks import AfterStore, StoredArticle
from jarida.storage import Database
from jarida.storage import articles as article_store
from jarida.storage.failures import StorageUnavailable, describe, is_storage_failure
from jarida.storage.fetchlog import FetchLogEntry, log_fetches


@dataclass
class BatchOutcome:
    saved: list[article_store.SaveResult] = field(default_factory=list)
    failed: list[tuple[ArticleRecord, str]] = field(default_factory=list)


def _write(conn: Connection, records: Sequence[ArticleRecord], hooks: Sequence[AfterStore]
           ) -> list[article_store.SaveResult]:
    saved = article_store.save_articles(conn, records)
    stored = [StoredArticle(s.article_id, s.outcome, r) for s, r in zip(saved, records,
                                                                         strict=True)]
    for hook in hooks:
        hook(conn, stored)
    return saved


def store_batch(db: Database, records: Sequence[ArticleRecord], logs: Sequence[FetchLogEntry],
                hooks: Sequence[AfterStore]) -> BatchOutcome:
    outcome = _store_batch(db, records, logs, hooks)
    record_stored((s.outcome for s in outcome.saved), len(outcome.failed))  # metrics
    return outcome


def _store_batch(db: Database, records: Sequence[ArticleRecord], logs: Sequence[FetchLogEntry],
                hooks: Sequence[AfterStore]) -> BatchOutcome:
    try:
        with db.write() as conn:
            saved = _write(conn, records, hooks)
            log_fetches(conn, list(logs))
        return BatchOutcome(saved)
    except Exception as exc:
        if is_storage_failure(exc):
            raise StorageUnavailable(exc) from exc
        if len(records) <= 1 and not logs:
            return BatchOutcome(failed=[(r, describe(exc)) for r in records])
    outcome = BatchOutcome()
    for record in records:
        try:
            with db.write() as conn:
                outcome.saved += _write(conn, [record], hooks)
        except Exception as exc:
            if is_storage_failure(exc):
                raise StorageUnavailable(exc) from exc
            outcome.failed.append((record, describe(exc)))
    try:
        with db.write() as conn:
            log_fetches(conn, list(logs))
    except Exception as exc:
        raise StorageUnavailable(exc) from exc
    return outcome
