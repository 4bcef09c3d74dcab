"""Main-text extraction: trafilatura in fast mode, then Jarida's own boilerplate pass."""

from __future__ import annotations

from copy import copy
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree
from lxml.etree import _Element
from lxml.html import HtmlElement
from trafilatura.baseline import baseline
from trafilatura.htmlprocessing import (
    convert_tags,
    convert_to_html,
    prune_unwanted_nodes,
    tree_cleaning,
)
from trafilatura.main_extractor import extract_content
from trafilatura.settings import Extractor
from trafilatura.xml import xmltotxt

from jarida.extract.boilerplate import (
    DEFAULT_RULES,
    BoilerplateHints,
    Rules,
    anchor_texts,
    prune_blocks,
)
from jarida.extract.fast_xpaths import install, python_tests
from jarida.extract.metadata import PageMeta
from jarida.extract.names import PageNames
from jarida.extract.raw_prunes import raw_prunes
from jarida.extract.rescue import better_than, readability_article, wants_rescue

# trafilatura's frame and discard expressions, answered in Python within Jarida's run.
install()


@lru_cache(maxsize=1)
def _template() -> Extractor:
    """trafilatura's options, built once: building them per page costs half a millisecond."""
    return Extractor(
        fast=True,
        recall=True,
        comments=False,
        tables=True,
        images=False,
        with_metadata=False,
        date_params={"extensive_search": "false"},  # unused: metadata is read elsewhere
    )


def _options(url: str | None) -> Extractor:
    options = copy(_template())
    options.url = url
    options.source = url
    return options


@dataclass(frozen=True)
class Body:
    """The article text and its simplified (not yet sanitised) HTML."""

    text: str
    html: str
    date_lines: tuple[str, ...] = ()


def trafilatura_body(
    tree: HtmlElement, url: str | None, names: PageNames | None = None
) -> _Element | None:
    """trafilatura's main-text cascade for Jarida's fixed options, on a shared tree.

    The same steps as `trafilatura.bare_extraction` in fast, recall-leaning mode with
    comments off (its raw-tree prunes, cleaning, tag conversion, main extractor, and
    the baseline rescue of a short result) with one copy of the page instead of three:
    bare_extraction copies a parsed tree it is given, then copies it again to clean it
    and once more as a backup only its slow mode reads. The raw-tree prunes (comment
    sections, infinite-scroll follow-ups) are applied to `tree` itself; what comes
    after extraction (second opinion, printed dates) reads the page without them.
    The forum-thread branch needs JSON-LD scripts, already removed from `tree`.
    Given the page's `names`, a raw-tree prune no id or class can match is skipped
    (see raw_prunes.py).
    """
    options = _options(url)
    prune_unwanted_nodes(tree, raw_prunes(names))
    cleaned = convert_tags(tree_cleaning(copy(tree), options), options, url)
    with python_tests():  # the main extractor's XPath tests, in Python (fast_xpaths.py)
        body, text = extract_content(cleaned, options)
    if len(text) < options.min_extracted_size:
        rescued, rescued_text, rescued_size = baseline(tree)  # baseline copies its input
        if rescued_size > len(text):
            body, text = rescued, rescued_text
    return body if len(text) >= options.min_output_size else None


def _pruned_extraction(
    tree: HtmlElement, url: str | None, hints: BoilerplateHints, rules: Rules,
    names: PageNames | None,
) -> tuple[_Element, str, list[str]] | None:
    """trafilatura's body tree after pruning, its text, and the datelines it dropped."""
    body = trafilatura_body(tree, url, names)
    if body is None:
        return None
    date_lines = prune_blocks(body, hints, rules)
    text = xmltotxt(body, False).strip()
    return (body, text, date_lines) if text else None


def extract_body(
    tree: HtmlElement, url: str | None, meta: PageMeta, rules: Rules = DEFAULT_RULES,
    names: PageNames | None = None,
) -> Body | None:
    """Run trafilatura once (fast, recall-leaning) and prune what it lets through;
    a short result gets a second opinion from Readability (see rescue.py)."""
    hints = BoilerplateHints(
        titles=meta.headline_candidates,
        description=meta.description,
        site_name=meta.site_name,
        section=meta.section,
        anchors=anchor_texts(tree),
    )
    found = _pruned_extraction(tree, url, hints, rules, names)
    if found is None or wants_rescue(found[1], tree):
        second = readability_article(tree)
        if second is not None and better_than(found[1] if found else "", second[0]):
            return Body(text=second[0], html=second[1],
                        date_lines=tuple(found[2]) if found else ())
    if found is None:
        return None
    body, text, date_lines = found
    html_root = convert_to_html(body)  # in place: the XML tree is not needed any more
    html_body = html_root.find("body")
    parts = [] if html_body is None else [
        etree.tostring(child, encoding="unicode", with_tail=False) for child in html_body
    ]
    return Body(text=text, html="\n".join(parts), date_lines=tuple(date_lines))
