"""A page parsed into the tree trafilatura's `load_html` builds, at less cost.

`load_html` decodes the page, deletes XML-invalid control characters with a regular
expression over the whole text (1.6 ms on a 200 kB page), parses the text, and
gives back a tree whose every element proxy comes from lxml.html's class lookup, a
Python call made again each time trafilatura, Readability or Jarida walks the tree
(600,000 calls on the 130 Readability test pages).

A page that is UTF-8 (every page the crawler hands over: it decodes them first) is
checked for those characters in C (`bytes.translate`), parsed from its bytes with the
same parser options, and its elements get their class (`HtmlElement`) from lxml's C
lookup. lxml.html's own lookup differs only for form, input, select, textarea and
label elements, whose classes add form-filling helpers nothing here calls. Anything
else (another encoding, compressed bytes, control characters, a self-closing
`<html/>`, a page libxml2 cannot parse from bytes) goes through `load_html` itself.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree
from lxml.html import HtmlComment, HtmlElement, HtmlProcessingInstruction
from trafilatura.utils import DOCTYPE_TAG, load_html

PARSER = lxml.html.HTMLParser(
    collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True,
    remove_pis=True,
)  # trafilatura.utils.HTML_PARSER's options
PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction))

# What load_html's INVALID_XML_CHARS deletes: C0 controls but tab, newline and
# carriage return, and the non-characters U+FFFE and U+FFFF (in UTF-8).
_CONTROLS = bytes(code for code in range(32) if code not in (9, 10, 13))
_NON_CHARACTERS = re.compile(b"\xef\xbf[\xbe\xbf]")  # a third of the cost of two `in` tests
_DOCTYPE = re.compile(DOCTYPE_TAG.pattern.encode("ascii"), re.IGNORECASE)
# load_html's own sanity test reads this many characters, its <html/> repair this many.
_BEGINNING_CHARS = 50
_HEAD_CHARS = 4096


def _clean_utf8(html: bytes | str) -> bytes | None:
    """The page as UTF-8 bytes when load_html would parse exactly these, else None."""
    if isinstance(html, str):
        try:
            data = html.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate
            return None
    else:  # gzip and zstd data (which load_html inflates) are never valid UTF-8
        try:
            html.decode("utf-8")
        except UnicodeDecodeError:
            return None
        data = html
    if len(data.translate(None, _CONTROLS)) != len(data):
        return None
    if _NON_CHARACTERS.search(data):
        return None
    return data


def _prefix(data: bytes, chars: int) -> str:
    """The first `chars` characters of valid UTF-8 `data`."""
    return data[: chars * 4].decode("utf-8", "ignore")[:chars]


def _self_closing_root(head: str) -> bool:
    """load_html rewrites `<html .../>` in the first four lines: left to it."""
    return any("<html" in line and line.endswith("/>") for line in head.splitlines()[:4])


def parse_html(html: bytes | str) -> HtmlElement | None:
    """The page's tree (None for what is not HTML), as `trafilatura.utils.load_html`
    would build it."""
    data = _clean_utf8(html)
    if data is None:
        return load_html(html)
    beginning = _prefix(data, _BEGINNING_CHARS).lower()
    if "doctype" in beginning:  # load_html drops a DOCTYPE holding a slash (libxml2 bug)
        newline = data.find(b"\n")
        first, rest = (data, b"") if newline < 0 else (data[:newline], data[newline + 1:])
        found = _DOCTYPE.match(first)
        data = (first[found.end():] if found else first) + b"\n" + rest
    if _self_closing_root(_prefix(data, _HEAD_CHARS)):
        return load_html(html)
    try:
        tree = lxml.html.fromstring(data, parser=PARSER)
    except Exception:  # load_html logs and retries what libxml2 refuses
        return load_html(html)
    if tree is None or len(tree) < 1:
        return load_html(html)
    if "html" not in beginning and len(tree) < 2:  # load_html's test of dubious input
        return None
    return tree
