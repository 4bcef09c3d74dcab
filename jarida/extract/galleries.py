"""Photo galleries and slideshows are not the article, even when captioned at length.

A news page often carries a gallery of dozens of captioned photos (its own or a
section's "in pictures" reel) next to the story; its captions can outweigh the story
itself, and trafilatura takes them in as body text. An element whose class names it a
gallery, slideshow or carousel and that holds several captioned items is dropped
before extraction. A single captioned lead photo stays (one item is a figure, not a
reel), and so does a container that holds the page's headline (<h1>) or is the
article itself: there the gallery may be what the page is about.
"""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement

from jarida.extract.names import PageNames

# This many items with text (list items or figures) make a reel of photos.
GALLERY_ITEMS = 5
_WORDS = ("gallery", "slideshow", "carousel")
_KEPT = frozenset({"body", "html", "article", "main"})
# Elements with a class; which ones name a gallery is checked in Python (cheaper than
# XPath's translate() on every element).
_CLASSED = etree.XPath("//*[@class]")
_HEADLINE = etree.XPath("boolean(.//h1)")
_ITEMS = etree.XPath("count(.//li[normalize-space()] | .//figure[normalize-space()])")


def may_hold_galleries(names: PageNames) -> bool:
    """False only when no class of the page names a gallery, so that
    `drop_photo_galleries` would find nothing (four pages in five: the walk is skipped)."""
    lowered = names.classes.lower()
    return any(word in lowered for word in _WORDS)


def _is_reel(element: HtmlElement) -> bool:
    css_class = (element.get("class") or "").lower()
    if element.tag in _KEPT or not any(word in css_class for word in _WORDS):
        return False
    if _HEADLINE(element):
        return False
    items = _ITEMS(element)
    return isinstance(items, float) and items >= GALLERY_ITEMS


def drop_photo_galleries(tree: HtmlElement) -> int:
    """Remove captioned photo reels from `tree` in place (their tails stay); return how many."""
    found = _CLASSED(tree)
    if not isinstance(found, list):
        return 0
    reels = [element for element in found if isinstance(element, HtmlElement) and _is_reel(element)]
    dropped = 0
    for element in reels:
        if element.getparent() is not None:
            element.drop_tree()
            dropped += 1
    return dropped
