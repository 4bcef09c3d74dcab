"""Boilerplate blocks that every real news page carries, in each outlet's own class names."""

from __future__ import annotations

import json
from html import escape

from jarida.demo.templates.labels import (
    CITIES,
    COMMENTERS,
    COMMENTS,
    FOOTER,
    SERVICES,
    UI,
)
from jarida.demo.templates.view import ArticleView, Chrome, Link

CSS_RULES = (
    "body{margin:0;font-family:Georgia,serif;color:#222;background:#fafafa}",
    "header{background:#fff;border-bottom:3px solid var(--accent)}",
    "nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap}",
    "nav li{margin:0 .6em}nav a{color:#333;text-decoration:none;font-weight:600}",
    ".wrap{max-width:1180px;margin:0 auto;padding:0 16px}",
    ".grid{display:grid;grid-template-columns:2fr 1fr;gap:24px}",
    "h1{font-size:2.1rem;line-height:1.2}h2{font-size:1.3rem}",
    ".meta{color:#777;font-size:.85rem}.kicker{text-transform:uppercase;color:var(--accent)}",
    "figure{margin:0 0 1em}figcaption{font-size:.8rem;color:#666}",
    "aside{background:#fff;padding:12px;border:1px solid #eee}",
    ".ad{background:#f1f1f1;text-align:center;min-height:250px;color:#aaa}",
    ".share a{display:inline-block;padding:4px 10px;border-radius:3px;background:#eee}",
    ".comments li{border-bottom:1px solid #eee;padding:8px 0}",
    "footer{background:#1b1b1b;color:#ccc;padding:24px 0}footer a{color:#ddd}",
    ".cookie{position:fixed;bottom:0;left:0;right:0;background:#222;color:#fff;padding:12px}",
    "@media(max-width:800px){.grid{grid-template-columns:1fr}nav ul{display:block}}",
)


def style_block(prefix: str, accent: str) -> str:
    """An inline stylesheet, namespaced like a real theme (and about as long)."""
    rules = [r.replace(".", f".{prefix}-") if r.startswith(".") else r for r in CSS_RULES]
    extra = [
        f".{prefix}-col-{i}{{width:{8 * i}%;float:left;padding:0 {i % 4}px}}" for i in range(1, 13)
    ] + [
        f".{prefix}-mt-{i}{{margin-top:{i * 4}px}}.{prefix}-mb-{i}{{margin-bottom:{i * 4}px}}"
        f".{prefix}-pt-{i}{{padding-top:{i * 4}px}}.{prefix}-pb-{i}{{padding-bottom:{i * 4}px}}"
        for i in range(1, 25)
    ] + [
        f".{prefix}-c{i}{{color:#{(i * 2654435761) % 0xFFFFFF:06x}}}"
        f".{prefix}-bg{i}{{background-color:#{(i * 40503) % 0xFFFFFF:06x}}}"
        for i in range(1, 41)
    ] + [
        f"@media(min-width:{480 + 80 * i}px){{.{prefix}-w{i}{{max-width:{400 + 60 * i}px;"
        f"margin-left:auto;margin-right:auto}}.{prefix}-hide-{i}{{display:none}}}}"
        for i in range(1, 13)
    ]
    return f"<style>:root{{--accent:{accent}}}\n" + "\n".join(rules + extra) + "</style>"


ICONS = ("facebook", "x", "whatsapp", "linkedin", "email", "search", "menu", "close", "play",
         "camera", "clock", "comment", "user", "arrow", "print", "bookmark")


def icon_sprite() -> str:
    """An inline SVG sprite of UI icons, as most themes embed at the top of <body>."""
    symbols = []
    for i, name in enumerate(ICONS):
        pts = " ".join(f"{(i * 7 + j * 13) % 24},{(i * 11 + j * 5) % 24}" for j in range(14))
        symbols.append(f'<symbol id="i-{name}" viewBox="0 0 24 24"><path d="M{pts}Z"/>'
                       f'<polyline points="{pts}"/></symbol>')
    return f'<svg xmlns="http://www.w3.org/2000/svg" style="display:none">{"".join(symbols)}</svg>'


