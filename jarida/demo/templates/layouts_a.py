"""Shells and article markup of Le Courrier de l'Atlas, Akhbar Al Maghrib, Diario del Estrecho."""

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


def courrier_shell(chrome: Chrome, main: str, feed_href: str) -> str:
    """Classic French daily: masthead, top ad, two columns, heavy footer."""
    ui = UI[chrome.lang]
    body = (
        f'<div class="ca-topbar"><span>{escape(chrome.outlet.tagline)}</span>'
        f'<a href="{chrome.base}/abonnement">{ui["subscribe"]}</a></div>'
        f'<header class="ca-header"><a class="logo" href="{chrome.base}/">'
        f'{escape(chrome.outlet.name)}</a>{menu(chrome, "ca-nav")}</header>'
        f'{ad_slot("top", chrome.lang, "ca")}'
        f'<div class="ca-wrap ca-grid"><main id="main">{main}</main>'
        f'<aside class="ca-sidebar">{link_list(ui["most_read"], chrome.most_read, "ca-top", True)}'
        f'{ad_slot("side-1", chrome.lang, "ca")}'
        f'{link_list(ui["latest"], chrome.latest, "ca-latest")}'
        f'{ad_slot("side-2", chrome.lang, "ca")}</aside></div>'
        f'{footer_block(chrome, "ca-footer")}{cookie_banner(chrome.lang, "ca-cookie")}'
    )
    return document(chrome, body, "ca", "#b3122e", feed_href)


def courrier_article(view: ArticleView, chrome: Chrome) -> str:
    """Kicker, headline, byline with long French date, figure, body, share, comments."""
    ui = UI[chrome.lang]
    upd = f'<span class="upd">{ui["updated"]} {view.visible_updated}</span>' if (
        view.visible_updated) else ""
    return (
        f'<article class="ca-article"><a class="ca-kicker" href="{escape(view.section_href)}">'
        f'{escape(view.section_label)}</a><h1 class="ca-title">{headline(view)}</h1>'
        f'<div class="ca-meta">{ui["by"]} <span class="ca-author">{escape(view.author)}</span>'
        f' — <time datetime="{view.published_iso}">{view.visible_date}</time> {upd}</div>'
        f'{share_bar(view.url, view.title, chrome.lang, "ca-share")}'
        f'<figure><img src="{escape(view.image_url)}" alt="{escape(view.caption)}" width="480" '
        f'height="270"><figcaption>{escape(view.caption)}</figcaption></figure>'
        f'<div class="ca-body">{body_html(view)}{ad_slot("inread", chrome.lang, "ca")}</div>'
        f'{link_list(ui["related"], view.related, "ca-related")}</article>'
        f'{comment_block(chrome.lang, chrome.variant, "ca-comments")}'
    )


def akhbar_shell(chrome: Chrome, main: str, feed_href: str) -> str:
    """Arabic portal: breaking-news ticker, right-to-left columns, sticky share bar."""
    ui = UI[chrome.lang]
    ticker = "".join(f'<li><a href="{escape(x.href)}">{escape(x.title)}</a></li>'
                     for x in chrome.latest[:6])
    body = (
        f'<header id="akh-head"><div class="akh-logo"><a href="{chrome.base}/">'
        f'{escape(chrome.outlet.name)}</a><small>{escape(chrome.outlet.tagline)}</small></div>'
        f'{menu(chrome, "akh-menu")}<div class="akh-ticker"><b>{ui["latest"]}</b>'
        f'<ul>{ticker}</ul></div></header>'
        f'<div class="akh-page"><aside class="akh-right">'
        f'{link_list(ui["most_read"], chrome.most_read, "akh-most", True)}'
        f'{ad_slot("side-1", chrome.lang, "akh")}</aside>'
        f'<section class="akh-content">{main}</section></div>'
        f'{footer_block(chrome, "akh-foot")}{cookie_banner(chrome.lang, "akh-consent")}'
    )
    return document(chrome, body, "akh", "#0b6e4f", feed_href)


def akhbar_article(view: ArticleView, chrome: Chrome) -> str:
    """Arabic article: date with Moroccan month names above the title, author box below."""
    ui = UI[chrome.lang]
    return (
        f'<div class="akh-post"><div class="akh-date">{view.visible_date}</div>'
        f'<div class="akh-cat"><a href="{escape(view.section_href)}">'
        f'{escape(view.section_label)}</a></div><h1>{headline(view)}</h1>'
        f'<img class="akh-lead" src="{escape(view.image_url)}" alt="">'
        f'<div class="akh-text">{body_html(view)}</div>'
        f'<div class="akh-authorbox">{ui["by"]}: {escape(view.author)}</div>'
        f'{share_bar(view.url, view.title, chrome.lang, "akh-share")}'
        f'{link_list(ui["related"], view.related, "akh-rel")}</div>'
        f'{comment_block(chrome.lang, chrome.variant, "akh-comments")}'
    )


def diario_shell(chrome: Chrome, main: str, feed_href: str) -> str:
    """Spanish regional paper: hamburger menu, three columns, widgets everywhere."""
    ui = UI[chrome.lang]
    body = (
        f'<div id="de-cookies">{cookie_banner(chrome.lang, "de-cookie")}</div>'
        f'<header class="de-cabecera"><button class="burger">☰</button>'
        f'<a class="de-marca" href="{chrome.base}/">{escape(chrome.outlet.name)}</a>'
        f'<span class="de-lema">{escape(chrome.outlet.tagline)}</span></header>'
        f'{menu(chrome, "de-menu")}{ad_slot("megabanner", chrome.lang, "de")}'
        f'<div class="de-cols"><div class="de-left">'
        f'{link_list(ui["latest"], chrome.latest, "de-ultima")}</div>'
        f'<div class="de-center">{main}</div><div class="de-right">'
        f'{link_list(ui["most_read"], chrome.most_read, "de-masleido", True)}'
        f'{ad_slot("robapaginas", chrome.lang, "de")}</div></div>'
        f'{footer_block(chrome, "de-pie")}'
    )
    return document(chrome, body, "de", "#1d4e89", feed_href)


def diario_article(view: ArticleView, chrome: Chrome) -> str:
    """Spanish article: antetítulo, headline, firma, fecha, body in <div class=cuerpo>."""
    ui = UI[chrome.lang]
    return (
        f'<article class="de-noticia"><p class="antetitulo">{escape(view.section_label)}</p>'
        f'<h1 itemprop="headline">{headline(view)}</h1>'
        f'<div class="firma">{ui["by"]} <a rel="author" href="#">{escape(view.author)}</a></div>'
        f'<div class="fecha"><time datetime="{view.published_iso}">{view.visible_date}</time>'
        f'</div><div class="foto"><img src="{escape(view.image_url)}" alt="">'
        f'<p class="pie">{escape(view.caption)}</p></div>'
        f'<div class="cuerpo">{body_html(view)}</div>'
        f'{share_bar(view.url, view.title, chrome.lang, "de-compartir")}</article>'
        f'{link_list(ui["related"], view.related, "de-relacionadas")}'
        f'{comment_block(chrome.lang, chrome.variant, "de-comentarios")}'
    )
