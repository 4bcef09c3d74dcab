"""Page-level facts (title, dates, image, section...) read from meta tags and JSON-LD.

Kept cheap on purpose: a handful of lookups on the already-parsed tree, so
metadata costs far less than the body extraction it accompanies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement

from jarida.extract import jsonld

_WORD = re.compile(r"\w+", re.UNICODE)
_DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "pubdate",
    "publishdate",
    "publish-date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "published_time",
)


@dataclass(frozen=True)
class PageMeta:
    """What the page says about itself, before any cleanup."""

    title: str | None = None
    headline_candidates: tuple[str, ...] = ()
    description: str | None = None
    site_name: str | None = None
    author: str | None = None
    published: tuple[str, ...] = ()
    image: str | None = None
    section: str | None = None
    declared_language: str | None = None
    canonical_url: str | None = None
    article_body: str | None = None


def _meta_map(tree: HtmlElement) -> dict[str, str]:
    """Meta tags by lower-cased name/property; the first occurrence wins."""
    found: dict[str, str] = {}
    for meta in tree.iterfind(".//meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        content = meta.get("content")
        if key and content and content.strip():
            for name in key.split():  # RDFa allows several: property="og:title dc:title"
                found.setdefault(name.lower(), content.strip())
    return found


def _clean(text: str | None) -> str | None:
    if not text:
        return None
    text = " ".join(text.split())
    return text or None


def _first_text(tree: HtmlElement, path: str) -> str | None:
    for node in tree.iterfind(path):
        text = _clean(node.text_content())
        if text:
            return text
    return None


def _words(text: str) -> str:
    return " " + " ".join(_WORD.findall(text.casefold())) + " "


def _within(part: str, whole: str) -> bool:
    """Are `part`'s words a run of `whole`'s words?"""
    words = _words(part)
    return words.strip() != "" and words in _words(whole)


def _title_decoration(html_title: str, headlines: list[str]) -> str | None:
    """What <title> adds around the headline ("Headline | Site" -> "Site")."""
    for headline in headlines:
        if html_title.startswith(headline):
            rest = html_title[len(headline):].strip(" |-–—:·•»")
            return rest if 0 < len(rest) <= 60 else None
        if html_title.endswith(headline):
            rest = html_title[: -len(headline)].strip(" |-–—:·•»")
            return rest if 0 < len(rest) <= 60 else None
    return None


def read_page_meta(tree: HtmlElement) -> PageMeta:
    """Collect the metadata a news page usually declares."""
    meta = _meta_map(tree)
    objects = jsonld.json_ld_objects(tree)
    articles = jsonld.article_objects(objects)

    html_title = _first_text(tree, ".//title")
    h1 = _first_text(tree, ".//h1")
    ld_headline = jsonld.text_of(jsonld.first_field(articles, "headline", "name"))
    og_title = _clean(meta.get("og:title") or meta.get("twitter:title") or meta.get("dc:title")
                      or meta.get("dc.title") or meta.get("parsely-title"))
    # An <h1> that the page's <title> does not contain is often a logo, a section name or
    # a teaser heading, not the headline: the <title> is then the better title.
    h1_first = h1 is not None and (html_title is None or _within(h1, html_title))
    ordered = (og_title, ld_headline, *((h1, html_title) if h1_first else (html_title, h1)))
    candidates = tuple(dict.fromkeys(t for t in ordered if t))

    published: list[str] = []
    ld_date = jsonld.text_of(jsonld.first_field(articles, "datePublished", "dateCreated"))
    if ld_date:
        published.append(ld_date)
    published.extend(meta[k] for k in _DATE_META if k in meta)
    for node in tree.iterfind(".//time[@datetime]"):
        published.append(node.get("datetime", ""))
        break

    ld_author = jsonld.names_of(jsonld.first_field(articles, "author", "creator"))
    author = ", ".join(dict.fromkeys(ld_author)) if ld_author else None
    author = author or _clean(meta.get("author") or meta.get("article:author"))
    if author and author.startswith("http"):
        author = None

    image = _clean(meta.get("og:image") or meta.get("og:image:url")
                   or meta.get("twitter:image") or meta.get("twitter:image:src"))
    image = image or jsonld.text_of(jsonld.first_field(articles, "image", "thumbnailUrl"))

    section = _clean(meta.get("article:section"))
    section = section or jsonld.text_of(jsonld.first_field(articles, "articleSection"))
    section = section or jsonld.breadcrumb_section(objects)

    root_lang = tree.get("lang") or tree.get("xml:lang")
    declared = _clean(root_lang or meta.get("og:locale") or meta.get("content-language")
                      or meta.get("language") or meta.get("dc.language"))
    if declared is None:
        ld_lang = jsonld.text_of(jsonld.first_field(articles, "inLanguage"))
        declared = _clean(ld_lang)

    canonical = None
    for link in tree.iterfind(".//link[@rel='canonical']"):
        canonical = _clean(link.get("href"))
        break
    canonical = canonical or _clean(meta.get("og:url"))

    site_name = _clean(meta.get("og:site_name") or meta.get("application-name"))
    if site_name is None and html_title and candidates:
        site_name = _title_decoration(html_title, [c for c in candidates if c != html_title])
    body = jsonld.first_field(articles, "articleBody")
    return PageMeta(
        title=candidates[0] if candidates else None,
        headline_candidates=candidates,
        description=_clean(meta.get("og:description") or meta.get("description")
                           or meta.get("twitter:description")),
        site_name=site_name,
        author=author,
        published=tuple(p for p in published if p),
        image=image,
        section=section,
        declared_language=declared,
        canonical_url=canonical,
        article_body=body if isinstance(body, str) and body.strip() else None,
    )


# Elements that may hold the printed date: <time>, and any element with a class or id
# (which one says "date" is checked in Python). The page is walked lazily in document
# order and the walk stops at the `limit`-th date: an XPath union of every classed
# element built and sorted the whole set first, three times the cost.
PRINTED_DATE_CHARS = 100


def _says_date(css_class: str, element_id: str) -> bool:
    """Does a class or id name a date ("date", "fecha", "publish"; "meta" and "time"
    as written)?"""
    lowered = css_class.lower()
    return ("date" in lowered or "fecha" in lowered or "publish" in lowered
            or "meta" in css_class or "time" in css_class or "date" in element_id.lower())


def printed_date_texts(tree: HtmlElement, limit: int = 5) -> list[str]:
    """Short texts of date-like elements, for pages that declare no date in metadata."""
    found: list[str] = []
    for element in tree.iter(etree.Element):
        if element.tag != "time":
            css_class, element_id = element.get("class"), element.get("id")
            if (css_class is None and element_id is None) or not _says_date(
                    css_class or "", element_id or ""):
                continue
        text = " ".join(element.text_content().split())
        if text and len(text) <= PRINTED_DATE_CHARS and any(ch.isdigit() for ch in text):
            found.append(text)
            if len(found) >= limit:
                break
    return found
