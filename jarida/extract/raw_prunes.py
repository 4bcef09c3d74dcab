"""trafilatura's raw-tree prunes, each evaluated only where some id or class can match it.

Before extraction trafilatura deletes infinite-scroll follow-ups, share-button bars
and comment sections from the raw tree with three XPath expressions. Each walks the
whole tree and calls a Python regular expression on every candidate's id and class
(5 ms a page on Readability's test pages, more than a tenth of the extraction). Every
one of them needs an id or a class matching one of its patterns: the same patterns
searched in the page's joined names (`names.PageNames`, one value a line, `^` at
each line) find every value they would find one by one, and more. An expression is
skipped only when they find nothing, so the pruned tree is the same. An expression
not listed here (a later trafilatura) is always evaluated.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from lxml.etree import XPath
from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

from jarida.extract.names import PageNames

# The XPath expressions trafilatura's raw-tree prune runs, in its order (comments off).
EXPRESSIONS: tuple[XPath, ...] = (*RAW_TREE_PRUNE_XPATH, *REMOVE_COMMENTS_AND_LISTS_XPATH)


@dataclass(frozen=True)
class Guard:
    """Which expression (by a fragment of its text) needs which names to match."""

    marker: str
    may_match: Callable[[PageNames], bool]


_SCROLL = re.compile(r"mvp-post-add-(?:box|wrap)|infinite-?scroll")
_COMMENT_IDS = re.compile(r"(?m)^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)")
_COMMENT_CLASSES = re.compile(r"(?m)^[Cc]omment(?!ary)|(?:article|post)-comments")

GUARDS = (
    # re:test(@id, ...) or re:test(@class, 'mvp-post-add-(?:box|wrap)|infinite-?scroll')
    Guard("infinite-?scroll",
          lambda names: bool(_SCROLL.search(names.ids) or _SCROLL.search(names.classes))),
    # contains(@class, 'elementor-share-buttons')
    Guard("elementor-share-buttons", lambda names: "elementor-share-buttons" in names.classes),
    # re:test(@id, '^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)')
    # or re:test(@class, '^[Cc]omment(?!ary)|(?:article|post)-comments')
    Guard("disqus_thread", lambda names: bool(_COMMENT_IDS.search(names.ids)
                                              or _COMMENT_CLASSES.search(names.classes))),
)


def guard_of(expression: XPath) -> Guard | None:
    """The guard written for `expression`, None for one this module does not know."""
    return next((g for g in GUARDS if g.marker in expression.path), None)


_PLAN = tuple((expression, guard_of(expression)) for expression in EXPRESSIONS)


def raw_prunes(names: PageNames | None) -> list[XPath]:
    """The raw-tree prune expressions that may match an element of a page named so
    (all of them when the names are not known)."""
    return [expression for expression, guard in _PLAN
            if guard is None or names is None or guard.may_match(names)]
