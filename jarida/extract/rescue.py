"""A second opinion for short extractions: Readability's scoring of the same page.

trafilatura in fast mode sometimes keeps only a fragment of the article (its first
paragraph, one section of several, the text around a formula or a figure). When the
pruned text is short, Readability (readability-lxml) reads the page
its own way. Its result replaces ours only when it is clearly longer *and* contains
what we found: it must extend our text, not swap it for another part of the page
(a comment thread, a sidebar). With nothing found at all, any text it finds is taken,
so a page trafilatura cannot read still yields its article.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from copy import deepcopy

import lxml.html
from lxml import etree
from lxml.html import HtmlElement
from readability import Document

# Only texts shorter than this get a second opinion: long extractions are rarely
# fragments, and Readability costs about as much as the extraction itself.
RESCUE_BELOW_CHARS = 1000
# Readability's text must be this much longer than ours...
RESCUE_RATIO = 1.8
# ...and hold this share of our 4-word shingles.
RESCUE_CONTAINMENT = 0.9
_WORDS = re.compile(r"\w+", re.UNICODE)
_BLOCKS = frozenset({
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr",
    "td", "th", "dd", "dt", "figcaption", "section", "article", "br", "ul", "ol", "table",
})
_LOG = logging.getLogger(__name__)


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    """Counts of `size` consecutive lower-cased word tokens."""
    tokens = _WORDS.findall(text.lower())
    return Counter(tuple(tokens[i: i + size]) for i in range(len(tokens) - size + 1))


def containment(part: str, whole: str) -> float:
    """Share of `part`'s shingles also found in `whole` (1.0 for an empty part)."""
    mine = shingles(part)
    if not mine:
        return 1.0
    return sum((mine & shingles(whole)).values()) / sum(mine.values())


def block_text(root: HtmlElement) -> str:
    """The visible text under `root`, one line per block element, spaces normalised."""
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = " ".join(" ".join(current).split())
        if line:
            lines.append(line)
        current.clear()

    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _BLOCKS:
                flush()
            if element.text and tag:
                current.append(element.text)
        else:
            if tag in _BLOCKS:
                flush()
            if element.tail and element is not root:
                current.append(element.tail)
    flush()
    return "\n".join(lines)


def html_to_text(markup: str) -> str:
    """`block_text` of an HTML fragment."""
    if not markup.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError, AssertionError):
        return " ".join(markup.split())
    return block_text(root)


def readability_article(tree: HtmlElement) -> tuple[str, str] | None:
    """(text, html) of the article Readability finds in a copy of `tree`, or None."""
    try:
        summary = Document(deepcopy(tree)).summary(html_partial=True)
    except Exception as error:  # a third-party heuristic must never fail the extraction
        _LOG.debug("readability failed: %s", error)
        return None
    if not summary or not summary.strip():
        return None
    try:
        root = lxml.html.fragment_fromstring(summary, create_parent="div")
    except (etree.ParserError, ValueError, AssertionError):
        return None
    text = block_text(root)
    if not text:
        return None
    html = "".join(etree.tostring(child, encoding="unicode", with_tail=False)
                   for child in root)
    return text, html


def wants_rescue(text: str, tree: HtmlElement) -> bool:
    """Is `text` short enough that a second opinion is worth its cost, and does the page
    hold enough text for that opinion to be taken? (Readability's text is part of the
    page's, so a page with less than RESCUE_RATIO times ours has nothing better to give.)"""
    if len(text) >= RESCUE_BELOW_CHARS:
        return False
    return not text or _page_chars(tree) > RESCUE_RATIO * len(text)


# Counted in libxml2: building a Python string per text node cost up to 10 ms a page.
_BODY_CHARS = etree.XPath("string-length(//body)")


def _page_chars(tree: HtmlElement) -> int:
    """Characters of text in the page's body: an upper bound of any extraction's length."""
    chars = _BODY_CHARS(tree)
    return int(chars) if isinstance(chars, float) else 0


def better_than(ours: str, theirs: str) -> bool:
    """Should Readability's `theirs` replace `ours`?"""
    if not theirs:
        return False
    if not ours:
        return True
    return (len(theirs) > RESCUE_RATIO * len(ours)
            and containment(ours, theirs) >= RESCUE_CONTAINMENT)
