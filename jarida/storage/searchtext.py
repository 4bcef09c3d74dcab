"""Search normalisation shared by both full-text backends and the snippet highlighter.

Folding removes what readers do not type: Latin accents, Arabic short vowels
(harakat), tatweel and hamza seats, and the alef maqsura / ta marbuta variants.
Changing this function changes every index: run `jarida db reindex` afterwards.
"""

from __future__ import annotations

import re
import unicodedata

import regex

# Every nonspacing mark (Unicode category Mn): Latin accents once decomposed, Arabic harakat.
# The `regex` module tests the property directly; a stdlib character class listing the
# ~340 Mn ranges is ten times slower, and a per-character loop five times.
_MARKS = regex.compile(r"\p{Mn}+")
WORD = re.compile(r"\w+", re.UNICODE)


def fold(text: str) -> str:
    """Accent-, vowel-mark- and case-insensitive form of `text` (same length not guaranteed)."""
    stripped = _MARKS.sub("", unicodedata.normalize("NFD", text))
    # alef maqsura -> ya, ta marbuta -> ha, tatweel dropped (str.replace beats a translate table)
    arabic = (stripped.replace("\u0649", "\u064a").replace("\u0629", "\u0647")
              .replace("\u0640", ""))
    return unicodedata.normalize("NFC", arabic).casefold()


def query_terms(query: str) -> tuple[list[str], list[str]]:
    """Split a reader's query into folded single words and folded quoted phrases."""
    phrases = [fold(p) for p in re.findall(r'"([^"]+)"', query)]
    rest = re.sub(r'"[^"]*"', " ", query)
    words = [fold(w) for w in WORD.findall(rest)]
    return words, [p for p in phrases if WORD.search(p)]
