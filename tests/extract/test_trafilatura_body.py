"""Jarida's one-copy run of trafilatura's cascade finds what bare_extraction finds."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from trafilatura import bare_extraction
from trafilatura.settings import Document
from trafilatura.utils import load_html
from trafilatura.xml import xmltotxt

from jarida.extract.article import _INERT, read_html_file
from jarida.extract.body import _options, trafilatura_body

DATA = Path(__file__).parent / "data"
SHORT_PAGE = ("<html><body><div><span>Trois lignes seulement.</span></div>"
              "<p>Le marché ouvre à huit heures.</p></body></html>")


def _prepared(html: bytes | str) -> etree._Element:
    tree = load_html(html)
    assert tree is not None
    etree.strip_elements(tree, *_INERT, etree.Comment, with_tail=False)
    return tree


@pytest.mark.parametrize("name", ["fr_article.html", "ar_article.html", "es_article.html",
                                  "es_article_gz.html.gz"])
def test_same_text_as_bare_extraction(name: str) -> None:
    html = read_html_file(DATA / name)
    url = "https://example.ma/article.html"
    reference = bare_extraction(_prepared(html), options=_options(url))
    assert isinstance(reference, Document) and reference.body is not None
    ours = trafilatura_body(_prepared(html), url)
    assert ours is not None
    assert xmltotxt(ours, False) == xmltotxt(reference.body, False)


def test_short_page_goes_through_the_baseline_like_bare_extraction() -> None:
    reference = bare_extraction(_prepared(SHORT_PAGE), options=_options(None))
    ours = trafilatura_body(_prepared(SHORT_PAGE), None)
    if reference is None or not isinstance(reference, Document) or reference.body is None:
        assert ours is None
    else:
        assert ours is not None and xmltotxt(ours, False) == xmltotxt(reference.body, False)
