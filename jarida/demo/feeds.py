"""RSS 2.0, Atom 1.0 and sitemap documents for the demo outlets, written with escaping only."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import escape, quoteattr

from jarida.demo.dates import rfc822


@dataclass(frozen=True)
class FeedItem:
    """One entry as every feed format needs it."""

    url: str
    guid: str
    title: str
    summary: str
    author: str
    published: datetime
    updated: datetime
    image: str
    language: str
    category: str
    content_html: str = ""


def rss(title: str, home: str, lang: str, items: Sequence[FeedItem], self_url: str,
        encoding: str = "utf-8") -> str:
    """An RSS 2.0 channel with media enclosures and optional content:encoded."""
    out = [
        f'<?xml version="1.0" encoding="{encoding}"?>',
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:media="http://search.yahoo.com/mrss/"><channel>',
        f"<title>{escape(title)}</title><link>{escape(home)}</link>",
        f"<description>{escape(title)}</description><language>{lang}</language>",
        f'<atom:link href={quoteattr(self_url)} rel="self" type="application/rss+xml"/>',
    ]
    if items:
        out.append(f"<lastBuildDate>{rfc822(max(i.updated for i in items))}</lastBuildDate>")
    for it in items:
        content = (f"<content:encoded><![CDATA[{it.content_html}]]></content:encoded>"
                   if it.content_html else "")
        out.append(
            f"<item><title>{escape(it.title)}</title><link>{escape(it.url)}</link>"
            f'<guid isPermaLink="false">{escape(it.guid)}</guid>'
            f"<pubDate>{rfc822(it.published)}</pubDate>"
            f"<dc:creator>{escape(it.author)}</dc:creator>"
            f"<category>{escape(it.category)}</category>"
            f"<description>{escape(it.summary)}</description>{content}"
            f'<media:content url={quoteattr(it.image)} medium="image" type="image/jpeg"/>'
            f'<enclosure url={quoteattr(it.image)} type="image/jpeg" length="0"/></item>'
        )
    out.append("</channel></rss>")
    return "\n".join(out)


def atom(title: str, home: str, lang: str, items: Sequence[FeedItem], self_url: str,
         feed_id: str) -> str:
    """An Atom 1.0 feed with published/updated per entry."""
    updated = max((i.updated for i in items), default=datetime(2026, 10, 1).astimezone())
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">',
        f"<title>{escape(title)}</title><id>{escape(feed_id)}</id>",
        f"<updated>{updated.isoformat()}</updated>",
        f'<link rel="self" href={quoteattr(self_url)}/><link rel="alternate" '
        f"href={quoteattr(home)}/>",
    ]
    for it in items:
        out.append(
            f"<entry><title>{escape(it.title)}</title><link rel=\"alternate\" "
            f"href={quoteattr(it.url)}/><id>{escape(it.guid)}</id>"
            f"<published>{it.published.isoformat()}</published>"
            f"<updated>{it.updated.isoformat()}</updated>"
            f"<author><name>{escape(it.author)}</name></author>"
            f"<category term={quoteattr(it.category)}/>"
            f"<summary>{escape(it.summary)}</summary>"
            f'<link rel="enclosure" type="image/jpeg" href={quoteattr(it.image)}/></entry>'
        )
    out.append("</feed>")
    return "\n".join(out)


def news_sitemap(publication: str, items: Iterable[FeedItem]) -> str:
    """A Google News sitemap (news: and image: extensions)."""
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" '
        'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">',
    ]
    for it in items:
        out.append(
            f"<url><loc>{escape(it.url)}</loc><lastmod>{it.updated.isoformat()}</lastmod>"
            f"<news:news><news:publication><news:name>{escape(publication)}</news:name>"
            f"<news:language>{it.language}</news:language></news:publication>"
            f"<news:publication_date>{it.published.isoformat()}</news:publication_date>"
            f"<news:title>{escape(it.title)}</news:title></news:news>"
            f"<image:image><image:loc>{escape(it.image)}</image:loc></image:image></url>"
        )
    out.append("</urlset>")
    return "\n".join(out)


def url_sitemap(entries: Iterable[tuple[str, str]]) -> str:
    """A plain sitemap of (loc, lastmod) pairs."""
    rows = "".join(f"<url><loc>{escape(loc)}</loc><lastmod>{mod}</lastmod></url>"
                   for loc, mod in entries)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{rows}</urlset>')


def sitemap_index(entries: Iterable[tuple[str, str]]) -> str:
    """A sitemap index pointing at child sitemaps."""
    rows = "".join(f"<sitemap><loc>{escape(loc)}</loc><lastmod>{mod}</lastmod></sitemap>"
                   for loc, mod in entries)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{rows}'
            "</sitemapindex>")
