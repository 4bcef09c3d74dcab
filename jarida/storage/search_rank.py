"""Exact words before stem collisions: a ranking signal shared by both backends.

Stemming lets "élections" find "élection", but it also makes unrelated words meet:
Arabic "داخلة" (Dakhla) and "الداخليون" (interns) share the stem "داخل". Among the
best matches, an article whose headline (then excerpt) holds the reader's word as
written — folded, and without the proclitics and article Arabic joins to a word —
goes before one that only shares its stem.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection, select

from jarida.storage.searchtext import TOKEN, fold, surface
from jarida.storage.tables import articles

TITLE_EXACT = 0.5  # of a word's weight, when the headline holds it as written
EXCERPT_EXACT = 0.25  # when only the excerpt does


def surfaces(text: str) -> list[str]:
    return [surface(t) for t in TOKEN.findall(fold(text))]


def _holds(words: list[str], term: list[str], as_set: frozenset[str]) -> bool:
    if len(term) == 1:
        return term[0] in as_set
    n = len(term)
    return any(words[i : i + n] == term for i in range(len(words) - n + 1))


def exact_scores(terms: Sequence[str], title: str, excerpt: str) -> list[float]:
    """For each folded term (word or phrase): TITLE_EXACT, EXCERPT_EXACT or 0."""
    in_title, in_excerpt = surfaces(title), surfaces(excerpt)
    title_set, excerpt_set = frozenset(in_title), frozenset(in_excerpt)
    out = []
    for term in terms:
        wanted = [surface(t) for t in TOKEN.findall(term)]
        if not wanted:
            out.append(0.0)
        elif _holds(in_title, wanted, title_set):
            out.append(TITLE_EXACT)
        elif _holds(in_excerpt, wanted, excerpt_set):
            out.append(EXCERPT_EXACT)
        else:
            out.append(0.0)
    return out


def headlines(conn: Connection, ids: Sequence[int]) -> dict[int, tuple[str, str, str | None]]:
    """Title, excerpt and language of each id (a ranking window: at most a thousand)."""
    rows = conn.execute(select(articles.c.id, articles.c.title, articles.c.excerpt,
                               articles.c.language).where(articles.c.id.in_(list(ids))))
    return {int(r.id): (r.title or "", r.excerpt or "", r.language) for r in rows}


def holds_form(stems: list[str], stem_set: frozenset[str], forms: frozenset[str]) -> bool:
    """Whether indexed words hold one of a term's index forms (a form of several words:
    in a row), as FTS5 would match them."""
    for form in forms:
        run = form.split()
        if _holds(stems, run, stem_set):
            return True
    return False
