"""`parse_html` builds the tree trafilatura's `load_html` builds, whatever the input."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from jarida.extract.article import read_html_file
from jarida.extract.parse import parse_html

DATA = Path(__file__).parent / "data"
STORY = "<p>Le marché ouvre à huit heures, dit le président de la chambre.</p>"
CASES = {
    "plain": f"<html><head><title>t</title></head><body>{STORY}</body></html>",
    "xhtml doctype (holds a slash)": (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
        f"<html><body>{STORY}</body></html>"),
    "doctype, one line": f"<!doctype html><html><body>{STORY}</body></html>",
    "slashed doctype, one line": (
        f'<!DOCTYPE html SYSTEM "about:legacy/compat"><html><body>{STORY}</body></html>'),
    "control characters": f"<html><body><p>a\x00b\x08c\x0bd\x1fe</p>{STORY}</body></html>",
    "non-characters": f"<html><body><p>a\ufffeb\uffffc</p>{STORY}</body></html>",
    "self-closing root": f'<html lang="fr"/>\n<body>{STORY}</body>',
    "self-closing root after the title": f"<title>t</title>\n<html/>\n<body>{STORY}</body>",
    "fragment": STORY,
    "one block": f"<div>{STORY}</div>",
    "two fragments": f"<div>{STORY}</div><div>{STORY}</div>",
    "encoding declaration": (
        f'<?xml version="1.0" encoding="iso-8859-1"?><html><body>{STORY}</body></html>'),
    "meta charset other than the text": (
        f'<html><head><meta charset="windows-1256"></head><body>{STORY}</body></html>'),
    "arabic": "<html dir='rtl'><body><p>افتتح السوق الأسبوعي أبوابه صباح اليوم.</p></body></html>",
    "form elements": (f"<html><body><form action='/s'><label>q</label><input name='q'>"
                      f"<textarea>x</textarea><select><option>1</option></select></form>"
                      f"{STORY}</body></html>"),
    "whitespace": "   \n ",
    "comment only": "<!-- nothing -->",
}


def _same_tree(html: bytes | str) -> None:
    ours, theirs = parse_html(html), load_html(html)
    if theirs is None:
        assert ours is None
        return
    assert ours is not None
    assert etree.tostring(ours, encoding="unicode") == etree.tostring(theirs, encoding="unicode")
    assert all(isinstance(element, HtmlElement) for element in ours.iter(etree.Element))


@pytest.mark.parametrize("name", sorted(CASES))
def test_same_tree_from_text_and_utf8_bytes(name: str) -> None:
    _same_tree(CASES[name])
    _same_tree(CASES[name].encode("utf-8"))


@pytest.mark.parametrize("name", sorted(CASES))
def test_same_tree_from_other_encodings_and_compressed_bytes(name: str) -> None:
    _same_tree(CASES[name].encode("utf-16"))
    _same_tree(gzip.compress(CASES[name].encode("utf-8")))
    _same_tree(CASES[name].encode("cp1256", "replace"))


def test_same_tree_from_a_lone_surrogate() -> None:
    _same_tree(f"<html><body><p>a\udc80b</p>{STORY}</body></html>")


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.iterdir() if ".html" in p.name))
def test_same_tree_for_saved_pages(name: str) -> None:
    html = read_html_file(DATA / name)
    _same_tree(html)
    _same_tree(html.decode("utf-8"))
