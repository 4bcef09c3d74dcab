"""Readable ASCII slugs for sources, so source pages have stable, typeable URLs."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from urllib.parse import urlsplit

MAX_SLUG_LENGTH = 60

# Letters that Unicode decomposition leaves alone but French and Spanish names use.
_SPECIAL = str.maketrans(
    {"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L"}
)
_APOSTROPHES = re.compile(r"['’ʼ`´]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def _ascii_fold(text: str) -> str:
    """Drop accents and turn any script's decimal digits (e.g. Arabic-Indic) into ASCII."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFKD", text.translate(_SPECIAL)):
        if unicodedata.combining(ch):
            continue
        if ch.isascii():
            out.append(ch)
        elif (digit := unicodedata.decimal(ch, None)) is not None:
            out.append(str(digit))
        else:
            out.append(" ")
    return "".join(out)


def _trim(slug: str) -> str:
    """Keep slugs short, cutting at a hyphen when one is near the limit."""
    if len(slug) <= MAX_SLUG_LENGTH:
        return slug
    cut = slug[:MAX_SLUG_LENGTH]
    if "-" in cut[MAX_SLUG_LENGTH // 2 :]:
        cut = cut[: cut.rfind("-")]
    return cut.strip("-")


def _plain_slug(text: str) -> str:
    folded = _ascii_fold(_APOSTROPHES.sub("", text)).lower()
    return _trim(_NON_ALNUM.sub("-", folded).strip("-"))


def host_slug(url: str) -> str:
    """Fallback for names in Arabic script: 'https://www.alyaoum24.com/' gives 'alyaoum24'."""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
    labels = [label for label in host.split(".") if label]
    if labels and labels[0] == "www":
        labels = labels[1:]
    if len(labels) > 1:
        labels = labels[:-1]  # the top-level domain says little about the outlet
    return _plain_slug("-".join(labels))


def slugify(name: str, homepage: str | None = None) -> str:
    """Slug from a name; when the name has no Latin letters, from the homepage host."""
    slug = _plain_slug(name)
    if not re.search(r"[a-z]", slug) and homepage:
        slug = host_slug(homepage) or slug
    return slug or "source"


def unique_slug(base: str, taken: Collection[str]) -> str:
    """First of base, base-2, base-3 ... that is not already taken."""
    if base not in taken:
        return base
    n = 2
    while True:
        suffix = f"-{n}"
        candidate = f"{base[: MAX_SLUG_LENGTH - len(suffix)].rstrip('-')}{suffix}"
        if candidate not in taken:
            return candidate
        n += 1
