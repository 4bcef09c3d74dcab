"""Article links from listing pages: per-source pattern and the no-pattern heuristic."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from jarida.crawl.discovery import links_from_listing, looks_like_article, parse_feed

PAGE = """<!DOCTYPE html><html><head><base href="https://www.journal.example/fr/"></head><body>
<nav><a href="/">Accueil</a><a href="/category/politique/">Politique</a>
<a href="/tag/maroc">Maroc</a><a href="/login">Connexion</a><a href="/page/2">Suivant</a>
<a href="/author/amina-el-idrissi">Amina</a></nav>
<article><a href="politique/2025/01/le-budget-est-adopte-12345.html">
<img data-src="/img/b.jpg" src="data:image/gif;base64,R0l"></a>
<h2><a href="politique/2025/01/le-budget-est-adopte-12345.html#comments">
Le <b>budget</b> est adopté</a></h2>
<a href="politique/2025/01/le-budget-est-adopte-12345.html">Lire</a></article>
<article><h2><a href="https://journal.example/societe/seisme-les-secours-sont-mobilises">Séisme</a></h2></article>
<article><h2><a href="https://m.journal.example/sport/article/987654">Sport</a></h2></article>
<a href="https://other.example/politique/2025/01/autre-article-de-ailleurs-1">Ailleurs</a>
<a href="mailto:redaction@journal.example">Écrire</a><a href="javascript:void(0)">JS</a>
<a href="/uploads/rapport-annuel-2024-final.pdf">PDF</a>
<a href="/contact">Contact</a>
</body></html>"""


def test_heuristic_keeps_articles_in_page_order() -> None:
    entries = links_from_listing(PAGE, "https://www.journal.example/fr/", None)
    assert [e.url for e in entries] == [
        "https://www.journal.example/fr/politique/2025/01/le-budget-est-adopte-12345.html",
        "https://journal.example/societe/seisme-les-secours-sont-mobilises",
    ]
    first = entries[0]
    assert first.title == "Le budget est adopté"  # longest anchor text, markup stripped
    assert first.image == "https://www.journal.example/img/b.jpg"  # lazy-load attribute


def test_pattern_selects_same_site_links_only() -> None:
    entries = links_from_listing(PAGE, "https://www.journal.example/fr/", r"/\d{4}/\d\d/|/article/")
    assert [e.url for e in entries] == [
        "https://www.journal.example/fr/politique/2025/01/le-budget-est-adopte-12345.html",
        "https://m.journal.example/sport/article/987654",  # same registrable domain
    ]


def test_bytes_input_and_invalid_pattern() -> None:
    page = '<html><meta charset="utf-8"><a href="/a/un-été-très-chaud-2025">Été</a></html>'
    entries = links_from_listing(page.encode("utf-8"), "https://j.example/", None)
    assert [e.title for e in entries] == ["Été"]
    with pytest.raises(ValueError, match="invalid listing pattern"):
        links_from_listing(PAGE, "https://j.example/", "(unclosed")


def test_empty_page() -> None:
    assert links_from_listing(b"", "https://j.example/", None) == []


def test_parse_feed_listing_mode() -> None:
    feed = parse_feed(PAGE.encode("utf-8"), "https://www.journal.example/fr/", kind_hint="listing",
                      listing_pattern=r"seisme")
    assert feed.kind == "listing" and feed.error is None
    assert [(e.url, e.title) for e in feed.entries] == [
        ("https://journal.example/societe/seisme-les-secours-sont-mobilises", "Séisme")
    ]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://j.example/2025/01/14/budget", True),
        ("https://j.example/politique/le-budget-2025-est-adopte", True),
        ("https://j.example/news/123456", True),
        ("https://j.example/article.php?id=4521", True),
        ("https://j.example/ar/" + quote("المغرب-يفوز-بالكأس-للمرة"), True),
        ("https://j.example/", False),
        ("https://j.example/politique/", False),
        ("https://j.example/category/politique-et-societe-au-maroc", False),
        ("https://j.example/tag/coupe-du-monde-2030", False),
        ("https://j.example/page/2", False),
        ("https://j.example/2025/01/", False),
        ("https://j.example/wp-content/uploads/photo-du-jour-123456.jpg", False),
        ("https://j.example/mentions-legales", False),
    ],
)
def test_looks_like_article(url: str, expected: bool) -> None:
    assert looks_like_article(url) is expected


def test_parse_feed_listing_mode_on_a_fragment() -> None:
    fragment = b'<div><a href="/sport/le-raja-remporte-le-derby-2025">Derby</a></div>'
    feed = parse_feed(fragment, "https://j.example/sport/", kind_hint="listing")
    assert [e.title for e in feed.entries] == ["Derby"] and feed.error is None
