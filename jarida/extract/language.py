"""Article language as ISO 639-1: the page's declaration, checked against the text itself."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

# Text sample checked by the identifier: enough to be reliable, short enough to be fast.
SAMPLE_CHARS = 300
# Below this many letters the identifier guesses; the declaration is kept instead.
MIN_LETTERS = 40
# A confident identifier overrides a declaration that disagrees (templates often lie).
CONFIDENT = 0.90

# Languages no news page is written in: lorem-ipsum placeholder text reads as Latin, and
# must not override the page's declaration.
_NEVER_OVERRIDES = frozenset({"la"})
_CODE_RE = re.compile(r"^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*$")
_THREE_TO_TWO = {"fra": "fr", "fre": "fr", "ara": "ar", "spa": "es", "eng": "en", "deu": "de",
                 "ger": "de", "ita": "it", "por": "pt", "nld": "nl", "dut": "nl", "ber": "ber",
                 "zgh": "ber", "tzm": "ber", "kab": "ber"}


def normalise_language(declared: str | None) -> str | None:
    """'fr-FR', 'fr_MA', 'FRA' -> 'fr'; None for anything unreadable."""
    if not declared:
        return None
    match = _CODE_RE.match(declared.strip().split(",")[0].strip())
    if not match:
        return None
    code = match.group(1).lower()
    if len(code) == 3:
        return _THREE_TO_TWO.get(code)
    return code


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """The bundled py3langid model, loaded once (about a second) per process."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


_ARABIC_SCRIPT = frozenset({"ar", "fa", "ur", "ps", "ku", "ug"})


def _arabic_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum("\u0600" <= ch <= "\u06ff" for ch in letters) / len(letters)


def _script_disagrees(sample: str, declared: str, found: str) -> bool:
    """Arabic text declared as a Latin-script language (or the reverse) is a template error."""
    share = _arabic_share(sample)
    if share > 0.6:
        return declared not in _ARABIC_SCRIPT and found in _ARABIC_SCRIPT
    if share < 0.1:
        return declared in _ARABIC_SCRIPT and found not in _ARABIC_SCRIPT
    return False


def identify(text: str) -> tuple[str | None, float]:
    """The identifier's best language for `text` and its probability."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None, 0.0
    lang, prob = _identifier().classify(sample)
    return str(lang), float(prob)


def detect_language(text: str | None, declared: str | None = None) -> str | None:
    """Trust the declaration unless the text says clearly otherwise."""
    declared_code = normalise_language(declared)
    if not text:
        return declared_code
    found, prob = identify(text)
    if found is None or (declared_code is not None and found in _NEVER_OVERRIDES):
        return declared_code
    if declared_code is None or declared_code == found:
        return found
    if prob >= CONFIDENT or _script_disagrees(text[:SAMPLE_CHARS], declared_code, found):
        return found
    return declared_code
