"""What the clustering reads from one article: weighted terms and cross-language keys.

Terms (compared within a language): Snowball stems of the title (counted twice) and of the
lead, frequent words (jusText's stop lists) weighed down, capitalised names weighed up,
plus the article's numbers and dates. Cross keys (compared across languages): places from
the gazetteer, names as consonant skeletons, numbers, dates and weekdays. Only the first
`LEAD_CHARS` of the text are read: the lead carries the event, and the cost stays flat.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

import justext

from jarida.storage.searchtext import STEMMED_LANGUAGES, _stemmers, fold, surface
from jarida.stories.gazetteer import PLACES
from jarida.stories.numbers import MONTHS, WEEKDAYS, calendar_keys, numbers_in
from jarida.stories.skeleton import skeleton

LEAD_CHARS = 900
TOP_TERMS = 40
NAME_WEIGHT_ARABIC = 0.35
_WORD = re.compile(r"[^\W\d_]+")
_STOPLIST_NAMES = {"fr": "French", "ar": "Arabic", "es": "Spanish", "en": "English"}


@dataclass(frozen=True)
class Features:
    """One article as the clustering sees it (both maps are normalised to unit length)."""

    language: str
    terms: dict[str, float]
    cross: dict[str, float]
    # Terms that are names (capitalised, uncommon): an article sharing only these with a
    # story is about the same people and places, not necessarily the same event.
    names: frozenset[str] = frozenset()


@cache
def _common(language: str) -> frozenset[str]:
    """Folded frequent words of `language` (and the calendar words, which are keys)."""
    name = _STOPLIST_NAMES.get(language)
    words = {fold(w).strip("\"()«».,:;") for w in justext.get_stoplist(name)} if name else set()
    return frozenset(words | set(MONTHS) | set(WEEKDAYS))


def _unit(weights: dict[str, float], top: int) -> dict[str, float]:
    kept = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    norm = math.sqrt(sum(w * w for _, w in kept)) or 1.0
    return {k: round(w / norm, 4) for k, w in kept}


_skeleton = lru_cache(maxsize=65536)(skeleton)


def _names(raw_words: list[str], folded: list[str], language: str) -> Counter[str]:
    """Cross keys of the words that may be names (capitalised in Latin script, every
    uncommon word in Arabic script), the gazetteer first."""
    common = _common(language)
    keys: Counter[str] = Counter()
    skip = False
    for i, (raw, word) in enumerate(zip(raw_words, folded, strict=True)):
        if skip:
            skip = False
            continue
        pair = word + " " + folded[i + 1] if i + 1 < len(folded) else ""
        place = PLACES.get(pair) or PLACES.get(word) or PLACES.get(surface(word))
        if place:
            keys["g:" + place] += 1
            skip = pair in PLACES
            continue
        arabic = "\u0600" <= raw[:1] <= "\u06ff"
        if word in common or (not arabic and not raw[:1].isupper()) or len(word) < 3:
            continue
        forms = {surface(word), word} if arabic else {raw}
        for form in forms:
            skel = _skeleton(form)
            if len(skel) >= 2:
                keys["n:" + skel] += 1
    return keys


def features(language: str | None, title: str, text: str) -> Features:
    """The features of one article (`language` as stored; unknown languages get no stems)."""
    lang = (language or "")[:2]
    lead = text[:LEAD_CHARS]
    raw_words = _WORD.findall(title + " . " + lead)
    folded = fold(" ".join(raw_words)).split(" ")
    if len(folded) != len(raw_words):  # folding never joins or splits words; just in case
        folded = [fold(w) for w in raw_words]
    common = _common(lang)
    stemmer = _stemmers().get(lang) if lang in STEMMED_LANGUAGES else None
    title_count = len(_WORD.findall(title))
    terms: dict[str, float] = {}
    proper: set[str] = set()  # stems of names
    for i, (raw, word) in enumerate(zip(raw_words, folded, strict=True)):
        if len(word) < 3 and not ("\u0600" <= word[:1] <= "\u06ff" and len(word) == 2):
            continue
        stem = stemmer.stemWord(surface(word)) if stemmer else word
        weight = 0.15 if word in common else 1.0
        if raw[:1].isupper() and word not in common:
            weight *= 1.6
            proper.add(stem)
        terms[stem] = terms.get(stem, 0.0) + weight * (2.0 if i < title_count else 1.0)
    cross: dict[str, float] = {}
    for key, weight in numbers_in(title + " . " + lead) + calendar_keys(folded):
        cross[key] = max(cross.get(key, 0.0), weight)
    # Every uncommon Arabic word is a possible name: each weighs less than a capitalised
    # Latin name, and repeats add nothing (they are mostly ordinary words).
    arabic = lang == "ar"
    for key, count in _names(raw_words, folded, lang).items():
        if arabic and key.startswith("n:"):
            cross[key] = NAME_WEIGHT_ARABIC
            continue
        cross[key] = min(2.0, (1.0 if key.startswith("n:") and len(key) > 4 else 0.6)
                         * (1 + math.log(count)))
    weights = {k: 1 + math.log(v) if v >= 1 else v for k, v in terms.items()}
    for key, weight in cross.items():
        if key[0] in "#@y":
            weights[key] = weights.get(key, 0.0) + 1.5 * weight
    # Figures and places are few and telling: all kept; names (every uncommon word in Arabic
    # script) fill the rest of the budget, heaviest first.
    figures = {k: w for k, w in cross.items() if not k.startswith("n:")}
    names = sorted(((k, w) for k, w in cross.items() if k.startswith("n:")),
                   key=lambda kv: -kv[1])[:max(0, TOP_TERMS - len(figures))]
    kept = {**figures, **dict(names)}
    unit = _unit(weights, TOP_TERMS)
    return Features(lang, unit, _unit(kept, 2 * TOP_TERMS), frozenset(proper & unit.keys()))
