"""Datelines naming the outlet: "Publié dans Hespress le 24 - 11 - 2020".

Republished pages (and pages of sites built like Jarida's own: see
`web/i18n.py: attribution`) carry the original outlet and date in one line. The
outlet's name stops a date parser from reading that line, and the line is not
article text: here it is found, its date handed to the date parser, and it is
removed from the text and the HTML (so from the excerpt too).
"""

from __future__ import annotations

import re
from dataclasses import replace

import lxml.html
from lxml import etree

from jarida.extract.body import Body

# "Published in %(source)s on %(date)s" in each interface language (web/translations),
# and the wordings publishers use for the same line.
_LEAD = (r"publi[ée]e?\s+dans|paru\s+dans|publicad[oa]\s+en|aparecid[oa]\s+en"
         r"|(?:first\s+)?published\s+in|نشر(?:ت)?\s+في")
_JOIN = r"le|el|on|يوم|في|بتاريخ"
_NUMERIC = r"\d{1,4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,4}"
_SPELLED = r"\d{1,2}\s+(?:de\s+)?[^\W\d_]{3,12}\.?\s+(?:de\s+)?\d{4}"
_TIME = r"(?:\s*(?:[-,–]|à|a\s+las|at|على\s+الساعة)?\s*\d{1,2}\s*[:h]\s*\d{2})?"
DATELINE = re.compile(
    rf"(?i)(?<!\w)(?:{_LEAD})\s+(?P<outlet>[^\n]{{1,80}}?)\s+(?:{_JOIN})\s+"
    rf"(?P<date>(?:{_NUMERIC}|{_SPELLED}){_TIME})(?!\d)"
)
# The same line once the extractor has dropped its <time> element (Jarida's own markup):
# nothing to parse here, the date is read from the element itself, but not article text.
_DANGLING = re.compile(rf"(?im)(?<!\w)(?:{_LEAD})\s+[^\n]{{1,80}}?\s+(?:{_JOIN})\s*[.:]?\s*$")
MAX_LINE_CHARS = 240  # a dateline is a short line, never a paragraph that cites an outlet
# Words allowed beside a dateline on its line ("Par Salma Idrissi —"): more, and the line
# is a sentence citing another outlet's date, which is neither removed nor this page's date.
MAX_WORDS_BESIDE = 4
_FILLER = re.compile(r"^[\W_]*$")
_BLOCKS = ("p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "span",
           "footer", "small", "em", "i", "cite")


def dateline_date_text(text: str) -> str | None:
    """The date part of an outlet dateline in `text`, or None when there is none."""
    if len(text) > MAX_LINE_CHARS:
        return None
    match = DATELINE.search(text)
    return match.group("date") if match else None


def _strip(line: str, found: list[str]) -> str:
    """`line` without its dateline (recording the dateline's text in `found`)."""
    if len(line) > MAX_LINE_CHARS:
        return line
    match = DATELINE.search(line) or _DANGLING.search(line)
    if match is None:
        return line
    rest = (line[:match.start()] + line[match.end():]).strip()
    if len(rest.split()) > MAX_WORDS_BESIDE:
        return line
    if match.re is DATELINE:
        found.append(match.group(0))
    return "" if _FILLER.match(rest) else rest


def _strip_text(text: str, found: list[str]) -> str:
    lines = [_strip(line, found) for line in text.split("\n")]
    return "\n".join(line for line in lines if line.strip())


def _strip_html(html: str) -> str:
    """The HTML without blocks holding only a dateline, nor datelines inside text nodes."""
    if not html.strip():
        return html
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return html
    for element in list(root.iter(*_BLOCKS)):
        if element.getparent() is None or element is root:
            continue
        text = " ".join(element.text_content().split())
        if text and len(text) <= MAX_LINE_CHARS and _strip(text, []) == "":
            element.drop_tree()
    for element in root.iter():
        if element.text:
            element.text = _strip(element.text, [])
        if element.tail and element is not root:
            element.tail = _strip(element.tail, [])
    return (root.text or "") + "".join(
        etree.tostring(child, encoding="unicode") for child in root)


# Every dateline opens with one of these (lower-cased): a substring test over the text
# costs microseconds where the patterns' search costs milliseconds on a long article.
_LEAD_HINTS = ("publi", "paru", "aparecid", "نشر")
# Both patterns open with the lead: they are tried only where a lead stands ("public",
# "publicity" pass the substring test on most English pages; a search from every
# position of the text cost 2 ms on a long one).
_LEAD_RE = re.compile(rf"(?i)(?<!\w)(?:{_LEAD})")


def _hint_positions(lowered: str) -> list[int]:
    """Where a lead hint opens in `lowered`, in text order."""
    found: list[int] = []
    for hint in _LEAD_HINTS:
        position = lowered.find(hint)
        while position >= 0:
            found.append(position)
            position = lowered.find(hint, position + 1)
    return sorted(found)


def _may_hold_dateline(text: str) -> bool:
    lowered = text.lower()
    if not any(hint in lowered for hint in _LEAD_HINTS):
        return False
    if len(lowered) == len(text):
        # Every lead opens with a hint ("first published in" is tried at "published",
        # where the same line matches): trying the patterns where a hint stands spares
        # a case-insensitive scan of the whole text (0.5 ms on a long article).
        return any(DATELINE.match(text, start) or _DANGLING.match(text, start)
                   for start in _hint_positions(lowered))
    return any(DATELINE.match(text, lead.start()) or _DANGLING.match(text, lead.start())
               for lead in _LEAD_RE.finditer(text))


def without_datelines(body: Body | None) -> Body | None:
    """`body` with outlet datelines removed from text and HTML, their dates kept first
    among `date_lines` for the date parser."""
    if body is None or not _may_hold_dateline(body.text):
        return body
    found: list[str] = []
    text = _strip_text(body.text, found)
    if text == body.text:
        return body
    return replace(body, text=text, html=_strip_html(body.html),
                   date_lines=(*found, *body.date_lines))
