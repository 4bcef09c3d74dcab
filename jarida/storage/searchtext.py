"""Search normalisation shared by both full-text backends and the snippet highlighter.

Folding removes what readers do not type: Latin accents, Arabic short vowels
(harakat), tatweel and hamza seats, and the alef maqsura / ta marbuta variants.
Changing this function changes every index: run `jarida db reindex` afterwards.
"""

from __future__ import annotations

import re
import unicodedata

_TATWEEL = "\u0640"
_ARABIC_LETTER_MAP = str.maketrans({"\u0649": "\u064a", "\u0629": "\u0647", _TATWEEL: None})
WORD = re.compile(r"\w+", re.UNICODE)


def fold(text: str) -> str:
    """Accent-, vowel-mark- and case-insensitive form of `text` (same length not guaranteed)."""
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", stripped).translate(_ARABIC_LETTER_MAP).casefold()


def query_terms(query: str) -> tuple[list[str], list[str]]:
    """Split a reader's query into folded single words and folded quoted phrases."""
    phrases = [fold(p) for p in re.findall(r'"([^"]+)"', query)]
    rest = re.sub(r'"[^"]*"', " ", query)
    words = [fold(w) for w in WORD.findall(rest)]
    return words, [p for p in phrases if WORD.search(p)]
