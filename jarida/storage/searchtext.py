"""Search normalisation shared by both full-text backends and the snippet highlighter.

Folding removes what readers do not type: Latin accents, Arabic short vowels
(harakat), tatweel and hamza seats, and the alef maqsura / ta marbuta variants.
On SQLite, words are then reduced to their stem (Snowball, in the article's language:
"économiques" and "économie" are both "econom"), as PostgreSQL's language
configurations do; a reader's word is looked up under its stem in every language.
Changing these functions changes every index: run `jarida db reindex` afterwards.
"""

from __future__ import annotations

import re
import threading
import unicodedata

import regex
import Stemmer

from jarida.storage.search_budget import check_query_size, check_terms

# Every nonspacing mark (Unicode category Mn): Latin accents once decomposed, Arabic harakat.
# The `regex` module tests the property directly; a stdlib character class listing the
# ~340 Mn ranges is ten times slower, and a per-character loop five times.
_MARKS = regex.compile(r"\p{Mn}+")
WORD = re.compile(r"\w+", re.UNICODE)
# Letters and digits: what FTS5's unicode61 tokenizer keeps as one token.
TOKEN = re.compile(r"[^\W_]+")

STEMMED_LANGUAGES = {"fr": "french", "ar": "arabic", "es": "spanish", "en": "english"}
_local = threading.local()


def fold(text: str) -> str:
    """Accent-, vowel-mark- and case-insensitive form of `text` (same length not guaranteed)."""
    stripped = _MARKS.sub("", unicodedata.normalize("NFD", text))
    # alef maqsura -> ya, ta marbuta -> ha, tatweel dropped (str.replace beats a translate table)
    arabic = (stripped.replace("\u0649", "\u064a").replace("\u0629", "\u0647")
              .replace("\u0640", ""))
    return unicodedata.normalize("NFC", arabic).casefold()


def _stemmers() -> dict[str, Stemmer.Stemmer]:
    """This thread's Snowball stemmers (a stemmer object must not be shared by threads)."""
    found: dict[str, Stemmer.Stemmer] | None = getattr(_local, "stemmers", None)
    if found is None:
        found = {lang: Stemmer.Stemmer(name) for lang, name in STEMMED_LANGUAGES.items()}
        _local.stemmers = found
    return found


def index_text(language: str | None, text: str) -> str:
    """What the SQLite index stores for `text`: folded words, stemmed in `language`."""
    words = TOKEN.findall(fold(text))
    stemmer = _stemmers().get((language or "")[:2])
    return " ".join(stemmer.stemWords(words) if stemmer else words)


def index_pair(language: str | None, title: str, text: str) -> tuple[str, str]:
    """An article's title and text as the SQLite index stores them."""
    return index_text(language, title), index_text(language, text)


# One-letter proclitics written joined to the next Arabic word: and, so, with/in, for, as.
_PROCLITICS = "وفبلك"
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")


def arabic_variants(word: str) -> list[str]:
    """A folded Arabic word and its spellings with or without a joined proclitic.

    Snowball's Arabic stemmer strips "ال" and "بال", "وال"... but not a bare proclitic:
    "لترامواي" (for the tramway) and "ترامواي" keep different stems. A reader's word is
    therefore also looked up with each proclitic joined to it, and without the one it
    carries; the index is unchanged. Other words are returned as they are."""
    if not _ARABIC_LETTER.match(word):
        return [word]
    out = [word]
    if not word.startswith("ال"):
        out += [p + word for p in _PROCLITICS] + ["و" + p + word for p in "بلك"]
    else:
        out += ["و" + word, "ف" + word]
    if len(word) > 3 and word[0] in _PROCLITICS and not word.startswith("ال"):
        out.append(word[1:])
    return out


def surface(token: str) -> str:
    """A folded word without the proclitics and article joined to it (Arabic only): what
    counts as the same word, written exactly, for ranking."""
    if not _ARABIC_LETTER.match(token):
        return token
    bare = token
    if len(bare) > 3 and bare[0] in "وف":
        bare = bare[1:]
    if len(bare) > 4 and bare.startswith("لل"):  # li + al
        return bare[2:]
    if len(bare) > 3 and bare[0] in "بلك" and not bare.startswith("ال"):
        bare = bare[1:]
    if len(bare) > 4 and bare.startswith("ال"):
        bare = bare[2:]
    return bare


def index_forms(words: list[str]) -> list[str]:
    """Every form folded words can take in the index: stemmed in each language, and as is
    (a single Arabic word with and without a joined proclitic)."""
    spellings = arabic_variants(words[0]) if len(words) == 1 else [" ".join(words)]
    forms: set[str] = set()
    for spelling in spellings:
        run = spelling.split()
        forms.add(spelling)
        forms.update(" ".join(s.stemWords(run)) for s in _stemmers().values())
    return sorted(forms)


def query_terms(query: str) -> tuple[list[str], list[str]]:
    """Split a reader's query into its distinct folded single words and quoted phrases.

    Raises QueryTooLong beyond the bounds of jarida.storage.search_budget."""
    check_query_size(query)
    phrases = [" ".join(TOKEN.findall(fold(p))) for p in re.findall(r'"([^"]+)"', query)]
    rest = re.sub(r'"[^"]*"', " ", query)
    # repeats dropped before folding too: 3,000 copies of a word cost one fold
    words = list(dict.fromkeys(fold(w) for w in dict.fromkeys(WORD.findall(rest))))
    distinct = list(dict.fromkeys(p for p in phrases if p))
    check_terms(words + distinct)
    return words, distinct
