"""Export sources as OPML 2.0 that other readers understand and Jarida re-imports losslessly.

Every feed becomes an `<outline type="rss">` with the usual text/title/xmlUrl/htmlUrl,
inside a category outline named after its section (the feed's, else the source's), so
Miniflux or FreshRSS file it in a folder. Consecutive feeds of one section share a
category outline; a section may appear in several runs, which keeps the exact order
of sources and feeds. Jarida's own fields ride along as `jarida:*` attributes, repeated
on each feed of a source; a source without feeds is an outline with no `xmlUrl`.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from lxml import etree

from jarida.model import FeedSpec, SourceSpec

JARIDA_NS = "https://jarida.dev/opml"
_J = f"{{{JARIDA_NS}}}"


def _source_attrs(spec: SourceSpec) -> dict[str, str]:
    attrs = {
        f"{_J}slug": spec.slug,
        f"{_J}name": spec.name,
        f"{_J}mode": spec.mode,
        f"{_J}verified": "true" if spec.verified else "false",
    }
    if spec.languages:
        attrs[f"{_J}languages"] = " ".join(spec.languages)
    for key in ("country", "section", "timezone"):
        value = getattr(spec, key)
        if value is not None:
            attrs[f"{_J}{key}"] = value
    return attrs


def _feed_attrs(spec: SourceSpec, feed: FeedSpec) -> dict[str, str]:
    label = feed.title or spec.name
    attrs = {"type": "rss", "text": label, "title": label, "xmlUrl": feed.url}
    if spec.homepage is not None:
        attrs["htmlUrl"] = spec.homepage
    attrs.update(_source_attrs(spec))
    attrs[f"{_J}kind"] = feed.kind
    if feed.section is not None:
        attrs[f"{_J}feedSection"] = feed.section
    if feed.title is not None:
        attrs[f"{_J}feedTitle"] = feed.title
    if feed.listing_pattern is not None:
        attrs[f"{_J}listingPattern"] = feed.listing_pattern
    return attrs


def _items(specs: Sequence[SourceSpec]) -> list[tuple[str | None, dict[str, str]]]:
    """(category, outline attributes) for every feed, and for every source without feeds."""
    items: list[tuple[str | None, dict[str, str]]] = []
    for spec in specs:
        if not spec.feeds:
            attrs = {"text": spec.name, "title": spec.name}
            if spec.homepage is not None:
                attrs["htmlUrl"] = spec.homepage
            attrs.update(_source_attrs(spec))
            items.append((spec.section, attrs))
        for feed in spec.feeds:
            items.append((feed.section or spec.section, _feed_attrs(spec, feed)))
    return items


def dump_sources_opml(specs: Sequence[SourceSpec], title: str = "Jarida sources") -> str:
    """Serialise sources as an OPML 2.0 document (UTF-8 text with its XML declaration)."""
    root = etree.Element("opml", nsmap={"jarida": JARIDA_NS})
    root.set("version", "2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = title
    body = etree.SubElement(root, "body")
    for category, run in groupby(_items(specs), key=lambda item: item[0]):
        parent = body
        if category is not None:
            parent = etree.SubElement(body, "outline", {"text": category, "title": category})
        for _, attrs in run:
            etree.SubElement(parent, "outline", attrs)
    data: bytes = etree.tostring(root, pretty_print=True, xml_declaration=True, encoding="UTF-8")
    return data.decode("utf-8")
