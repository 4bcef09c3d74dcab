"""Outlet names in a reader's query: "Rif Express" lists Rif Express's articles.

A query whose words hold the whole name of a registered outlet (its leading article
aside: "Courrier de l'Atlas" names "Le Courrier de l'Atlas"), or its slug, is read as
that outlet plus the other words: the outlet becomes the source filter and the other
words are searched within it; a query that is only the name lists the outlet's
articles, newest first. Names of one word are not taken (too many are ordinary words),
nor a name when the reader already chose another source.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, select

from jarida.storage.searchtext import TOKEN, fold
from jarida.storage.tables import sources

_LEADING_ARTICLES = frozenset({"le", "la", "les", "l", "el", "los", "las", "the", "al"})


@dataclass(frozen=True)
class NamedOutlet:
    slug: str
    name: str
    rest: list[str]  # the query's other words, folded


def _name_forms(slug: str, name: str) -> list[list[str]]:
    words = TOKEN.findall(fold(name))
    while len(words) > 2 and words[0] in _LEADING_ARTICLES:
        words = words[1:]
    forms = [words, TOKEN.findall(fold(slug))]
    return [f for f in forms if len(f) >= 2]


def _find(run: list[str], words: list[str]) -> int:
    for start in range(len(words) - len(run) + 1):
        if words[start : start + len(run)] == run:
            return start
    return -1


def named_outlet(conn: Connection, words: list[str]) -> NamedOutlet | None:
    """The outlet whose name the query's folded words hold (the longest name wins)."""
    tokens = [t for w in words for t in TOKEN.findall(w)]
    if len(tokens) < 2:
        return None
    best: tuple[int, NamedOutlet] | None = None
    for slug, name in conn.execute(select(sources.c.slug, sources.c.name)):
        for form in _name_forms(slug, name):
            start = _find(form, tokens)
            if start >= 0 and (best is None or len(form) > best[0]):
                before = start - 1 if start and tokens[start - 1] in _LEADING_ARTICLES else start
                rest = tokens[:before] + tokens[start + len(form) :]
                best = (len(form), NamedOutlet(slug, name, rest))
    return best[1] if best else None
