"""One article page in, one `Extracted` out: the extract stage of the pipeline."""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from jarida.extract.body import Body, extract_body
from jarida.extract.datelines import without_datelines
from jarida.extract.dates import DEFAULT_LANGUAGES, first_date, plausible, to_utc
from jarida.extract.galleries import drop_photo_galleries, may_hold_galleries
from jarida.extract.images import absolute_image_url, lead_image
from jarida.extract.language import detect_language
from jarida.extract.layout import unwrap_layout_tables
from jarida.extract.metadata import PageMeta, printed_date_texts, read_page_meta
from jarida.extract.names import page_names
from jarida.extract.parse import parse_html
from jarida.extract.rescue import html_to_text
from jarida.extract.sanitize import sanitize_html
from jarida.extract.titles import clean_title
from jarida.model import Entry, Extracted

EXCERPT_CHARS = 280
# Less text than this is more likely a menu or a caption than an article body: the feed
# entry's text is preferred to it when longer (it is still kept when nothing else is).
MIN_BODY_CHARS = 80
# Elements with nothing to read, dropped before extraction (JSON-LD is read first).
_INERT = (
    "head", "script", "style", "noscript", "template", "svg", "link", "iframe", "embed",
    "object", "canvas", "video", "audio", "map", "input", "button", "select", "option",
    "nav", "footer", "aside", "menu",
)


def read_html_file(path: str | Path) -> bytes:
    """Read a saved page, gunzipping it when the name ends in .gz."""
    data = Path(path).read_bytes()
    if str(path).endswith(".gz") or data[:2] == b"\x1f\x8b":
        return gzip.decompress(data)
    return data


def _excerpt(text: str, description: str | None) -> str:
    """The page's own summary when it has one, else the opening words of the text."""
    if description and len(description) >= 40:
        return description
    text = " ".join(text[: EXCERPT_CHARS * 2].split())
    if len(text) <= EXCERPT_CHARS:
        return text
    cut = text[:EXCERPT_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def _from_feed(
    url: str, fallback: Entry | None, timezone: str, meta: PageMeta | None,
    source_name: str | None = None,
) -> Extracted:
    """The page gave no article text: the feed entry's own content, marked as such.

    With no text in the entry either, the text stays empty and the page's title and
    meta description (or title) are passed on as `title` and `excerpt`: the record
    builder stores a fallback article from them rather than dropping what was fetched.
    """
    page_title = clean_title(meta.title, source_name) if meta and meta.title else None
    # What a fetched page says of itself; None when there was no page at all.
    page_summary = (meta.description or page_title or "") if meta else None
    if fallback is None:
        return Extracted(url=url, title=page_title, excerpt=page_summary, from_feed=True,
                         language=meta.declared_language if meta else None)
    body_html = fallback.content_html or fallback.summary or ""
    text = html_to_text(body_html) if body_html else ""
    published = fallback.published  # not <updated>: every edit would move it up
    return Extracted(
        url=url,
        title=clean_title(fallback.title, source_name) if fallback.title else page_title,
        text=text or None,
        html=sanitize_html(body_html, url) if body_html else None,
        author=fallback.author,
        published=to_utc(published, timezone) if published and plausible(published) else None,
        image=absolute_image_url(fallback.image, url),
        language=detect_language(text, fallback.language),
        excerpt=_excerpt(text, None) if text else page_summary,
        from_feed=True,
    )


def _declared_body(meta: PageMeta) -> Body | None:
    """JSON-LD articleBody, for pages whose visible text trafilatura cannot find."""
    if not meta.article_body:
        return None
    text = html_to_text(meta.article_body) if "<" in meta.article_body else meta.article_body
    paragraphs = [" ".join(line.split()) for line in text.splitlines()]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        return None
    html = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return Body(text="\n".join(paragraphs), html=html)


def _longest(first: Body | None, second: Body | None) -> Body | None:
    if first is None or (second is not None and len(second.text) > len(first.text)):
        return second
    return first


def _published(
    meta: PageMeta, body: Body, fallback: Entry | None, tree: HtmlElement, timezone: str,
    languages: Sequence[str],
) -> datetime | None:
    """Metadata, then the feed entry, then the page's printed dateline, then htmldate."""
    found = first_date(meta.published, languages=languages, timezone=timezone, machine=True)
    if found is None and fallback is not None and plausible(fallback.published):
        found = to_utc(fallback.published, timezone)  # not <updated>: edits would move it up
    if found is None and body.date_lines:
        found = first_date(body.date_lines, languages=languages, timezone=timezone)
    if found is None:  # looked for only when the story's own datelines gave nothing
        found = first_date(printed_date_texts(tree), languages=languages, timezone=timezone)
    if found is None:
        from htmldate import find_date

        try:  # a last-resort guess: if it breaks on a hostile tree, the date is unknown
            guessed = find_date(tree, extensive_search=False, original_date=True,
                                outputformat="%Y-%m-%dT%H:%M:%S")
        except Exception:  # htmldate asserts on some reshaped trees
            guessed = None
        found = first_date([guessed], timezone=timezone, machine=True) if guessed else None
    return found


def extract_article(
    html: bytes | str,
    url: str,
    *,
    timezone: str = "Africa/Casablanca",
    fallback: Entry | None = None,
    source_name: str | None = None,
    languages: Sequence[str] = DEFAULT_LANGUAGES,
) -> Extracted:
    """Read the article of one page; fall back to the feed entry when the page has none."""
    if not html or not html.strip():
        return _from_feed(url, fallback, timezone, None, source_name)
    tree = parse_html(html)
    if tree is None:
        return _from_feed(url, fallback, timezone, None, source_name)
    meta = read_page_meta(tree)
    image = lead_image(tree, meta.image, url)
    etree.strip_elements(tree, *_INERT, etree.Comment, with_tail=False)
    names = page_names(tree)
    if may_hold_galleries(names):
        drop_photo_galleries(tree)
    unwrap_layout_tables(tree)
    body = without_datelines(extract_body(tree, url, meta, names=names))
    if body is None or len(body.text) < MIN_BODY_CHARS:
        body = _longest(body, without_datelines(_declared_body(meta)))
    if body is None or len(body.text) < MIN_BODY_CHARS:
        feed = _from_feed(url, fallback, timezone, meta, source_name or meta.site_name)
        if body is None or len(feed.text or "") > len(body.text):
            return feed
    title = meta.title or (fallback.title if fallback else None)
    language = detect_language(body.text, meta.declared_language
                               or (fallback.language if fallback else None))
    return Extracted(
        url=url,
        title=clean_title(title, source_name or meta.site_name) if title else None,
        text=body.text,
        html=sanitize_html(body.html, url),
        author=meta.author or (fallback.author if fallback else None),
        published=_published(meta, body, fallback, tree, timezone,
                             (language,) if language else languages),
        image=image or (absolute_image_url(fallback.image, url) if fallback else None),
        language=language,
        section=meta.section,
        canonical_url=absolute_image_url(meta.canonical_url, url),
        excerpt=_excerpt(body.text, meta.description),
    )


def extract_to_json(extracted: Extracted) -> dict[str, Any]:
    """The stable JSON shape printed by `jarida extract --json`."""
    return {
        "url": extracted.url,
        "title": extracted.title,
        "text": extracted.text,
        "html": extracted.html,
        "author": extracted.author,
        "published": extracted.published.isoformat().replace("+00:00", "Z")
        if extracted.published else None,
        "image": extracted.image,
        "language": extracted.language,
        "extraction": "fallback" if extracted.from_feed else "full",
    }
