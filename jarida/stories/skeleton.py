"""Names across scripts: a consonant skeleton that Arabic and Latin spellings share.

"Benslimane" and "بنسليمان" are both BNSLMN; "Kettani" and "الكتاني" both KTN. Vowels,
h/ح/ه/ع and the letters that double as vowels (w, y, و, ي, ا) are dropped; consonants that
transliterations mix up share a class (t/d/ط/ض/ظ, s/z/ص, k/q/g/ق/ك/خ/غ); repeats collapse.
"""

from __future__ import annotations

import re
import unicodedata

_ARABIC = {
    "ب": "B", "پ": "B", "ت": "T", "ث": "T", "ج": "J", "خ": "K", "د": "T", "ذ": "T",
    "ر": "R", "ز": "S", "س": "S", "ش": "X", "ص": "S", "ض": "T", "ط": "T", "ظ": "T",
    "غ": "K", "ف": "F", "ڤ": "F", "ق": "K", "ك": "K", "ڭ": "K", "گ": "K", "ل": "L",
    "م": "M", "ن": "N",
}
_LATIN = {
    "b": "B", "p": "B", "t": "T", "d": "T", "j": "J", "r": "R", "z": "S", "s": "S",
    "x": "KS", "f": "F", "v": "F", "k": "K", "q": "K", "l": "L", "m": "M", "n": "N",
}
_DIGRAPHS = re.compile(r"ch|sh|kh|gh|dj|th|ph|c[eiy]|g[eiy]|c|g")
_DIGRAPH_CODE = {"ch": "X", "sh": "X", "kh": "K", "gh": "K", "dj": "J", "th": "T", "ph": "F"}


def _latin(word: str) -> str:
    ascii_word = unicodedata.normalize("NFD", word.casefold()).encode("ascii", "ignore").decode()

    def digraph(m: re.Match[str]) -> str:
        s = m.group(0)
        if s in _DIGRAPH_CODE:
            return "\0" + _DIGRAPH_CODE[s]
        if s[0] == "c":
            return "\0S" + s[1:] if len(s) == 2 else "\0K"
        return "\0J" + s[1:] if len(s) == 2 else "\0K"

    marked = _DIGRAPHS.sub(digraph, ascii_word)
    out = []
    i = 0
    while i < len(marked):
        ch = marked[i]
        if ch == "\0":
            out.append(marked[i + 1])
            i += 2
            continue
        out.append(_LATIN.get(ch, ""))
        i += 1
    return "".join(out)


def _arabic(word: str) -> str:
    if word.startswith("ال") and len(word) > 3:
        word = word[2:]
    return "".join(_ARABIC.get(ch, "") for ch in word)


def skeleton(word: str) -> str:
    """The consonant skeleton of one word, Arabic or Latin ("" when it has none)."""
    raw = _arabic(word) if "\u0600" <= word[:1] <= "\u06ff" else _latin(word)
    return re.sub(r"(.)\1+", r"\1", raw)
