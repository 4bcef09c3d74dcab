"""Highlighted snippets computed in Python, identical for SQLite and PostgreSQL results."""

from __future__ import annotations

import html

from jarida.storage.searchtext import WORD, fold


def _matches(token: str, terms: list[str]) -> bool:
    folded = fold(token)
    for term in terms:
        # A shared stem-like prefix catches plurals and feminine forms ("élection(s)").
        stem = term[: max(4, len(term) - 2)] if len(term) > 4 else term
        if folded == term or (len(term) > 4 and folded.startswith(stem)):
            return True
    return False


def make_snippet(text: str, terms: list[str], *, width: int = 32) -> str:
    """Escaped HTML: about `width` words around the densest match, matches in <mark>."""
    tokens = list(WORD.finditer(text))
    if not tokens:
        return ""
    hits = [i for i, m in enumerate(tokens) if terms and _matches(m.group(), terms)]
    best = 0
    if hits:
        best = max(hits, key=lambda i: sum(1 for h in hits if i <= h < i + width))
        best = max(0, best - width // 4)
    window = tokens[best : best + width]
    start, end = window[0].start(), window[-1].end()
    out: list[str] = ["…" if start > 0 else ""]
    pos = start
    hit_set = set(hits)
    for offset, m in enumerate(window):
        out.append(html.escape(text[pos : m.start()]))
        word = html.escape(m.group())
        out.append(f"<mark>{word}</mark>" if best + offset in hit_set else word)
        pos = m.end()
    out.append("…" if end < len(text) else "")
    return "".join(out).strip()
