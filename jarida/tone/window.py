"""The words around a mention: what the encoder reads for the tone towards it.

Words are runs of non-space characters, so the cut works the same in every script
(Arabic included: the text keeps its logical order, right-to-left is only display).
With `mark`, the mention is put between square brackets first, so the encoder sees
which of the names in the window the tone is asked about.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\S+")


def around(text: str, start: int, end: int, words: int, mark: bool = False) -> str:
    """TEXT cut to the words touching TEXT[START:END] plus WORDS words on each side."""
    if mark:
        text = f"{text[:start]}[{text[start:end]}]{text[end:]}"
        end += 2
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    inside = [i for i, (a, b) in enumerate(spans) if b > start and a < end]
    if not inside:
        return text.strip()
    first = max(0, inside[0] - words)
    last = min(len(spans) - 1, inside[-1] + words)
    return text[spans[first][0]:spans[last][1]]
