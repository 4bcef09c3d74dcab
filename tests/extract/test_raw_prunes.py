"""A raw-tree prune is skipped only on pages where it cannot match (see raw_prunes.py)."""

from __future__ import annotations

import re
from itertools import product
from pathlib import Path

import pytest
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from jarida.extract.article import _INERT, read_html_file
from jarida.extract.body import trafilatura_body
from jarida.extract.names import page_names
from jarida.extract.raw_prunes import EXPRESSIONS, GUARDS, guard_of, raw_prunes

DATA = Path(__file__).parent / "data"
# Names near the guarded patterns: each one matches, or nearly matches, one of them.
NAMES = (
    "comments", "Comments", "comment-list", "commentary", "x comments", "comol",
    "disqus_thread", "dsq-comments", "article-comments", "post-comments box",
    "my-post-comments", "infinite-scroll", "infinitescroll", "page infinite-scroll",
    "mvp-post-add-box", "mvp-post-add-wrap", "mvp-post-add", "elementor-share-buttons",
    "elementor-share", "share", "social-links", "story", "",
)
TAGS = ("div", "section", "aside", "ul", "ol", "details", "span")
# The regular expressions and class fragments each guarded expression tests names with,
# as written in trafilatura 2.3.1: a trafilatura whose prunes test other names fails here,
# so that the guards are rewritten before they can skip a prune that would match.
KNOWN_TESTS = {
    "infinite-?scroll": {"mvp-post-add-(?:box|wrap)|infinite-?scroll",
                         "mvp-post-add-(?:box|wrap)"},
    "elementor-share-buttons": {"elementor-share-buttons"},
    "disqus_thread": {"^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)",
                      "^[Cc]omment(?!ary)|(?:article|post)-comments",
                      "^(?:[Cc]omment(?!ary)|comol)"},
}
_NAME_TESTS = re.compile(r"(?:re:test|contains|starts-with)\(@[\w|@]+, '([^']*)'\)")


def test_every_prune_is_guarded_by_what_it_tests() -> None:
    assert {guard_of(expression) for expression in EXPRESSIONS} == set(GUARDS)
    for expression in EXPRESSIONS:
        guard = guard_of(expression)
        assert guard is not None
        assert set(_NAME_TESTS.findall(expression.path)) == KNOWN_TESTS[guard.marker]


@pytest.mark.parametrize(("tag", "attribute"), list(product(TAGS, ("id", "class"))))
def test_a_skipped_prune_would_have_matched_nothing(tag: str, attribute: str) -> None:
    for first, second in product(NAMES, repeat=2):
        page = (f"<html><body><article id='main' class='story'><h1>T</h1><p>x</p></article>"
                f"<{tag} {attribute}='{first}'><p>a</p></{tag}>"
                f"<div id='{second}' class='{first} {second}'><p>b</p></div></body></html>")
        tree = load_html(page)
        assert isinstance(tree, HtmlElement)
        kept = raw_prunes(page_names(tree))
        for expression in EXPRESSIONS:
            if expression not in kept:
                assert expression(tree) == [], (expression.path, first, second)


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.iterdir() if ".html" in p.name))
def test_same_body_with_and_without_names(name: str) -> None:
    def body(with_names: bool) -> str:
        tree = load_html(read_html_file(DATA / name))
        assert isinstance(tree, HtmlElement)
        etree.strip_elements(tree, *_INERT, etree.Comment, with_tail=False)
        names = page_names(tree) if with_names else None
        found = trafilatura_body(tree, "https://example.ma/a.html", names)
        return "" if found is None else etree.tostring(found, encoding="unicode")

    assert body(True) == body(False)
