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

# This many items with text (list items or figures) make a reel of photos.
GALLERY_ITEMS = 5
_CLASS = "translate(@class, 'GALERYSHOWCRUS', 'galeryshowcrus')"
_GALLERIES = etree.XPath(
    f"//*[not(self::body or self::html or self::article or self::main)]"
    f"[contains({_CLASS}, 'gallery') or contains({_CLASS}, 'slideshow')"
    f" or contains({_CLASS}, 'carousel')]"
    "[not(.//h1)]"
    "[count(.//li[normalize-space()] | .//figure[normalize-space()]) >= $items]"
)


def drop_photo_galleries(tree: HtmlElement) -> int:
    """Remove captioned photo reels from `tree` in place (their tails stay); return how many."""
    found = _GALLERIES(tree, items=GALLERY_ITEMS)
    if not isinstance(found, list):
        return 0
    dropped = 0
    for element in found:
        if isinstance(element, HtmlElement) and element.getparent() is not None:
            element.drop_tree()
            dropped += 1
    return dropped
