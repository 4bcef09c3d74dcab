"""The ids and classes a page's elements carry, read once per page.

Several tree-wide tests look for an element by its id or class (trafilatura's raw-tree
prunes, photo galleries). Each costs a walk of the whole tree, and most pages hold no
name that could satisfy them: reading every id and class once (two walks in libxml2,
a fraction of one such test) tells which tests can be skipped. Elements only ever
leave the tree after this is read, so the names stay a superset of those present.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement

_IDS = etree.XPath("//@id", smart_strings=False)
_CLASSES = etree.XPath("//@class", smart_strings=False)


@dataclass(frozen=True)
class PageNames:
    """Every id and every class attribute of the page, one value per line."""

    ids: str = ""
    classes: str = ""


def _joined(values: object) -> str:
    return "\n".join(v for v in values if isinstance(v, str)) if isinstance(values, list) else ""


def page_names(tree: HtmlElement) -> PageNames:
    """The ids and classes of `tree` as it is now."""
    return PageNames(ids=_joined(_IDS(tree)), classes=_joined(_CLASSES(tree)))
