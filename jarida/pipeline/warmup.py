"""Loaded once by the extraction pool's fork server, before any worker exists.

Each worker is then forked from a process that has already imported the extraction stack
(trafilatura, lxml, dateparser) and loaded the language model by extracting one page:
workers start warm and share those pages of memory, instead of each spending about a
second of CPU on the same imports at the start of every crawl.
"""

from __future__ import annotations

import gc
from datetime import UTC, datetime

from jarida.model import ArticleRecord
from jarida.pipeline.derived import derive
from jarida.pipeline.extraction import ExtractJob, run_job
from jarida.pipeline.orphans import exit_with_parent
from jarida.storage.searchtext import index_pair

exit_with_parent()  # the fork server, when the crawl process dies (workers watch it in turn)

_NOW = datetime(2026, 1, 1, tzinfo=UTC)
_PAGE = (
    "<html lang='fr'><head><title>Le port de Tanger</title>"
    "<meta property='article:published_time' content='2026-11-24T10:30:00+01:00'></head>"
    "<body><article><h1>Le port de Tanger</h1><p>Le trafic du port de Tanger Med a progressé "
    "au troisième trimestre, selon l'autorité portuaire.</p><p>Les exportations "
    "automobiles expliquent l'essentiel de la hausse.</p></article></body></html>"
)

_DONE = run_job(ExtractJob(_PAGE, "https://warm-up.invalid/article", "UTC", None, None, ()))
# What every worker also does to each record (`run_record_job`): the copies signature
# (datasketch), the story features and SQLite's index forms. Imported and run once here,
# not on each worker's first page (about 3 s of a 2,000-page crawl's worker CPU).
_TEXT = _DONE.text or "Le trafic du port de Tanger Med a progressé au troisième trimestre."
derive(ArticleRecord(
    source_id=0, feed_id=None, url="https://warm-up.invalid/article",
    canonical_url="https://warm-up.invalid/article", title="Le port de Tanger", text=_TEXT,
    html="", excerpt="", content_hash="", fetched_at=_NOW,
    language="fr"))
index_pair("fr", "Le port de Tanger", _TEXT)

# Everything loaded so far lives as long as the workers: moved out of the collector's
# reach, its pages are not rewritten by each worker's garbage collections and stay shared.
gc.collect()
gc.freeze()
