"""Turn feed titles and summaries into plain text: no markup ever reaches a title."""

from __future__ import annotations

import html
import re

import nh3

_BLOCK_BREAK_RE = re.compile(r"<(?:br|/p|/div|/li|/h[1-6]|/tr|/blockquote)\b[^>]*>", re.I)
_DROP_WITH_CONTENT = {"script", "style", "noscript", "template"}
_MAX_PASSES = 3  # feeds double- and triple-escape markup; stop there


def to_plain_text(value: str | None) -> str | None:
    """Strip tags (dropping script/style bodies), unescape entities, collapse whitespace.

    Repeats while the text still changes, so escaped markup such as
    `&lt;script&gt;` cannot turn back into a tag once a browser unescapes it.
    """
    if value is None:
        return None
    text = value
    for _ in range(_MAX_PASSES):
        if "<" not in text and "&" not in text:
            break
        if "<" in text:
            spaced = _BLOCK_BREAK_RE.sub(" ", text)
            text_only = nh3.clean(spaced, tags=set(), clean_content_tags=_DROP_WITH_CONTENT)
            cleaned = html.unescape(text_only)
        else:  # no tag can hide here; unescaping may reveal one for the next pass
            cleaned = html.unescape(text)
        if cleaned == text:
            break
        text = cleaned
    text = " ".join(text.split())
    return text or None


_EMAIL_NAME_RE = re.compile(r"^\s*\S+@\S+\s*\((?P<name>[^)]+)\)\s*$")
_BARE_EMAIL_RE = re.compile(r"^\s*[^\s@]+@[^\s@]+\s*$")


def author_name(value: str | None) -> str | None:
    """RSS <author> is 'mail@host (Name)': keep the name, drop a bare address."""
    text = to_plain_text(value)
    if text is None:
        return None
    match = _EMAIL_NAME_RE.match(text)
    if match:
        return match["name"].strip() or None
    if _BARE_EMAIL_RE.match(text):
        return None
    return text


_LANG_RE = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")


def language_code(value: str | None) -> str | None:
    """Reduce 'fr-FR', 'ar_MA', 'EN' to the primary subtag ('fr', 'ar', 'en')."""
    if not value:
        return None
    match = _LANG_RE.match(value.strip())
    return match[1].lower() if match else None
