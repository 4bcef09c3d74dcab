"""lxml work in one thread of a process at a time.

A distributed worker process runs many threads (`jarida worker --threads`), and each
parses and extracts pages with lxml (trafilatura, Readability, htmldate, the feed
readers). Threads running that work at the same moment crash the process now and then
inside libxml2: "double free or corruption", "munmap_chunk(): invalid pointer" or
SIGSEGV, in `HTMLParser` parses and in `copy`/`deepcopy` of a tree. Reproduced with
24 threads extracting the corpus pages and nothing else in the process; with this lock
around each page's extraction the same runs did not crash (docs/benchmarks.md,
"Distributed crawling: the native crash, found").

The lock costs almost nothing: Python holds the GIL through nearly all of an
extraction anyway, so two threads never really extracted at once; what is lost is only
the overlap of one thread's parse (libxml2 without the GIL) with another's Python work.
Fetching, waiting for a host's turn and storing still overlap freely. A process with
one thread (the inline crawler's extraction workers) takes it uncontended.

Reentrant: an extraction that parses a feed's entry, or a poll that reads a page, may
nest turns.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

_TURN = threading.RLock()


@contextmanager
def lxml_turn() -> Iterator[None]:
    """Hold the process's lxml turn for the block."""
    with _TURN:
        yield
