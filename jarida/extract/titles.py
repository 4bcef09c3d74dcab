"""Removes outlet decoration from titles ("Titre | Hespress" -> "Titre"), never real words."""

from __future__ import annotations

import re
import unicodedata

# Separators outlets put between a headline and their name.
_SEPARATORS = (" | ", " - ", " – ", " — ", " : ", " :: ", " » ", " « ", " · ", " • ", " / ")
# Strong separators are never used inside a headline, so a short trailing part is a site name.
_STRONG = (" | ", " :: ", " » ", " « ", " · ", " • ")
_SITE_WORDS = re.compile(
    r"(?i)(?:\.(?:com|ma|fr|es|net|org|info|press)\b|\bpress\b|\bnews\b|\bnewspaper\b"
    r"|\bjournal\b|\bquotidien\b|\bdiario\b|\bperi[óo]dico\b|\bmagazine\b|\bonline\b|\btv\b"
    r"|جريدة|صحيفة|موقع|أخبار)"
)


def _key(text: str) -> str:
    """Compare names ignoring case, accents, spacing and punctuation."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum())


def _matches_source(part: str, source_name: str | None) -> bool:
    """The part names the outlet: same letters, or the name plus a short suffix ("FR", ".ma")."""
    key, name = _key(part), _key(source_name or "")
    if not key or not name:
        return False
    if key == name:
        return True
    return len(name) >= 4 and key.startswith(name) and len(key) <= len(name) + 6


def _is_site_name(part: str, source_name: str | None, separator: str) -> bool:
    """A trailing part is decoration when it is the outlet, or short and site-like."""
    if _matches_source(part, source_name):
        return True
    words = part.split()
    if separator in _STRONG and len(words) <= 4:
        return True
    return len(words) <= 4 and bool(_SITE_WORDS.search(part))


def clean_title(title: str, source_name: str | None) -> str:
    """Strip a leading or trailing site name; leave the headline itself intact."""
    text = " ".join(title.split())
    for _ in range(2):  # "Titre | Rubrique | Site" loses at most two decorations
        before = text
        for sep in _SEPARATORS:
            if sep not in text:
                continue
            head, _, tail = text.rpartition(sep)
            if head and _is_site_name(tail, source_name, sep) and len(_key(head)) > 0:
                text = head.strip()
                break
            first, _, rest = text.partition(sep)
            if rest and _matches_source(first, source_name) and not _is_date_like(rest):
                text = rest.strip()
                break
        if text == before:
            break
    return text


def _is_date_like(text: str) -> bool:
    return bool(re.fullmatch(r"[\d\s/.\-:]+", text))
