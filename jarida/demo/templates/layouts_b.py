"""Shells and article markup of Casablanca Business, Rif Express and L'Écho du Souss."""

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

MARKETS = (("MASI", "13 482,51", "+0,42 %"), ("MADEX", "10 961,20", "+0,38 %"),
           ("EUR/MAD", "10,86", "-0,05 %"), ("USD/MAD", "9,97", "+0,11 %"),
           ("Brent", "74,20 $", "-1,02 %"), ("Blé tendre", "231 $/t", "+0,6 %"))


def casa_shell(chrome: Chrome, main: str, feed_href: str) -> str:
    """Business site: market ticker table, premium banner, sidebar of briefs."""
    ui = UI[chrome.lang]
    rows = "".join(f"<tr><td>{n}</td><td>{v}</td><td>{c}</td></tr>" for n, v, c in MARKETS)
    body = (
        f'<table class="cb-markets"><tbody>{rows}</tbody></table>'
        f'<header class="cb-head"><a href="{chrome.base}/" class="cb-brand">'
        f'{escape(chrome.outlet.name)}</a>{menu(chrome, "cb-nav")}'
        f'<a class="cb-premium" href="{chrome.base}/premium">Premium</a></header>'
        f'<div class="cb-layout"><div class="cb-main">{main}</div>'
        f'<div class="cb-side">{ad_slot("pave", chrome.lang, "cb")}'
        f'{link_list(ui["most_read"], chrome.most_read, "cb-populaires", True)}'
        f'{link_list(ui["latest"], chrome.latest, "cb-briefs")}</div></div>'
        f'{footer_block(chrome, "cb-footer")}{cookie_banner(chrome.lang, "cb-rgpd")}'
    )
    return document(chrome, body, "cb", "#c8a200", feed_href)


def casa_article(view: ArticleView, chrome: Chrome) -> str:
    """Business article: chapô in bold, numeric date, body paragraphs, no comments."""
    ui = UI[chrome.lang]
    paras = view.paragraphs
    lead_view = ArticleView(**{**view.__dict__, "paragraphs": paras[1:]})
    return (
        f'<div class="cb-article" itemscope itemtype="https://schema.org/NewsArticle">'
        f'<ul class="cb-breadcrumb"><li><a href="{chrome.base}/">{ui["home"]}</a></li>'
        f'<li><a href="{escape(view.section_href)}">{escape(view.section_label)}</a></li></ul>'
        f'<h1>{headline(view)}</h1><div class="cb-info"><span class="date">{view.visible_date}'
        f'</span> | <span class="auteur">{escape(view.author)}</span></div>'
        f'<img src="{escape(view.image_url)}" alt="{escape(view.caption)}">'
        f'<p class="cb-chapo"><strong>{escape(paras[0]) if paras else ""}</strong></p>'
        f'<div class="cb-content">{body_html(lead_view)}</div>'
        f'{share_bar(view.url, view.title, chrome.lang, "cb-share")}'
        f'{link_list(ui["related"], view.related, "cb-lire-aussi")}</div>'
    )


def rif_shell(chrome: Chrome, main: str, feed_href: str) -> str:
    """Bilingual regional site: language switch, wide main column, bottom widgets."""
    ui = UI[chrome.lang]
    other = "ar" if chrome.lang == "fr" else "fr"
    body = (
        f'<div class="rx-lang"><a href="{chrome.base}/{other}/">{other.upper()}</a></div>'
        f'<header class="rx-header"><h2 class="rx-logo"><a href="{chrome.base}/">'
        f'{escape(chrome.outlet.name)}</a></h2>{menu(chrome, "rx-nav")}</header>'
        f'<div id="rx-container">{main}</div>'
        f'<div class="rx-widgets">{link_list(ui["most_read"], chrome.most_read, "rx-pop", True)}'
        f'{ad_slot("bottom", chrome.lang, "rx")}'
        f'{link_list(ui["latest"], chrome.latest, "rx-news")}</div>'
        f'{footer_block(chrome, "rx-foot")}{cookie_banner(chrome.lang, "rx-cookies")}'
    )
    return document(chrome, body, "rx", "#6a1b9a", feed_href)


def rif_article(view: ArticleView, chrome: Chrome) -> str:
    """Rif Express article: date line "Publié le 24.11.2026" (Arabic-Indic digits in Arabic)."""
    ui = UI[chrome.lang]
    return (
        f'<div class="rx-entry"><span class="rx-rubrique">{escape(view.section_label)}</span>'
        f'<h1 class="entry-title">{headline(view)}</h1>'
        f'<p class="rx-dateline">{view.visible_date} — {escape(view.author)}</p>'
        f'<div class="entry-thumb"><img src="{escape(view.image_url)}" alt=""></div>'
        f'<div class="entry-content">{body_html(view)}</div>'
        f'{share_bar(view.url, view.title, chrome.lang, "rx-share")}</div>'
        f'{link_list(ui["related"], view.related, "rx-related")}'
        f'{comment_block(chrome.lang, chrome.variant, "rx-comments")}'
    )


def echo_shell(chrome: Chrome, main: str, feed_href: str) -> str:
    """Old-school site built with tables and font tags, as many small outlets still are."""
    ui = UI[chrome.lang]
    body = (
        f'<table width="100%" class="es-frame"><tr><td colspan="2" class="es-top">'
        f'<a href="{chrome.base}/"><font size="6">{escape(chrome.outlet.name)}</font></a><br>'
        f'<i>{escape(chrome.outlet.tagline)}</i></td></tr>'
        f'<tr><td colspan="2">{menu(chrome, "es-menu")}</td></tr>'
        f'<tr><td valign="top" width="70%">{main}</td><td valign="top" class="es-col">'
        f'{link_list(ui["most_read"], chrome.most_read, "es-box", True)}'
        f'{ad_slot("colonne", chrome.lang, "es")}'
        f'{link_list(ui["latest"], chrome.latest, "es-box")}</td></tr></table>'
        f'{footer_block(chrome, "es-bas")}{cookie_banner(chrome.lang, "es-cookie")}'
    )
    return document(chrome, body, "es", "#e65100", feed_href)


def echo_article(view: ArticleView, chrome: Chrome) -> str:
    """Écho du Souss article: title in <h2>, date "Le 24 novembre 2026", <br>-separated body."""
    ui = UI[chrome.lang]
    text = "<br><br>\n".join(escape(p) for p in view.paragraphs)
    return (
        f'<div class="es-article"><h2 class="titre">{headline(view)}</h2>'
        f'<div class="es-date">{view.visible_date}, {ui["by"].lower()} {escape(view.author)}'
        f'</div><img src="{escape(view.image_url)}" align="left" hspace="8">'
        f'<div class="es-texte">{text}</div>'
        f'{share_bar(view.url, view.title, chrome.lang, "es-partage")}</div>'
        f'{link_list(ui["related"], view.related, "es-voir")}'
        f'{comment_block(chrome.lang, chrome.variant, "es-reactions")}'
    )