def page_state(chrome: Chrome) -> str:
    """A hydration blob (menus and teasers as JSON) like the ones modern front-ends inline."""
    state = {
        "site": chrome.outlet.slug, "lang": chrome.lang,
        "menu": [{"t": s.title, "u": s.href} for s in chrome.sections],
        "mostRead": [{"t": x.title, "u": x.href} for x in chrome.most_read],
        "latest": [{"t": x.title, "u": x.href} for x in chrome.latest],
        "ads": {"consent": False, "slots": 6, "refresh": 30},
    }
    payload = json.dumps(state, ensure_ascii=False).replace("</", "<\\/")
    return f'<script id="__STATE__" type="application/json">{payload}</script>'


def tracking_scripts(slug: str) -> str:
    """Analytics and ad-loader snippets of the kind extraction must ignore."""
    config = {"site": slug, "slots": ["top", "side-1", "side-2", "inread", "footer"],
              "consent": "tcf-v2", "lazy": True, "refresh": 30}
    return (
        "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}"
        f"gtag('js',new Date());gtag('config','G-DEMO{len(slug):04d}');</script>\n"
        f"<script type=\"application/json\" id=\"ad-config\">{json.dumps(config)}</script>\n"
        "<script>(function(){var s=document.createElement('script');s.async=true;"
        "s.src='/static/ads.js';document.head.appendChild(s)})();</script>"
    )


def menu(chrome: Chrome, cls: str) -> str:
    """Main navigation with sections, a regions mega-menu and a services menu."""
    ui = UI[chrome.lang]
    base = chrome.base
    items = [f'<li><a href="{base}/">{ui["home"]}</a></li>']
    items += [f'<li><a href="{escape(s.href)}">{escape(s.title)}</a></li>' for s in chrome.sections]
    regions = "".join(
        f'<li><a href="{base}/region/{i}">{c}</a></li>' for i, c in enumerate(CITIES)
    )
    services = "".join(
        f'<li><a href="{base}/service/{i}">{s}</a></li>'
        for i, s in enumerate(SERVICES[chrome.lang])
    )
    return (
        f'<nav class="{cls}" role="navigation"><ul>{"".join(items)}'
        f'<li class="has-sub">{ui["regions"]}<ul class="sub">{regions}</ul></li>'
        f'<li class="has-sub">{ui["services"]}<ul class="sub">{services}</ul></li></ul>'
        f'<form class="search" action="{base}/recherche"><input name="q" '
        f'placeholder="{ui["search"]}"><button>{ui["search"]}</button></form></nav>'
    )


def link_list(title: str, links: tuple[Link, ...], cls: str, numbered: bool = False) -> str:
    """A sidebar box of links ("most read", "latest", "related")."""
    tag = "ol" if numbered else "ul"
    items = "".join(f'<li><a href="{escape(x.href)}">{escape(x.title)}</a></li>' for x in links)
    return f'<div class="{cls}"><h3>{title}</h3><{tag}>{items}</{tag}></div>'


def ad_slot(name: str, lang: str, prefix: str) -> str:
    """An empty advertising slot with its loader markup."""
    return (
        f'<div class="{prefix}-ad ad-{name}" data-slot="{name}" aria-hidden="true">'
        f'<span>{UI[lang]["ad"]}</span><ins class="adsbydemo" data-ad-slot="{name}"></ins>'
        f'<script>(adsbydemo=window.adsbydemo||[]).push({{slot:"{name}"}});</script></div>'
    )


def share_bar(url: str, title: str, lang: str, cls: str) -> str:
    """Social share buttons, each a link carrying the URL."""
    from urllib.parse import quote

    u, t = quote(url, safe=""), quote(title, safe="")
    nets = (("facebook", f"https://share.example.invalid/fb?u={u}"),
            ("x", f"https://share.example.invalid/x?url={u}&text={t}"),
            ("whatsapp", f"https://share.example.invalid/wa?text={t}%20{u}"),
            ("linkedin", f"https://share.example.invalid/in?url={u}"),
            ("email", f"mailto:?subject={t}&body={u}"))
    links = "".join(
        f'<a class="btn-{n}" href="{escape(h)}" rel="nofollow">{n}</a>' for n, h in nets
    )
    return f'<div class="{cls}"><span>{UI[lang]["share"]}</span>{links}</div>'


