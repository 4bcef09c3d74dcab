"""Every article of the demo web extracts to exactly its paragraphs: no kicker, ticker,
weather strip, cookie notice or copyright line, and nothing of the story missing.

The nine demo outlets each wrap articles in different furniture, so this is a compact
check that the pruning rules stay generic (they are also scored on the shared corpus).
"""

from __future__ import annotations

import pytest

from jarida.crawl.encoding import decode, detect_encoding
from jarida.demo.catalog import build_catalog
from jarida.demo.site import Site
from jarida.extract import extract_article

BASE = "http://demo.test"
SITE = Site(7, 0)
ARTICLES = [a for a in build_catalog(7) if a.edition == 0]


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.id)
def test_demo_article_extracts_to_its_paragraphs(article) -> None:  # type: ignore[no-untyped-def]
    reply = SITE.get(article.path, {}, BASE, 0)
    assert reply.status == 200
    html = decode(reply.body, detect_encoding(reply.body, reply.content_type))
    extracted = extract_article(html, BASE + article.path)
    lines = [line.strip() for line in extracted.text.split("\n") if line.strip()]
    truth = [p.strip() for p in article.paragraphs_at(0)]
    extra = [line for line in lines if not any(line in p or p in line for p in truth)]
    missing = [p for p in truth if not any(p in line or line in p for line in lines)]
    assert not extra, f"furniture kept: {extra[:3]}"
    assert not missing, f"story text lost: {missing[:3]}"
