"""What the after-store hooks compute from a record alone, computed in the extraction worker.

The copies signature (word shingles, MinHash, LSH band keys) and the story features need
no database: the worker that built the record computes them, so the crawl's single
database thread only looks them up. A record without them (stored directly, rebuilt, or
from an older worker) is handled as before: each hook computes what it needs itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from jarida.dedup.copies import CopyPrint, copy_print
from jarida.model import ArticleRecord
from jarida.storage.clean import clean_required
from jarida.stories.features import Features, features


@dataclass(frozen=True)
class Derived:
    copies: CopyPrint  # of the text as storage will keep it (cleaned)
    story: Features  # of the record's title and text, as the story hook reads them


def derive(record: ArticleRecord) -> Derived:
    return Derived(copy_print(clean_required(record.text)),
                   features(record.language, record.title, record.text))
