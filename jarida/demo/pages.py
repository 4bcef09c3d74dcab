"""Assemble article, home and section pages of the hand-written outlets for one edition."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from html import escape

from jarida.demo.catalog import DemoArticle, slugify
from jarida.demo.content.blocks import SECTION_NAMES, section_label
from jarida.demo.content.types import SECTIONS
from jarida.demo.dates import visible_date
from jarida.demo.hostile_images import HOSTILE, HOSTILE_PREFIX
from jarida.demo.outlets import BY_SLUG, Outlet
from jarida.demo.templates.labels import UI
from jarida.demo.templates.parts import head_meta
from jarida.demo.templates.registry import LAYOUTS
from jarida.demo.templates.view import ArticleView, Chrome, Link

PAGE_SIZE = 20


def section_slug(section: str) -> str:
    """URL word for a canonical section name (économie -> economie)."""
    return slugify(section)


def lang_root(base: str, outlet: Outlet, lang: str) -> str:
    """Where an outlet's pages in `lang` live (multilingual outlets split by language)."""
    root = f"{base}/{outlet.slug}"
    return f"{root}/{lang}" if len(outlet.languages) > 1 else root


def section_href(base: str, outlet: Outlet, lang: str, section: str) -> str:
    """URL of an outlet's section (listing) page."""
    return f"{lang_root(base, outlet, lang)}/rubrique/{section_slug(section)}/"


def image_url(base: str, a: DemoArticle) -> str:
    """Where the article's lead image is served; the hostile outlet's articles point at one
    of its hostile images (jarida.demo.hostile_images), each still named .jpg."""
    if a.hostile:
        names = sorted(HOSTILE)
        index = int(hashlib.sha256(a.image_key.encode()).hexdigest(), 16) % len(names)
        return f"{base}/{a.outlet}/images/{HOSTILE_PREFIX}{names[index]}.jpg"
    return f"{base}/{a.outlet}/images/{a.image_key}.jpg"


def _links(base: str, arts: Sequence[DemoArticle]) -> tuple[Link, ...]:
    return tuple(Link(a.title, base + a.path) for a in arts)


def chrome_for(outlet: Outlet, lang: str, base: str, title: str,
               same_outlet: Sequence[DemoArticle], variant: int, head: str = "") -> Chrome:
    """Menus and sidebars for a page of `outlet` in `lang`."""
    mine = [a for a in same_outlet if a.language == lang]
    latest = sorted(mine, key=lambda a: a.published, reverse=True)[:8]
    most = [mine[(variant * 7 + i * 3) % len(mine)] for i in range(min(8, len(mine)))]
    sections = tuple(Link(SECTION_NAMES[lang][i], section_href(base, outlet, lang, s))
                     for i, s in enumerate(SECTIONS))
    return Chrome(outlet=outlet, lang=lang, base=f"{base}/{outlet.slug}", page_title=title,
                  head_extra=head, most_read=_links(base, most), latest=_links(base, latest),
                  variant=variant, sections=sections)


def feed_href(base: str, outlet: Outlet, lang: str) -> str:
    """The feed a page advertises with <link rel="alternate"> (none for listing-only sites)."""
    root = f"{base}/{outlet.slug}"
    return {
        "courrier-atlas": f"{root}/rss.xml",
        "akhbar-maghrib": f"{root}/feed/",
        "diario-estrecho": f"{root}/atom.xml",
        "echo-souss": f"{root}/flux.rss",
        "maghreb-wire": f"{root}/{lang}/atom.xml",
        "atlas-tech": f"{root}/feed.xml",
        "phare-detroit": f"{root}/{lang}/rss.xml",
    }.get(outlet.slug, "")


def article_view(a: DemoArticle, base: str, edition: int,
                 same_outlet: Sequence[DemoArticle], outlet: Outlet | None = None) -> ArticleView:
    """Gather what the template shows for `a` as of `edition`."""
    outlet = outlet or BY_SLUG[a.outlet]
    modified = a.modified_at(edition)
    related = [x for x in same_outlet
               if x.section == a.section and x.id != a.id and x.language == a.language][:4]
    upd = visible_date(modified, outlet.date_style, a.language) if modified != a.published else None
    return ArticleView(
        url=base + a.path, title=a.title, author=a.author,
        section_label=section_label(a.section, a.language),
        section_href=section_href(base, outlet, a.language, a.section),
        visible_date=visible_date(a.published, outlet.date_style, a.language),
        published_iso=a.published.isoformat(), modified_iso=modified.isoformat(),
        visible_updated=upd, paragraphs=a.paragraphs_at(edition),
        image_url=image_url(base, a), caption=a.title, hostile=a.hostile,
        related=_links(base, related),
    )


def render_article(a: DemoArticle, base: str, edition: int,
                   same_outlet: Sequence[DemoArticle], outlet: Outlet | None = None) -> str:
    """The full HTML page of one article."""
    outlet = outlet or BY_SLUG[a.outlet]
    layout = LAYOUTS[outlet.template]
    view = article_view(a, base, edition, same_outlet, outlet)
    chrome = chrome_for(outlet, a.language, base, a.title, same_outlet, a.num)
    chrome = Chrome(**{**chrome.__dict__, "head_extra": head_meta(view, chrome)})
    return layout.shell(chrome, layout.article(view, chrome),
                        feed_href(base, outlet, a.language))


def teaser_list(base: str, arts: Sequence[DemoArticle], outlet: Outlet) -> str:
    """Headline, date and first sentence of each article, as on a home or section page."""
    items = []
    for a in arts:
        first = a.paragraphs[0].split(". ")[0] if a.paragraphs else ""
        items.append(
            f'<div class="teaser"><h2><a href="{escape(base + a.path)}">{escape(a.title)}</a>'
            f'</h2><span class="date">{visible_date(a.published, outlet.date_style, a.language)}'
            f"</span><p>{escape(first)}</p></div>"
        )
    return "\n".join(items)


def render_listing(outlet: Outlet, lang: str, base: str, arts: Sequence[DemoArticle],
                   same_outlet: Sequence[DemoArticle], title: str, page: int,
                   page_url: str) -> str:
    """A home or section page: newest first, PAGE_SIZE per page, with a next-page link."""
    ordered = sorted(arts, key=lambda a: (a.published, a.id), reverse=True)
    chunk = ordered[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
    more = ""
    if page * PAGE_SIZE < len(ordered):
        more = f'<a class="next" rel="next" href="{page_url}?page={page + 1}">' \
               f'{UI[lang]["next"]}</a>'
    main = f'<h1 class="listing-title">{escape(title)}</h1>' \
           f"{teaser_list(base, chunk, outlet)}{more}"
    chrome = chrome_for(outlet, lang, base, title, same_outlet, page)
    return LAYOUTS[outlet.template].shell(chrome, main, feed_href(base, outlet, lang))
