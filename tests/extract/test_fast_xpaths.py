"""trafilatura's frame and discard expressions, translated at run time, give the same
elements in Python (fast_xpaths.py)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import product
from pathlib import Path

import pytest
import trafilatura
from lxml import etree
from lxml.etree import XPath, _Element
from trafilatura import main_extractor
from trafilatura.utils import load_html

import jarida.extract.body  # noqa: F401  (installs the stand-ins)
from jarida.extract import fast_xpaths
from jarida.extract.article import _INERT, extract_article, read_html_file
from jarida.extract.body import trafilatura_body
from jarida.extract.fast_xpaths import (
    EXPRESSION_LISTS,
    StandIn,
    agrees,
    checked,
    install,
    python_tests,
    stand_ins,
    translate,
)

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
from bench.extraction_corpora import CORPUS_LIST, Corpus  # noqa: E402

DATA = Path(__file__).parent / "data"
RE = {"re": "http://exslt.org/regular-expressions"}
# Values at, near and around the kinds of values the expressions test.
VALUES = (
    "", "post", "entry", "articleBody", "articleContent", "entry-content", "article-body",
    "article__body", "story", "article", "primary-col", "story-body", "FullText big",
    "article x", "content", "content-main", "Main-Content", "page-Content", "cookie-bar",
    "share", "shared", "x share-x", "nav", "Navigation", "menu", "sidebar x", "ad-x",
    " ad ", "x-ad-y", "reply-box", "hidden", "is-hidden", "comments-title", "hide-print",
    "message", "display:none", "display: none", "color:red", "meta", "true", "text", "cell",
    "main", "main-wrap", "MAIN",
)
ATTRIBUTES = ("id", "class", "style", "role", "itemprop", "aria-hidden",
              "data-component", "data-lp-replacement-content")
TAGS = ("div", "section", "article", "main", "p", "span", "list", "item", "b")
# Expressions written for these tests in the grammar the parser reads.
CRAFTED = (
    ".//*[self::div or self::p][@id]",
    ".//*[self::div or self::p][@id='a' or @class='b']",
    ".//div[re:test(@id, '^$')]",  # a missing attribute is tested as ''
    ".//*[re:test(@class, 'MAIN', 'i')][1]",
    ".//*[re:test(@id|@class, 'a')]",
    ".//*[starts-with(@id|@class, 'b')]",
    ".//*[contains(translate(@id, 'ABA', 'ab'), 'ba')]",  # 'A' maps once; 'B' to 'b'
    ".//*[contains(translate(@class, 'ab', 'A'), 'AA')]",  # 'b' dropped
    ".//*[starts-with(@role, '')]",
    "(.//p[@id])[1]|(.//div[@class])[1]|.//span[1]",
    ".//*[self::div][contains(@id, 'a')][starts-with(@class, 'b')]",
)
UNKNOWN = (
    ".//*[@id and @class]",
    ".//div[position()=2]",
    ".//div[@id][2]",
    ".//div[normalize-space(@class)='a']",
    ".//div[@id!='a']",
    "//div[@id]",
    ".//div/p[@id]",
    ".//div[1][@id]",
    ".//*[re:replace(@id, 'a', 'g', 'b')='b']",
)
SPY: list[str] = []


def _standins() -> list[StandIn]:
    return [expression for name in EXPRESSION_LISTS
            for expression in getattr(main_extractor, name) if isinstance(expression, StandIn)]


def _same(tree: _Element) -> None:
    for standin in _standins():
        expected = standin.original(tree)
        assert isinstance(expected, list)
        assert standin.python(tree) == expected, standin.path


def _crafted_tree() -> _Element:
    values = ("", "a", "b", "ab", "ba", "AB", "xa", "main", "bMAINa", "Ab", "bab")
    children = []
    for (first, second), (one, other) in product(
            product(("id", "class", "role"), repeat=2), product(values, values[::2])):
        if first != second:
            children.append(f"<div {first}='{one}' {second}='{other}'><p id='{one}'>x</p>"
                            f"<span class='{other}'>y</span></div>")
    for tag, value in product(("div", "p", "span"), values):
        children.append(f"<{tag} class='{value}'>a</{tag}><{tag} id='{value}'>b</{tag}>")
    tree = load_html("<html><body><div>" + "".join(children) + "</div></body></html>")
    assert tree is not None
    return tree


def test_every_expression_of_this_trafilatura_is_installed() -> None:
    installed = install()
    assert installed == sum(len(getattr(main_extractor, n)) for n in EXPRESSION_LISTS) == 7
    assert install() == installed  # once


@pytest.mark.parametrize("path", CRAFTED)
def test_crafted_expressions_translate_to_the_same_elements(path: str) -> None:
    expression = XPath(path, namespaces=RE)
    python = translate(path)
    assert python is not None
    tree = _crafted_tree()
    assert agrees(expression, python, etree.tostring(tree, encoding="unicode"), rounds=6)
    assert checked(expression) is not None


@pytest.mark.parametrize("path", UNKNOWN)
def test_an_unknown_construct_keeps_the_xpath(path: str) -> None:
    expression = XPath(path, namespaces=RE)
    assert translate(path) is None
    assert stand_ins([expression]) == [expression]


def test_a_translation_that_disagrees_on_the_sample_keeps_the_xpath(
        monkeypatch: pytest.MonkeyPatch) -> None:
    expression = XPath(".//*[re:test(@class, 'a')]", namespaces=RE)
    assert isinstance(stand_ins([expression])[0], StandIn)

    def wrong(branches: list[fast_xpaths.Branch]) -> fast_xpaths.Select:
        return lambda tree: list(tree.iter("div"))
    monkeypatch.setattr(fast_xpaths, "_selector", wrong)
    assert stand_ins([expression]) == [expression]


@pytest.mark.parametrize("tag", TAGS)
def test_same_elements_for_every_attribute_pair_in_either_order(tag: str) -> None:
    children = []
    for (first, second), (one, other) in product(
            product(ATTRIBUTES, repeat=2), product(VALUES[::5], VALUES[2::5])):
        if first == second:
            continue
        children.append(f"<{tag} {first}='{one}' {second}='{other}'><p>x</p></{tag}>")
    for value in VALUES:
        children.append(f"<{tag} class='{value}'>a</{tag}><{tag} id='{value}'>b</{tag}>")
    tree = load_html("<html><body><div>" + "".join(children) + "</div></body></html>")
    assert tree is not None
    _same(tree)
    for _ in range(4):  # each expression's first element removed: the next one is found
        for standin in _standins():
            found = standin.python(tree)
            if found and found[0].getparent() is not None:
                found[0].getparent().remove(found[0])
        _same(tree)


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.iterdir() if ".html" in p.name))
def test_same_elements_on_real_pages(name: str) -> None:
    tree = load_html(read_html_file(DATA / name))
    assert tree is not None
    etree.strip_elements(tree, *_INERT, etree.Comment, with_tail=False)
    _same(tree)


@contextmanager
def _compared(mismatches: list[str]) -> Iterator[None]:
    """Every stand-in answers in Python and records where XPath answers otherwise."""
    saved = [(standin, standin.python) for standin in _standins()]

    def both(standin: StandIn, python: fast_xpaths.Select) -> fast_xpaths.Select:
        def call(tree: _Element) -> list[_Element]:
            answer = python(tree)
            if answer != standin.original(tree):
                mismatches.append(" ".join(standin.path.split())[:60])
            return answer
        return call

    for standin, python in saved:
        standin.python = both(standin, python)
    try:
        yield
    finally:
        for standin, python in saved:
            standin.python = python


@pytest.mark.parametrize("corpus", CORPUS_LIST, ids=lambda c: c.key)
def test_same_elements_at_every_call_on_every_corpus_page(corpus: Corpus) -> None:
    """On the trees trafilatura's main extractor hands them during Jarida's run."""
    if not corpus.available():
        pytest.skip(f"corpus absent: {corpus.path}")
    mismatches: list[str] = []
    pages = corpus.load()
    with _compared(mismatches):
        for page in pages:
            before = len(mismatches)
            extract_article(page.html, page.url)
            assert len(mismatches) == before, (page.id, mismatches[before:])
    assert pages


@contextmanager
def _spied() -> Iterator[None]:
    saved = [(standin, standin.python) for standin in _standins()]

    def spy(python: Callable[[_Element], list[_Element]]) -> Callable[[_Element], list[_Element]]:
        def call(tree: _Element) -> list[_Element]:
            SPY.append("python")
            return python(tree)
        return call

    for standin, python in saved:
        standin.python = spy(python)
    try:
        yield
    finally:
        for standin, python in saved:
            standin.python = python
        SPY.clear()


def test_python_answers_only_inside_jaridas_run() -> None:
    html = read_html_file(DATA / "fr_article.html")
    with _spied():
        trafilatura.extract(html, fast=True)  # a peer's run reads trafilatura's own XPath
        assert SPY == []
        tree = load_html(html)
        assert tree is not None
        etree.strip_elements(tree, *_INERT, etree.Comment, with_tail=False)
        assert trafilatura_body(tree, "https://example.ma/a.html") is not None
        assert "python" in SPY
    with python_tests():
        pass
    assert not SPY
