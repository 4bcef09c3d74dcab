"""Generalisation guards: pruning never removes most of trafilatura's text, a short text
gets Readability's second opinion only when it extends ours, and a failing second
opinion never fails the extraction."""

from __future__ import annotations

import lxml.html
import pytest
from lxml import etree

from jarida.extract import extract_article, rescue
from jarida.extract.boilerplate import BoilerplateHints, Rules, anchor_texts, prune_blocks

STORY = ("The council voted the budget on Tuesday night after a long debate between the "
         "majority and the opposition about water, transport and schools.")


def _body(*paragraphs: str) -> etree._Element:
    body = etree.Element("body")
    for text in paragraphs:
        etree.SubElement(body, "p").text = text
    return body


def test_pruning_that_would_remove_most_of_the_text_is_undone() -> None:
    # Every paragraph repeats a link of the page: a link-density rule would drop them all.
    linked = [f"{STORY} part {n}" for n in range(4)]
    page = lxml.html.fromstring("<html><body>" + "".join(
        f"<a href='/{n}'>{text}</a>" for n, text in enumerate(linked)) + "</body></html>")
    hints = BoilerplateHints(anchors=anchor_texts(page))
    body = _body(*linked)
    prune_blocks(body, hints, Rules(max_removed=1.0))
    assert len(body) == 0  # the rule alone removes everything...
    body = _body(*linked)
    prune_blocks(body, hints)
    assert len(body) == 4  # ...so by default nothing is removed


def test_pruning_of_a_minority_still_happens() -> None:
    hints = BoilerplateHints()
    body = _body(STORY, STORY + " More.", "Subscribe to our newsletter")
    prune_blocks(body, hints)
    assert [p.text for p in body] == [STORY, STORY + " More."]


def test_second_opinion_must_extend_ours() -> None:
    ours = STORY
    assert rescue.better_than("", "anything at all")
    assert rescue.better_than(ours, ours + " " + "Further paragraphs of the story. " * 8)
    assert not rescue.better_than(ours, "A comment thread about something else. " * 10)
    assert not rescue.better_than(ours, ours + " A little more.")
    assert not rescue.better_than(ours, "")


def test_a_failing_second_opinion_never_fails_the_extraction(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Broken:
        def __init__(self, *args: object, **kwargs: object) -> None:
            raise RecursionError("deeply nested page")

    monkeypatch.setattr(rescue, "Document", Broken)
    page = f"<html><body><article><p>{STORY}</p></article></body></html>"
    assert extract_article(page, "https://example.com/a").text == STORY


def test_block_text_keeps_inline_markup_on_one_line() -> None:
    assert rescue.html_to_text("<p>Water <b>cuts</b> on <i>Wednesday</i></p><p>Second</p>") \
        == "Water cuts on Wednesday\nSecond"


def test_page_chars_counts_every_text_node_of_the_body() -> None:
    """Counted in libxml2, the body's characters equal the sum over its text nodes."""
    from lxml import etree
    from lxml import html as lxml_html

    from jarida.extract.rescue import _page_chars

    page = ("<html><head><title>Titre ignoré</title></head><body>début <p>Un <b>mot</b> "
            "et l'autre</p> fin <div><span>é</span>ü</div></body></html>")
    tree = lxml_html.fromstring(page)
    nodes = etree.XPath("//body//text()")(tree)
    assert isinstance(nodes, list)
    assert _page_chars(tree) == sum(len(str(node)) for node in nodes) == len(
        "début Un mot et l'autre fin éü")
    assert _page_chars(lxml_html.fromstring("<html><frameset></frameset></html>")) == 0
