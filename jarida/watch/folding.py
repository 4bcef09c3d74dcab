"""The project's folding (storage.searchtext.fold) with a way back to the original text,
and the word-boundary rules of matching in every script, Arabic proclitics included."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from jarida.storage.searchtext import fold

# Joined to an Arabic name: a conjunction (و, ف), then a preposition (ب, ك, ل), then the
# article ال: "وبالشركة", "فللشركة" (ل + ال written لل), "كالشركة"...
_PROCLITIC_PREFIX = re.compile(r"(?:[وف])?(?:[بكل])?(?:ال)?")
_MERGED_LAM_PREFIX = re.compile(r"[وف]?")
_ARABIC = re.compile(r"[\u0621-\u064a]")
_MARKS = re.compile(r"[\u0300-\u036f\u064b-\u065f\u0670]")


@lru_cache(maxsize=8192)
def fold_char(char: str) -> str:
    return fold(char)


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """`text` folded one character at a time (runs of white space made one space), and
    for each folded character the index of the original character it comes from (plus a
    final entry for the end)."""
    parts: list[str] = []
    origin: list[int] = []
    space = True
    for i, char in enumerate(text):
        if char.isspace():
            if not space:
                parts.append(" ")
                origin.append(i)
            space = True
            continue
        folded = fold_char(char)
        if folded:
            space = False
        parts.append(folded)
        origin.extend([i] * len(folded))
    origin.append(len(text))
    return "".join(parts), origin


_TABLE: dict[int, str] = {}  # code point -> its folded form (bounded: see fold_aligned)
_TABLE_LIMIT = 1 << 16
_SPACE_RUN = re.compile(r"\s\s")


def fold_aligned(text: str) -> str | None:
    """`text` folded by one table lookup per character when every character folds to
    exactly one (most texts: accents, Arabic letters without marks), so that offsets in
    the folded text are offsets in `text`; None otherwise (marks, tatweel, ß, runs of
    white space): then fold_fast finds hits and fold_with_map maps them back."""
    if _SPACE_RUN.search(text):
        return None
    for char in set(text):
        code = ord(char)
        if code not in _TABLE:
            if len(_TABLE) >= _TABLE_LIMIT:
                return None
            _TABLE[code] = " " if char.isspace() else fold_char(char)
        if len(_TABLE[code]) != 1:
            return None
    return text.translate(_TABLE)


def fold_fast(text: str) -> str:
    """The same folded form as fold_with_map, without the map (most articles match
    nothing and need no more)."""
    return " ".join(fold(text).split())


def fold_term(text: str) -> str:
    """An alias or a query word as matching compares it: folded, spaces collapsed."""
    return " ".join(fold(text).split())


def is_arabic(text: str) -> bool:
    return bool(_ARABIC.match(text))


def without_marks(text: str) -> str:
    """Accents and harakat removed, case kept (how a case-sensitive alias compares)."""
    return _MARKS.sub("", unicodedata.normalize("NFD", text))


def _word(char: str) -> bool:
    """A character that continues a word (letters and digits of any script, underscore)."""
    return char.isalnum() or char == "_"


def arabic_prefix_ok(folded: str, start: int, *, merged_lam: bool) -> bool:
    """Whether the Arabic letters joined before `start` are only proclitics."""
    begin = start
    while begin > 0 and _ARABIC.match(folded[begin - 1]):
        begin -= 1
    prefix = folded[begin:start]
    if not prefix:
        return begin == 0 or not _word(folded[begin - 1])
    if begin > 0 and _word(folded[begin - 1]):
        return False
    pattern = _MERGED_LAM_PREFIX if merged_lam else _PROCLITIC_PREFIX
    return pattern.fullmatch(prefix) is not None


def bounded(folded: str, start: int, end: int, *, arabic: bool, merged_lam: bool = False
            ) -> bool:
    """Whether folded[start:end] stands as whole word(s) (Arabic: after proclitics)."""
    if end < len(folded) and _word(folded[end]):
        return False
    if arabic:
        return arabic_prefix_ok(folded, start, merged_lam=merged_lam)
    return start == 0 or not _word(folded[start - 1])
