"""Highlighted snippets computed in Python, identical for SQLite and PostgreSQL results.

A term of one word marks every word of the text sharing one of its index forms (stem,
as written, Arabic proclitics); a term of several words (a quoted phrase) marks only
where all its words follow one another. Marked words next to each other share one
<mark>, so a phrase is highlighted as a phrase.
"""

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


def _query_forms(terms: list[str]) -> tuple[frozenset[str], list[list[frozenset[str]]]]:
    """Forms of the single words, and of each word of each phrase, in order."""
    words: set[str] = set()
    phrases: list[list[frozenset[str]]] = []
    for term in terms:
        tokens = TOKEN.findall(term)
        if len(tokens) == 1:
            words |= _forms(tokens[0])
        elif tokens:
            phrases.append([_forms(t) for t in tokens])
    return frozenset(words), phrases


SCAN_CHARS = 3000


def _hits(text: str, wanted: frozenset[str],
          phrases: list[list[frozenset[str]]]) -> tuple[list[str], set[int], list[int]]:
    """The words of `text`, the positions to mark, and where matches start."""
    words = WORD.findall(text)
    # Each distinct word is looked at once: a long article repeats most of its words.
    single = {w for w in set(words) if not wanted.isdisjoint(_forms(w))}
    marked = {i for i, w in enumerate(words) if w in single}
    starts = set(marked)
    for phrase in phrases:
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if all(not phrase[k].isdisjoint(_forms(words[i + k])) for k in range(n)):
                marked.update(range(i, i + n))
                starts.add(i)
    return words, marked, sorted(starts)


def make_snippet(text: str, terms: list[str], *, width: int = 32) -> str:
    """Escaped HTML: about `width` words around the densest match, matches in <mark>.
    `terms` are words, or phrases (several words) matched only as a whole."""
    wanted, phrases = _query_forms(terms)
    # The snippet comes from the start of the article when the start holds a match (the
    # lead usually does); only then is the whole text read.
    cut = text.rfind(" ", 0, SCAN_CHARS) + 1 if len(text) > SCAN_CHARS else 0
    words, marked, hits = _hits(text[:cut] if cut else text, wanted, phrases)
    if cut and not hits:
        words, marked, hits = _hits(text, wanted, phrases)
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
    for k, m in enumerate(window, start=best):
        gap = html.escape(text[pos : m.start()])
        word = html.escape(m.group())
        if k in marked:
            # a marked word right after another continues its <mark>
            joined = k - 1 in marked and k != best and out[-1].endswith("</mark>")
            if joined:
                out[-1] = out[-1][: -len("</mark>")] + gap + word + "</mark>"
            else:
                out.append(gap + f"<mark>{word}</mark>")
        else:
            out.append(gap + word)
        pos = m.end()
    out.append("…" if end < len(text) else "")
    return "".join(out).strip()
