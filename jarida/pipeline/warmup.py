"""Loaded once by the extraction pool's fork server, before any worker exists.

Each worker is then forked from a process that has already imported the extraction stack
(trafilatura, lxml, dateparser) and loaded the language model by extracting one page:
workers start warm and share those pages of memory, instead of each spending about a
second of CPU on the same imports at the start of every crawl.
"""

from __future__ import annotations

import gc

from jarida.pipeline.extraction import ExtractJob, run_job
from jarida.pipeline.orphans import exit_with_parent

exit_with_parent()  # the fork server, when the crawl process dies (workers watch it in turn)

_PAGE = (
    "<html lang='fr'><head><title>Le port de Tanger</title>"
    "<meta property='article:published_time' content='2026-11-24T10:30:00+01:00'></head>"
    "<body><article><h1>Le port de Tanger</h1><p>Le trafic du port de Tanger Med a progressé "
    "au troisième trimestre, selon l'autorité portuaire.</p><p>Les exportations "
    "automobiles expliquent l'essentiel de la hausse.</p></article></body></html>"
)

run_job(ExtractJob(_PAGE, "https://warm-up.invalid/article", "UTC", None, None, ()))

# Everything loaded so far lives as long as the workers: moved out of the collector's
# reach, its pages are not rewritten by each worker's garbage collections and stay shared.
gc.collect()
gc.freeze()
