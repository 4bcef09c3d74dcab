"""Shells and article markup of Maghreb Wire, Atlas Tech Review and Le Phare du Détroit."""

from __future__ import annotations

from html import escape

from jarida.demo.templates.document import body_html, document, headline
from jarida.demo.templates.labels import UI
from jarida.demo.templates.parts import (
    ad_slot,
    comment_block,
    cookie_banner,
    footer_block,
    link_list,
    menu,
    share_bar,
)
from jarida.demo.templates.view import ArticleView, Chrome


def wire_shell(chrome: Chrome, main: str, feed_href: str) -> str:
    """News agency: sober, language tabs, dispatch list, no ads."""
    tabs = "".join(f'<a href="{chrome.base}/{lang}/">{lang.upper()}</a>'
                   for lang in chrome.outlet.languages)
    ui = UI[chrome.lang]
    body = (
        f'<header class="mw-bar"><span class="mw-logo">{escape(chrome.outlet.name)}</span>'
        f'<span class="mw-tabs">{tabs}</span></header>{menu(chrome, "mw-sections")}'
        f'<div class="mw-wrap"><div class="mw-dispatch">{main}</div><div class="mw-feed">'
        f'{link_list(ui["latest"], chrome.latest, "mw-wire")}</div></div>'
        f'{footer_block(chrome, "mw-footer")}{cookie_banner(chrome.lang, "mw-consent")}'
    )
    return document(chrome, body, "mw", "#004d99", feed_href)


def wire_article(view: ArticleView, chrome: Chrome) -> str:
    """Dispatch: slug line, ISO-ish timestamp, plain paragraphs, copyright line."""
    return (
        f'<div class="mw-story"><div class="mw-slug">{escape(view.section_label).upper()}</div>'
        f'<h1>{headline(view)}</h1><div class="mw-stamp">'
        f'<time datetime="{view.published_iso}">{view.visible_date}</time></div>'
        f'<img src="{escape(view.image_url)}" alt="{escape(view.caption)}">'
        f'<div class="mw-text">{body_html(view)}</div>'
        f'<p class="mw-copy">© {escape(chrome.outlet.name)} — reproduction réservée aux '
        f"abonnés / reproduction reserved to subscribers</p></div>"
    )


def tech_shell(chrome: Chrome, main: str, feed_href: str) -> str:
    """Tech magazine: newsletter wall, trending tags, sticky sidebar of promoted posts."""
    ui = UI[chrome.lang]
    tags = "".join(f'<a class="tag" href="{chrome.base}/tag/{t}">#{t}</a>'
                   for t in ("fintech", "ai", "cloud", "startups", "5g", "cyber", "mobile"))
    body = (
        f'<header class="at-header"><a class="at-logo" href="{chrome.base}/">'
        f'{escape(chrome.outlet.name)}</a>{menu(chrome, "at-nav")}</header>'
        f'<div class="at-trending">{tags}</div><div class="at-grid"><main>{main}</main>'
        f'<aside class="at-aside">{link_list(ui["most_read"], chrome.most_read, "at-pop", True)}'
        f'{ad_slot("sticky", chrome.lang, "at")}</aside></div>'
        f'<div class="at-wall"><p>{ui["newsletter"]}</p></div>'
        f'{footer_block(chrome, "at-footer")}{cookie_banner(chrome.lang, "at-cookies")}'
    )
    return document(chrome, body, "at", "#00897b", feed_href)


def tech_article(view: ArticleView, chrome: Chrome) -> str:
    """Magazine article: hero image first, then headline, byline, body, tags, comments."""
    ui = UI[chrome.lang]
    return (
        f'<article class="at-post"><div class="hero"><img src="{escape(view.image_url)}" '
        f'alt=""></div><h1 class="post-title">{headline(view)}</h1>'
        f'<p class="byline">{ui["by"]} {escape(view.author)} · {view.visible_date}</p>'
        f'<section class="post-body">{body_html(view)}</section>'
        f'{share_bar(view.url, view.title, chrome.lang, "at-share")}</article>'
        f'{link_list(ui["related"], view.related, "at-related")}'
        f'{comment_block(chrome.lang, chrome.variant, "at-discussion")}'
    )


def phare_shell(chrome: Chrome, main: str, feed_href: str) -> str:
    """Tangier daily: weather strip, sections, two sidebars around the article."""
    ui = UI[chrome.lang]
    body = (
        f'<div class="pd-meteo">Tanger 19° · Tétouan 18° · Algésiras 20°</div>'
        f'<header class="pd-header"><a href="{chrome.base}/" class="pd-titre">'
        f'{escape(chrome.outlet.name)}</a>{menu(chrome, "pd-menu")}</header>'
        f'<div class="pd-body"><div class="pd-gauche">'
        f'{link_list(ui["latest"], chrome.latest, "pd-fil")}</div>'
        f'<div class="pd-centre">{main}</div><div class="pd-droite">'
        f'{ad_slot("carre", chrome.lang, "pd")}'
        f'{link_list(ui["most_read"], chrome.most_read, "pd-lus", True)}</div></div>'
        f'{footer_block(chrome, "pd-pied")}{cookie_banner(chrome.lang, "pd-cookies")}'
    )
    return document(chrome, body, "pd", "#37474f", feed_href)


def phare_article(view: ArticleView, chrome: Chrome) -> str:
    """Phare article: numeric date "24 - 11 - 2026" in a span, body in <section>."""
    ui = UI[chrome.lang]
    return (
        f'<div class="pd-art"><h1>{headline(view)}</h1><div class="pd-info">'
        f'<span class="pd-date">{view.visible_date}</span> · '
        f'<span class="pd-auteur">{escape(view.author)}</span> · '
        f'<a href="{escape(view.section_href)}">{escape(view.section_label)}</a></div>'
        f'<img src="{escape(view.image_url)}" alt="{escape(view.caption)}">'
        f'<section class="pd-texte">{body_html(view)}</section>'
        f'{share_bar(view.url, view.title, chrome.lang, "pd-share")}</div>'
        f'{link_list(ui["related"], view.related, "pd-related")}'
        f'{comment_block(chrome.lang, chrome.variant, "pd-comments")}'
    )
