"""Each hand-written outlet's feeds and sitemaps, answered for one edition."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from jarida.demo.catalog import DemoArticle
from jarida.demo.content.blocks import section_label
from jarida.demo.content.types import SECTIONS
from jarida.demo.feeds import FeedItem, atom, news_sitemap, rss, sitemap_index, url_sitemap
from jarida.demo.outlets import BY_SLUG
from jarida.demo.pages import image_url, section_slug
from jarida.demo.reply import Reply, xml
from jarida.demo.templates.document import HOSTILE_BLOCKS, HOSTILE_TITLE

RSS_TYPE, ATOM_TYPE, XML_TYPE = "application/rss+xml", "application/atom+xml", "application/xml"
TRACKING = "?utm_source=rss&utm_medium=feed"


def feed_items(arts: Sequence[DemoArticle], base: str, edition: int) -> list[FeedItem]:
    """Newest-first feed entries for `arts` as of `edition`."""
    items = []
    for a in sorted(arts, key=lambda x: (x.published, x.id), reverse=True):
        url = base + a.path + (TRACKING if a.outlet == "phare-detroit" else "")
        paras = a.paragraphs_at(edition)
        content = ""
        if a.hostile:
            content = "".join(f"<p>{escape(p)}</p>{h}" for p, h in zip(paras, HOSTILE_BLOCKS,
                                                                         strict=False))
        items.append(FeedItem(
            url=url, guid=f"{a.outlet}-{a.num}", summary=paras[0],
            title=a.title + (HOSTILE_TITLE if a.hostile else ""),
            author=a.author, published=a.published, updated=a.modified_at(edition),
            image=image_url(base, a), language=a.language,
            category=section_label(a.section, a.language), content_html=content,
        ))
    return items


def outlet_feed(slug: str, rest: str, arts: Sequence[DemoArticle], base: str,
                edition: int) -> Reply | None:
    """The feed at /<slug>/<rest>, or None when `rest` is not one of the outlet's feeds."""
    outlet = BY_SLUG[slug]
    home = f"{base}/{slug}/"
    self_url = f"{base}/{slug}/{rest}"

    def done(text: str, kind: str, items: Sequence[FeedItem]) -> Reply:
        mod = max((i.updated for i in items), default=None)
        return xml(text, kind, mod)

    if slug == "courrier-atlas":
        if rest == "rss.xml":
            items = feed_items(arts, base, edition)
            return done(rss(outlet.name, home, "fr", items, self_url), RSS_TYPE, items)
        for sec in SECTIONS:
            if rest == f"rss/{section_slug(sec)}.xml":
                items = feed_items([a for a in arts if a.section == sec], base, edition)
                return done(rss(f"{outlet.name} — {sec}", home, "fr", items, self_url),
                            RSS_TYPE, items)
    if slug == "akhbar-maghrib" and rest == "feed/":
        items = feed_items(arts, base, edition)
        return done(rss(outlet.name, home, "ar", items, self_url), RSS_TYPE, items)
    if slug == "diario-estrecho" and rest == "atom.xml":
        items = feed_items(arts, base, edition)
        return done(atom(outlet.name, home, "es", items, self_url, f"{home}#atom"),
                    ATOM_TYPE, items)
    if slug == "atlas-tech" and rest == "feed.xml":
        items = feed_items(arts, base, edition)
        return done(rss(outlet.name, home, "en", items, self_url), RSS_TYPE, items)
    if slug == "echo-souss" and rest == "flux.rss":
        items = feed_items(arts, base, edition)
        text = rss(outlet.name, home, "fr", items, self_url, encoding="windows-1252")
        mod = max((i.updated for i in items), default=None)
        return Reply(200, text.encode("cp1252", "xmlcharrefreplace"), RSS_TYPE, mod)
    for lang in outlet.languages:
        mine = [a for a in arts if a.language == lang]
        if slug == "maghreb-wire" and rest == f"{lang}/atom.xml":
            items = feed_items(mine, base, edition)
            return done(atom(f"{outlet.name} ({lang})", f"{home}{lang}/", lang, items,
                             self_url, f"{home}{lang}/#atom"), ATOM_TYPE, items)
        if slug == "phare-detroit" and rest == f"{lang}/rss.xml":
            items = feed_items(mine, base, edition)
            return done(rss(outlet.name, f"{home}{lang}/", lang, items, self_url),
                        RSS_TYPE, items)
    if slug == "casablanca-business":
        return _business_sitemaps(rest, arts, base, edition)
    return None


def _business_sitemaps(rest: str, arts: Sequence[DemoArticle], base: str,
                       edition: int) -> Reply | None:
    """Casablanca Business publishes only sitemaps: an index, a news sitemap, a full one."""
    root = f"{base}/casablanca-business"
    items = feed_items(arts, base, edition)
    mod = max((i.updated for i in items), default=None)
    stamp = mod.isoformat() if mod else ""
    if rest == "sitemap-news.xml":
        return xml(news_sitemap("Casablanca Business", items), XML_TYPE, mod)
    if rest == "sitemap-articles.xml":
        return xml(url_sitemap((i.url, i.updated.isoformat()) for i in items), XML_TYPE, mod)
    if rest == "sitemap-index.xml":
        children = ((f"{root}/sitemap-news.xml", stamp), (f"{root}/sitemap-articles.xml", stamp))
        return xml(sitemap_index(children), XML_TYPE, mod)
    return None
