"""The corpora the extraction benchmark scores on, loaded as uniform `Page`s.

- the shared article-extraction benchmark (ground-truth.json, articleBody);
- Mozilla Readability's test pages (expected.html as reviewed reference text,
  expected-metadata.json for title, byline, language and date);
- the demo web's article pages, whose paragraphs the demo knows by construction.

Each corpus is split into a tuning half and a held-out half by a fixed rule: the
first byte of sha256(page id) is even → tuning, odd → held out. The rule depends on
nothing but the id, so the split never changes between runs or machines.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import lxml.html

REPO = Path(__file__).resolve().parent.parent
CORPORA = REPO.parent / "shared" / "corpora"
BENCHMARK = CORPORA / "article-extraction-benchmark"
READABILITY = CORPORA / "readability-test-pages"
DEMO_BASE = "http://demo.test"
DEMO_SEED = 7
# Readability's test pages were saved from these origins; the URL only resolves links.
READABILITY_URL = "http://fakehost/test/page.html"
_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
           "tr", "td", "th", "dd", "dt", "figcaption", "section", "article", "br")


@dataclass(frozen=True)
class Page:
    """One document: id, URL, raw bytes, reference text and (when known) metadata."""

    id: str
    url: str
    html: bytes
    truth: str
    meta: dict[str, Any] = field(default_factory=dict)


def is_held_out(page_id: str) -> bool:
    """The fixed split: odd first byte of sha256(id) → held out."""
    return hashlib.sha256(page_id.encode("utf-8")).digest()[0] % 2 == 1


def split(pages: list[Page]) -> tuple[list[Page], list[Page]]:
    """(tuning half, held-out half)."""
    return ([p for p in pages if not is_held_out(p.id)],
            [p for p in pages if is_held_out(p.id)])


def html_text(markup: str) -> str:
    """The visible text of an HTML fragment, one line per block."""
    if not markup.strip():
        return ""
    root = lxml.html.fragment_fromstring(markup, create_parent="div")
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
        if element.tag != "br":
            element.text = "\n" + (element.text or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def load_benchmark(corpus: Path = BENCHMARK) -> list[Page]:
    """The 181 pages of the shared article-extraction benchmark, sorted by id."""
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for doc_id in sorted(truth):
        html = gzip.decompress((corpus / "html" / f"{doc_id}.html.gz").read_bytes())
        pages.append(Page(doc_id, truth[doc_id]["url"], html, truth[doc_id]["articleBody"]))
    return pages


def load_readability(corpus: Path = READABILITY) -> list[Page]:
    """Readability's test pages with the text of their reviewed expected output."""
    pages = []
    for folder in sorted(p for p in corpus.iterdir() if (p / "source.html.gz").exists()):
        html = gzip.decompress((folder / "source.html.gz").read_bytes())
        expected = gzip.decompress((folder / "expected.html.gz").read_bytes())
        meta_path = folder / "expected-metadata.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        pages.append(Page(folder.name, READABILITY_URL, html,
                          html_text(expected.decode("utf-8", "replace")), meta))
    return pages


def load_demo(seed: int = DEMO_SEED) -> list[Page]:
    """Every first-edition article page of the demo web, with its known paragraphs."""
    from jarida.crawl.encoding import decode, detect_encoding
    from jarida.demo.catalog import build_catalog
    from jarida.demo.site import Site

    site = Site(seed, 0)
    pages = []
    for article in build_catalog(seed):
        if article.edition != 0:
            continue
        reply = site.get(article.path, {}, DEMO_BASE, 0)
        text = decode(reply.body, detect_encoding(reply.body, reply.content_type))
        pages.append(Page(article.id, DEMO_BASE + article.path, text.encode("utf-8"),
                          "\n".join(article.paragraphs_at(0)),
                          {"title": article.title, "lang": article.language}))
    return sorted(pages, key=lambda p: p.id)


@dataclass(frozen=True)
class Corpus:
    """A named corpus and how to load it (None when its files are absent)."""

    key: str
    title: str
    path: Path | None
    load: Callable[[], list[Page]]

    def available(self) -> bool:
        return self.path is None or self.path.exists()


CORPUS_LIST = (
    Corpus("benchmark", "Article-extraction benchmark", BENCHMARK, load_benchmark),
    Corpus("readability", "Readability test pages", READABILITY, load_readability),
    Corpus("demo", "Demo web articles", None, load_demo),
)