def comment_block(lang: str, variant: int, cls: str) -> str:
    """A reader-comments thread (different per page) and its form."""
    ui, pool = UI[lang], COMMENTS[lang]
    count = 3 + variant % 4
    items = []
    for i in range(count):
        who = COMMENTERS[(variant + i * 5) % len(COMMENTERS)]
        text = pool[(variant * 3 + i) % len(pool)]
        items.append(
            f'<li class="comment"><strong class="author">{who}</strong>'
            f'<span class="when">{1 + (variant + i) % 23}h</span><p>{escape(text)}</p>'
            f'<a href="#reply-{i}" class="reply">↩</a></li>'
        )
    return (
        f'<section class="{cls}" id="comments"><h3>{ui["comments"]} ({count})</h3>'
        f'<ul>{"".join(items)}</ul><form class="comment-form" method="post" action="#">'
        f'<label>{ui["write"]}</label><textarea name="c"></textarea>'
        f'<button type="submit">OK</button></form></section>'
    )


def cookie_banner(lang: str, cls: str) -> str:
    """The consent banner found on almost every European-facing site."""
    ui = UI[lang]
    return (
        f'<div class="{cls}" role="dialog" aria-live="polite"><p>{ui["cookies"]}</p>'
        f'<button class="accept">{ui["accept"]}</button>'
        f'<button class="refuse">{ui["refuse"]}</button></div>'
    )


def footer_block(chrome: Chrome, cls: str) -> str:
    """A site footer with corporate links, sections, partner sites and an admin link."""
    ui, base, o = UI[chrome.lang], chrome.base, chrome.outlet
    corp = "".join(
        f'<li><a href="{base}/page/{i}">{t}</a></li>' for i, t in enumerate(FOOTER[chrome.lang])
    )
    secs = "".join(f'<li><a href="{escape(s.href)}">{escape(s.title)}</a></li>'
                   for s in chrome.sections)
    return (
        f'<footer class="{cls}"><div class="cols"><ul>{corp}</ul><ul>{secs}</ul></div>'
        f'<div class="newsletter"><p>{ui["newsletter"]}</p><form action="{base}/newsletter">'
        f'<input type="email" name="e"><button>{ui["subscribe"]}</button></form></div>'
        f'<p class="copy">© 2026 {escape(o.name)} — {ui["rights"]}. {escape(o.tagline)}</p>'
        f'<a class="admin" href="{base}/admin/login">{ui["admin"]}</a></footer>'
    )


def head_meta(view: ArticleView, chrome: Chrome) -> str:
    """Canonical, Open Graph and (by outlet) article:published_time and JSON-LD."""
    o = chrome.outlet
    tags = [
        f'<link rel="canonical" href="{escape(view.url)}">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:title" content="{escape(view.title)}">',
        f'<meta property="og:url" content="{escape(view.url)}">',
        f'<meta property="og:image" content="{escape(view.image_url)}">',
        f'<meta property="og:site_name" content="{escape(o.name)}">',
        f'<meta name="author" content="{escape(view.author)}">',
    ]
    if o.og_published:
        tags.append(f'<meta property="article:published_time" content="{view.published_iso}">')
        tags.append(f'<meta property="article:modified_time" content="{view.modified_iso}">')
        tags.append(f'<meta property="article:section" content="{escape(view.section_label)}">')
    if o.jsonld:
        data = {
            "@context": "https://schema.org", "@type": "NewsArticle",
            "headline": view.title, "datePublished": view.published_iso,
            "dateModified": view.modified_iso, "image": [view.image_url],
            "author": [{"@type": "Person", "name": view.author}],
            "publisher": {"@type": "Organization", "name": o.name},
            "mainEntityOfPage": view.url, "articleSection": view.section_label,
            "inLanguage": chrome.lang,
        }
        payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
        tags.append(f'<script type="application/ld+json">{payload}</script>')
    return "\n".join(tags)
