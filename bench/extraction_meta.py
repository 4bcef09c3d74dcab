"""Metadata agreement on Readability's test pages: Jarida's title, author, date and
language against `expected-metadata.json`, where the file gives a value.

Run: `.venv/bin/python -m bench.extraction_meta` (--no-write to print only). Writes the
"Extraction metadata" section of docs/benchmarks.md.

Agreement rules (the reference is Readability.js's output, not hand labels):
- title: the word tokens of both titles are equal, or one title's tokens are a run of
  the other's (Readability and Jarida strip a site-name suffix differently);
- author: the same rule on the byline;
- date: the two instants are less than 24 hours apart (pages print local dates);
- language: the primary subtags are equal (`en-US` ~ `en`).
"""

from __future__ import annotations

import argparse
import re
import sys
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from bench.extraction import machine, write_section
from bench.extraction_corpora import READABILITY, Page, load_readability

SECTION_START = "<!-- extraction-meta:start -->"
SECTION_END = "<!-- extraction-meta:end -->"
_WORDS = re.compile(r"\w+", re.UNICODE)
FIELDS = ("title", "author", "date", "language")


def _tokens(text: str | None) -> str:
    return " ".join(_WORDS.findall((text or "").casefold()))


def same_text(expected: str | None, found: str | None) -> bool:
    a, b = _tokens(expected), _tokens(found)
    if not a or not b:
        return False
    return a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} "


def same_instant(expected: str, found: datetime | None) -> bool:
    if found is None:
        return False
    try:
        when = datetime.fromisoformat(expected.replace("Z", "+00:00"))
    except ValueError:
        return False
    when = when if when.tzinfo else when.replace(tzinfo=UTC)
    return abs(when - found) < timedelta(hours=24)


def same_language(expected: str, found: str | None) -> bool:
    return bool(found) and expected.split("-")[0].lower() == (found or "").split("-")[0].lower()


@dataclass
class Tally:
    """Pages with a reference value for a field, and those where Jarida agrees."""

    given: int = 0
    agree: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, page: str, ok: bool, detail: str) -> None:
        self.given += 1
        self.agree += ok
        if not ok:
            self.misses.append(f"{page}: {detail}")

    @property
    def rate(self) -> float:
        return self.agree / self.given if self.given else 0.0


def measure(pages: list[Page]) -> dict[str, Tally]:
    from jarida.extract import extract_article

    tallies = {name: Tally() for name in FIELDS}
    for page in pages:
        found = extract_article(page.html, page.url)
        checks: tuple[tuple[str, str, Callable[[str, Any], bool], Any], ...] = (
            ("title", "title", same_text, found.title),
            ("author", "byline", same_text, found.author),
            ("date", "publishedTime", same_instant, found.published),
            ("language", "lang", same_language, found.language),
        )
        for name, key, agree, value in checks:
            expected = page.meta.get(key)
            if expected:
                tallies[name].add(page.id, agree(expected, value), f"{expected!r} vs {value!r}")
    return tallies


def markdown(tallies: dict[str, Tally], info: dict[str, str], pages: int) -> str:
    lines = [
        SECTION_START,
        "## Extraction metadata (Readability test pages)",
        "",
        f"Jarida's metadata on the {pages} Readability test pages against "
        "`expected-metadata.json` where it gives a value (rules in "
        "`bench/extraction_meta.py`: title and author agree when one's words are a run of "
        "the other's, dates within 24 h, languages on the primary subtag). Measured "
        f"{info['date']} on `{info['cpu']}`. Reproduce with "
        "`.venv/bin/python -m bench.extraction_meta`.",
        "",
        "| field | pages with a reference | agreement |",
        "|---|---|---|",
    ]
    for name in FIELDS:
        t = tallies[name]
        lines.append(f"| {name} | {t.given} | {t.rate:.1%} ({t.agree}/{t.given}) |")
    lines += ["", SECTION_END]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Metadata agreement on Readability's pages")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--misses", action="store_true", help="print every disagreement")
    args = parser.parse_args(argv)
    if not READABILITY.exists():
        print(f"corpus not found at {READABILITY}; nothing to measure", file=sys.stderr)
        return 2
    warnings.simplefilter("ignore")
    pages = load_readability()
    tallies = measure(pages)
    for name in FIELDS:
        t = tallies[name]
        print(f"{name:9} {t.agree:4}/{t.given:<4} {t.rate:.1%}")
        if args.misses:
            for miss in t.misses:
                print("   ", miss)
    if not args.no_write:
        write_section(markdown(tallies, machine(), len(pages)),
                      start=SECTION_START, end=SECTION_END)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
