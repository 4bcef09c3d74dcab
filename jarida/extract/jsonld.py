"""Reads schema.org JSON-LD blocks, where publishers state article facts plainly."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from lxml.html import HtmlElement

ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "blogposting",
        "socialmediaposting",
        "webpage",
        "liveblogposting",
        "scholarlyarticle",
        "techarticle",
        "report",
    }
)


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    """Yield every object of a JSON-LD document, @graph members included."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            yield item
            stack.extend(v for v in item.values() if isinstance(v, dict | list))
        elif isinstance(item, list):
            stack.extend(reversed(item))


def _types(obj: dict[str, Any]) -> set[str]:
    raw = obj.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    return {v.lower() for v in values if isinstance(v, str)}


def json_ld_objects(tree: HtmlElement) -> list[dict[str, Any]]:
    """All JSON-LD objects of the page; broken blocks are skipped, not fatal."""
    found: list[dict[str, Any]] = []
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        found.extend(_walk(data))
    return found


def article_objects(objects: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The objects describing an article, most specific types first."""
    articles = [o for o in objects if _types(o) & ARTICLE_TYPES]
    return sorted(articles, key=lambda o: "webpage" in _types(o))


def text_of(value: Any) -> str | None:
    """A plain string from a JSON-LD value that may be a string, object or list."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        for key in ("name", "url", "@id", "contentUrl"):
            found = text_of(value.get(key))
            if found:
                return found
        return None
    if isinstance(value, list):
        for item in value:
            found = text_of(item)
            if found:
                return found
    return None


def names_of(value: Any) -> list[str]:
    """Every name in an author-like value (one person, several, or plain strings)."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip():
            names.append(name.strip())
    return names


def first_field(articles: list[dict[str, Any]], *keys: str) -> Any:
    """The first non-empty value of any of `keys` among the article objects."""
    for obj in articles:
        for key in keys:
            value = obj.get(key)
            if value:
                return value
    return None


def breadcrumb_section(objects: list[dict[str, Any]]) -> str | None:
    """The last-but-one crumb of a BreadcrumbList, the usual section of an article."""
    for obj in objects:
        if "breadcrumblist" not in _types(obj):
            continue
        items = obj.get("itemListElement")
        if not isinstance(items, list) or len(items) < 2:
            continue
        ordered = sorted(
            (i for i in items if isinstance(i, dict)),
            key=lambda i: i.get("position", 0) if isinstance(i.get("position"), int) else 0,
        )
        names = [text_of(i.get("name")) or text_of(i.get("item")) for i in ordered]
        crumbs = [n for n in names if n and not n.startswith("http")]
        if len(crumbs) >= 2:
            return crumbs[-2] if len(crumbs) > 2 else crumbs[-1]
    return None
