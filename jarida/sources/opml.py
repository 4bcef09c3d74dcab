"""Import OPML subscription lists (ours and other readers') into source specs.

Two kinds of `<outline>` are read:

* Jarida's own, marked with attributes in the `https://jarida.dev/opml` namespace
  (`jarida:slug` and friends, written by `dump_sources_opml`). They carry every
  SourceSpec/FeedSpec field, so an export re-imports without loss; outlines that
  share a slug are the feeds of one source, in document order.
* Anyone else's (Miniflux, FreshRSS, Feedly, Inoreader ...): each outline with an
  `xmlUrl` is a feed; the nearest enclosing outline without one is its category,
  which becomes the section (readers' catch-all folders such as Miniflux's "All"
  give none). Feeds whose `htmlUrl` has the same host (ignoring
  "www.") are grouped into one source, except on shared hosting platforms, where
  one host carries many unrelated outlets. Imported outlets are `verified: false`
  and `mode: excerpt` until an operator decides otherwise. A feed listed twice
  (Inoreader puts one feed in several folders) is kept once, in its first folder.

The parser refuses DTDs, never resolves entities and never touches the network.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree

from jarida.model import FeedKind, FeedSpec, PublishingMode, SourceSpec
from jarida.sources import checks
from jarida.sources.errors import InvalidValue, RegistryFileError
from jarida.sources.opml_dump import JARIDA_NS, dump_sources_opml
from jarida.sources.registry import SourceDraft, finish_sources
from jarida.sources.urls import feed_url_key

__all__ = ["JARIDA_NS", "dump_sources_opml", "load_sources_opml"]

# One host, many unrelated publications: grouping feeds by these hosts would merge outlets.
SHARED_HOSTS = frozenset({
    "youtube.com", "medium.com", "news.google.com", "feeds.feedburner.com", "twitter.com",
    "x.com", "reddit.com", "github.com", "soundcloud.com", "wordpress.com", "blogspot.com",
    "substack.com", "tumblr.com", "facebook.com", "instagram.com", "vimeo.com",
})  # fmt: skip
# Readers' default folders say nothing about the section of a feed.
CATCH_ALL_FOLDERS = frozenset({
    "all", "default", "uncategorized", "uncategorised", "sans catégorie", "non classé",
})  # fmt: skip
_FOREIGN_KINDS: dict[str, FeedKind] = {"rss": "rss", "atom": "atom", "html+xpath": "listing"}
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_LXML_POSITION = re.compile(r", line \d+, column \d+$")
_SOURCE_ATTRS = ("slug", "name", "languages", "country", "section", "mode", "timezone",
                 "verified", "homepage")  # fmt: skip


def _parse(data: bytes | str) -> etree._Element:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if doctype := _DOCTYPE.search(raw, 0, 8192):
        line = raw.count(b"\n", 0, doctype.start()) + 1
        raise RegistryFileError("OPML with a DOCTYPE is refused (entities are not allowed)", line)
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
        remove_comments=True, remove_pis=True,
    )  # fmt: skip
    try:
        root = etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as exc:
        message = _LXML_POSITION.sub("", str(exc.msg))
        raise RegistryFileError(f"malformed OPML: {message}", exc.lineno or None) from exc
    if root.getroottree().docinfo.doctype:
        raise RegistryFileError("OPML with a DOCTYPE is refused (entities are not allowed)", 1)
    if root.tag != "opml":
        raise RegistryFileError(f"not OPML: root element is <{root.tag}>", root.sourceline)
    return root


def _attr(outline: etree._Element, name: str) -> str | None:
    """Standard OPML attributes, looked up regardless of case (xmlUrl, xmlurl ...)."""
    for key, value in outline.attrib.items():
        if isinstance(key, str) and key.lower() == name.lower() and not key.startswith("{"):
            return str(value).strip() or None
    return None


def _jarida(outline: etree._Element, name: str) -> str | None:
    value = outline.get(f"{{{JARIDA_NS}}}{name}")
    return None if value is None else str(value)


class _Reader:
    """Walks the outline tree once, collecting drafts in document order."""

    def __init__(self) -> None:
        self.drafts: list[SourceDraft] = []
        self.by_slug: dict[str, tuple[SourceDraft, dict[str, str | None]]] = {}
        self.by_host: dict[str, SourceDraft] = {}
        self.seen_urls: set[str] = set()

    def walk(self, parent: etree._Element, category: str | None) -> None:
        for outline in parent:
            if outline.tag != "outline":
                continue
            if _jarida(outline, "slug") is not None:
                self.jarida_outline(outline)
            elif _attr(outline, "xmlUrl") is not None:
                self.foreign_outline(outline, category)
            else:
                name = _clean(_attr(outline, "text")) or _clean(_attr(outline, "title"))
                if name is not None and name.casefold() in CATCH_ALL_FOLDERS:
                    name = None
                self.walk(outline, name or category)

    def jarida_outline(self, outline: etree._Element) -> None:
        line = outline.sourceline
        try:
            attrs = {name: _jarida(outline, name) for name in _SOURCE_ATTRS if name != "homepage"}
            attrs["homepage"] = _attr(outline, "htmlUrl")
            slug = checks.check_slug(attrs["slug"] or "")
            if slug in self.by_slug:
                draft, first = self.by_slug[slug]
                for name, value in attrs.items():
                    if value != first[name]:
                        raise InvalidValue(
                            f"source {slug!r} has {name} {value!r} here but {first[name]!r} "
                            f"on line {draft.line}"
                        )
            else:
                draft = self.jarida_source(slug, attrs, line)
                self.by_slug[slug] = (draft, attrs)
                self.drafts.append(draft)
            url = _attr(outline, "xmlUrl")
            if url is not None:
                draft.feeds.append((self.jarida_feed(outline, url), line))
        except InvalidValue as exc:
            raise RegistryFileError(str(exc), line) from exc

    @staticmethod
    def jarida_source(slug: str, attrs: dict[str, str | None], line: int | None) -> SourceDraft:
        def opt(name: str) -> str | None:
            return attrs[name]

        verified = opt("verified")
        if verified not in ("true", "false"):
            raise InvalidValue(f"jarida:verified must be true or false: {verified!r}")
        mode: PublishingMode = checks.check_mode(opt("mode") or "")
        country, timezone, section = opt("country"), opt("timezone"), opt("section")
        homepage = opt("homepage")
        return SourceDraft(
            line=line,
            slug=slug,
            slug_line=line,
            name=checks.check_text(opt("name") or "", "jarida:name"),
            homepage=checks.check_url(homepage, "htmlUrl") if homepage else None,
            languages=checks.check_languages((opt("languages") or "").split()),
            country=checks.check_country(country) if country is not None else None,
            section=checks.check_text(section, "jarida:section") if section is not None else None,
            mode=mode,
            timezone=checks.check_timezone(timezone) if timezone is not None else None,
            verified=verified == "true",
        )

    @staticmethod
    def jarida_feed(outline: etree._Element, url: str) -> FeedSpec:
        kind = checks.check_kind(_jarida(outline, "kind") or "")
        pattern = _jarida(outline, "listingPattern")
        section = _jarida(outline, "feedSection")
        title = _jarida(outline, "feedTitle")
        return FeedSpec(
            url=checks.check_url(url, "xmlUrl"),
            kind=kind,
            section=checks.check_text(section, "feedSection") if section is not None else None,
            listing_pattern=(
                checks.check_listing_pattern(pattern, kind) if pattern is not None else None
            ),
            title=checks.check_text(title, "feedTitle") if title is not None else None,
        )

    def foreign_outline(self, outline: etree._Element, category: str | None) -> None:
        line = outline.sourceline
        try:
            url = checks.check_url(_attr(outline, "xmlUrl") or "", "xmlUrl")
        except InvalidValue as exc:
            raise RegistryFileError(str(exc), line) from exc
        if feed_url_key(url) in self.seen_urls:
            return
        self.seen_urls.add(feed_url_key(url))
        title = _clean(_attr(outline, "title")) or _clean(_attr(outline, "text"))
        homepage = _homepage(_attr(outline, "htmlUrl"))
        host = _group_host(homepage)
        draft = self.by_host.get(host) if host else None
        if draft is None:
            draft = SourceDraft(
                line=line,
                name=title or urlsplit(homepage or url).hostname or url,
                homepage=homepage,
                languages=_language(_attr(outline, "language")),
                section=category,
                mode="excerpt",
                verified=False,
            )
            self.drafts.append(draft)
            if host:
                self.by_host[host] = draft
        kind = _FOREIGN_KINDS.get((_attr(outline, "type") or "rss").lower(), "rss")
        feed = FeedSpec(
            url=url,
            kind=kind,
            section=category if category != draft.section else None,
            title=title if title != draft.name else None,
        )
        draft.feeds.append((feed, line))


def _clean(text: str | None) -> str | None:
    """Foreign titles may span lines; fold them to one, or drop them if unusable."""
    if text is None:
        return None
    try:
        return checks.check_text(" ".join(text.split()), "title")
    except InvalidValue:
        return None


def _homepage(value: str | None) -> str | None:
    """A broken htmlUrl in someone else's export is dropped rather than fatal."""
    try:
        return checks.check_url(value, "htmlUrl") if value else None
    except InvalidValue:
        return None


def _group_host(homepage: str | None) -> str | None:
    host = (urlsplit(homepage).hostname or "") if homepage else ""
    host = host.removeprefix("www.")
    if not host or any(host == s or host.endswith("." + s) for s in SHARED_HOSTS):
        return None
    return host


def _language(value: str | None) -> tuple[str, ...]:
    """OPML 2.0 allows language="fr-FR" on rss outlines; keep the ISO 639-1 part."""
    if not value:
        return ()
    try:
        return checks.check_languages([value.replace("_", "-").split("-")[0]])
    except InvalidValue:
        return ()


def load_sources_opml(data: bytes | str) -> list[SourceSpec]:
    """Parse an OPML document into sources; malformed input raises RegistryFileError."""
    root = _parse(data)
    body = root.find("body")
    if body is None:
        raise RegistryFileError("OPML has no <body>", root.sourceline)
    reader = _Reader()
    reader.walk(body, None)
    return finish_sources(reader.drafts)
