"""The sentence that names a subject (a mention's snippet, what the tone model reads),
and where an article's lead ends."""

from __future__ import annotations

import re

LEAD_CHARS = 400  # a body without paragraph breaks: its first characters are the lead
SNIPPET_CHARS = 400
# A sentence ends at . ! ? ؟ … or a line break, before white space.
_END = re.compile(r"[.!?\u061f\u2026]+[\"'»”)]*(?=\s)|\n")


def lead_end(body: str) -> int:
    """Where the lead (first paragraph) of a body ends."""
    cut = body.find("\n")
    return cut if 0 < cut <= 2 * LEAD_CHARS else min(len(body), LEAD_CHARS)


def sentence_index(text: str, pos: int) -> int:
    """How many sentence ends come before `pos` (two positions in one sentence agree)."""
    return sum(1 for m in _END.finditer(text, 0, pos))


def sentence_around(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The sentence holding text[start:end] (at most SNIPPET_CHARS, trimmed around the
    name), with the name's offsets within it."""
    begin = 0
    for m in _END.finditer(text, 0, start):
        begin = m.end()
    after = _END.search(text, end)
    stop = after.end() if after else len(text)
    raw = text[begin:stop]
    lead = len(raw) - len(raw.lstrip())
    snippet = raw.strip()
    t0, t1 = start - begin - lead, end - begin - lead
    if len(snippet) > SNIPPET_CHARS:
        left = max(0, t0 - SNIPPET_CHARS // 2)
        snippet = snippet[left:left + SNIPPET_CHARS]
        t0, t1 = t0 - left, t1 - left
    return snippet, t0, min(t1, len(snippet))
