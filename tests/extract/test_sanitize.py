"""Hostile markup must come out inert: nothing that runs, frames, submits or tracks."""

from __future__ import annotations

import pytest

from jarida.extract import sanitize_html

BASE = "https://news.example.ma/politique/article-1.html"


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        "<style>body{display:none}</style>",
        "<iframe src='https://evil.example/'></iframe>",
        "<object data='x.swf'></object>",
        "<embed src='x.swf'>",
        "<form action='https://evil.example/'><input name='q'><button>Go</button></form>",
        "<svg><script>alert(1)</script></svg>",
        "<noscript><img src='https://t.example/pixel'></noscript>",
    ],
)
def test_dangerous_elements_disappear_with_their_content(hostile: str) -> None:
    cleaned = sanitize_html(f"<p>Texte sûr.</p>{hostile}", BASE)
    assert cleaned == "<p>Texte sûr.</p>"


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "jav&#x09;ascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox(1)",
    ],
)
def test_script_links_lose_their_href(href: str) -> None:
    cleaned = sanitize_html(f'<p><a href="{href}">lien</a></p>', BASE)
    assert "href" not in cleaned
    assert "lien" in cleaned


def test_event_handlers_and_styles_are_stripped() -> None:
    cleaned = sanitize_html(
        '<p onclick="steal()" style="color:red" class="x">a <b onmouseover="x()">b</b></p>'
        '<img src="https://cdn.example.ma/a.jpg" onerror="steal()">',
        BASE,
    )
    assert cleaned == '<p>a <b>b</b></p><img src="https://cdn.example.ma/a.jpg">'


def test_relative_links_become_absolute_and_get_rel() -> None:
    cleaned = sanitize_html('<p><a href="../sport/x.html">x</a> <a href="//cdn.example.ma/y">y'
                            '</a></p><img src="/img/z.jpg">', BASE)
    assert '<a href="https://news.example.ma/sport/x.html" rel="noopener noreferrer">' in cleaned
    assert '<a href="https://cdn.example.ma/y" rel="noopener noreferrer">' in cleaned
    assert '<img src="https://news.example.ma/img/z.jpg">' in cleaned
    assert "target=" not in cleaned


def test_images_need_an_http_source() -> None:
    cleaned = sanitize_html('<p>x</p><img src="data:image/png;base64,AAAA">'
                            '<img src="ftp://files.example/a.png">', BASE)
    assert cleaned == "<p>x</p>"


def test_article_structure_is_kept() -> None:
    html = ("<h2>Titre</h2><p><em>a</em> <strong>b</strong> <i>c</i><br>d</p>"
            "<blockquote>e</blockquote><ul><li>f</li></ul><ol><li>g</li></ol>"
            "<figure><img src=\"https://cdn.example.ma/p.jpg\" alt=\"p\"><figcaption>h</figcaption>"
            "</figure><table><tbody><tr><th>i</th><td>j</td></tr></tbody></table>")
    assert sanitize_html(html, BASE) == html


def test_unknown_tags_are_unwrapped_not_dropped() -> None:
    assert sanitize_html("<div><span>mot</span> <h1>titre</h1></div>", BASE) == "mot titre"
