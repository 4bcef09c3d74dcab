"""Renders the extraction benchmark: one table per corpus, and the pages Jarida cuts short."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bench.extraction_corpora import Corpus, Page, split

if TYPE_CHECKING:
    from bench.extraction import Result

SECTION_START = "<!-- extraction:start -->"
SECTION_END = "<!-- extraction:end -->"
PEER = "trafilatura (default)"


def shortfalls(pages: Sequence[Page], predictions: dict[str, dict[str, str]]) -> list[str]:
    """Pages where Jarida's text has less than half the characters of trafilatura's."""
    ours, theirs = predictions.get("jarida"), predictions.get(PEER)
    if ours is None or theirs is None:
        return []
    lines = []
    for page in pages:
        mine, peer = len(ours[page.id]), len(theirs[page.id])
        if mine * 2 < peer:
            lines.append(f"{page.id} ({page.url}): {mine} chars vs {peer}")
    return lines


def _table(corpus: Corpus, pages: Sequence[Page], results: Sequence[Result]) -> list[str]:
    tune, held = split(list(pages))
    lines = [
        f"### {corpus.title} ({len(pages)} pages: {len(tune)} tuning, {len(held)} held out)",
        "",
        "| extractor | F1 | precision | recall | F1 tuning half | F1 held-out half | docs/s |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r.name} | {r.all.f1:.3f} | {r.all.precision:.3f} | {r.all.recall:.3f} "
            f"| {r.tune.f1:.3f} | {r.held_out.f1:.3f} | {r.docs_per_second:.1f} |"
        )
    failed = [f"{r.name} raised on {r.failures} pages" for r in results if r.failures]
    if failed:
        lines += ["", "Pages where an extractor raised are scored as empty: "
                  + "; ".join(failed) + "."]
    return lines


def markdown(runs: Sequence[tuple[Corpus, list[Page], list[Result], dict[str, dict[str, str]]]],
             info: dict[str, str], rounds: int) -> str:
    """The Extraction section of docs/benchmarks.md."""
    lines = [
        SECTION_START,
        "## Extraction",
        "",
        "Article-body F1 (4-gram shingles, scoring in `bench/scoring.py`), all extractors in "
        "one run pinned to one core; speed = CPU time, best of "
        f"{rounds} interleaved passes (every extractor on page 1, then on "
        "page 2...). Each corpus is split by a fixed rule (first byte of sha256(page id) "
        "even: tuning half, odd: held-out half; `bench/extraction_corpora.py`). Reproduce "
        "with `.venv/bin/python -m bench.extraction`.",
        "",
        f"Measured {info['date']} on `{info['cpu']}`, Python {info['python']}, "
        f"`{info['uname']}`; load average at the end of the run (1/5/15 min) "
        f"{info.get('load', 'not recorded')}; speeds are CPU time of the benchmark process.",
        "",
        "- *Article-extraction benchmark*: the shared corpus, `articleBody` ground truth.",
        "- *Readability test pages*: Mozilla Readability's test suite; the reference is the "
        "text of Readability.js's reviewed output (`expected.html`), so readability-lxml "
        "plays at home there; a dozen pages are small synthetic cases.",
        "- *Demo web articles*: every first-edition article of the demo web (seed 7), "
        "reference = the paragraphs the demo generated.",
        "",
    ]
    short: list[str] = []
    for corpus, pages, results, predictions in runs:
        lines += [*_table(corpus, pages, results), ""]
        short += [f"- {corpus.key}: {line}" for line in shortfalls(pages, predictions)]
    lines += ["Pages where Jarida's text is under half of trafilatura's (characters):", ""]
    lines += short or ["- none"]
    lines += [
        "",
        "Jarida runs trafilatura's cascade in fast mode (favouring recall) on a tree parsed "
        "once (from UTF-8 bytes, with lxml's C class lookup: `extract/parse.py`; the raw-tree "
        "prunes only where some id or class can match them: `extract/raw_prunes.py`), "
        "with one copy of it (`body.trafilatura_body`), stripped of inert elements "
        "and captioned photo reels (layout tables unwrapped, data tables nested in them "
        "kept), then prunes what it lets through: leading title, standfirst and dateline "
        "blocks, link-dense blocks (inside the story only when a link reads like a "
        "headline), teaser lists (items opening with a link), short stock-phrase lines and "
        "credit/wire-slug trailers; the pruning is undone when it would remove more than "
        "half of trafilatura's text. A text under 1,000 characters gets a second opinion from "
        "readability-lxml, taken when it is at least 1.8 times longer and contains 90 % of "
        "what was found. The rules are generic; none names a site. Jarida's speed includes "
        "metadata, dates, language identification and HTML sanitising, which the peers' "
        "figures do not; trafilatura runs with `include_comments=False`.",
        SECTION_END,
    ]
    return "\n".join(lines) + "\n"

