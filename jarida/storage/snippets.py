"""Highlighted snippets computed in Python, identical for SQLite and PostgreSQL results."""

from __future__ import annotations

import html
from bisect import bisect_left
from functools import lru_cache
from itertools import islice

from jarida.storage.searchtext import TOKEN, WORD, fold, index_forms


@lru_cache(maxsize=65536)
def _forms(token: str) -> frozenset[str]:
    """The forms a word of the text takes in the search index (searchtext.index_forms)."""
    return frozenset(index_forms([fold(token)]))


def _query_forms(terms: list[str]) -> frozenset[str]:
    forms: set[str] = set()
    for term in terms:
        for word in TOKEN.findall(term):
            forms |= _forms(word)
    return frozenset(forms)


SCAN_CHARS = 3000


def _hits(text: str, wanted: frozenset[str]) -> tuple[list[str], set[str], list[int]]:
    """The words of `text`, those sharing a stem with a query word, and their positions."""
    words = WORD.findall(text)
    # Each distinct word is looked at once: a long article repeats most of its words.
    marked = {w for w in set(words) if not wanted.isdisjoint(_forms(w))}
    return words, marked, [i for i, w in enumerate(words) if w in marked]


def make_snippet(text: str, terms: list[str], *, width: int = 32) -> str:
    """Escaped HTML: about `width` words around the densest match, matches in <mark>."""
    wanted = _query_forms(terms)
    # The snippet comes from the start of the article when the start holds a match (the
    # lead usually does); only then is the whole text read.
    cut = text.rfind(" ", 0, SCAN_CHARS) + 1 if len(text) > SCAN_CHARS else 0
    words, marked, hits = _hits(text[:cut] if cut else text, wanted)
    if cut and not hits:
        words, marked, hits = _hits(text, wanted)
    if not words:
        return ""
    best = 0
    if hits:
        # the hit that starts the window holding the most hits
        _, first = max((bisect_left(hits, h + width) - k, -k) for k, h in enumerate(hits))
        best = max(0, hits[-first] - width // 4)
    window = list(islice(WORD.finditer(text), best, best + width))
    start, end = window[0].start(), window[-1].end()
    out: list[str] = ["…" if start > 0 else ""]
    pos = start
    for m in window:
        out.append(html.escape(text[pos : m.start()]))
        word = html.escape(m.group())
        out.append(f"<mark>{word}</mark>" if m.group() in marked else word)
        pos = m.end()
    out.append("…" if end < len(text) else "")
    return "".join(out).strip()
