"""Finding watched subjects in an article: every alias of every subject in one
Aho–Corasick automaton (pyahocorasick) over the folded text, then word boundaries,
Arabic proclitics, case-sensitive acronyms, exclusions and the subject's query.

Most articles name no subject: they cost one folding and one automaton pass. Only an
article with a bounded hit is folded again with a map back to the original text, to
quote the sentence that names the subject."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import ahocorasick

from jarida.storage.watch_mentions import ArticleText
from jarida.watch.folding import (
    bounded,
    fold_aligned,
    fold_fast,
    fold_term,
    fold_with_map,
    is_arabic,
    without_marks,
)
from jarida.watch.model import FoundMention, Subject, Term
from jarida.watch.query import Document, Node, matches, parse, positive_phrases
from jarida.watch.snippets import LEAD_CHARS, lead_end, sentence_around, sentence_index


@dataclass(frozen=True)
class _Entry:
    subject: int  # index in Matcher.subjects
    exclude: bool
    exact: str | None  # the alias as written, when its case matters
    language: str
    arabic: bool
    merged_lam: bool  # "لل..." written for ل + "ال..."


@dataclass(frozen=True)
class _Compiled:
    subject: Subject
    query: Node | None
    languages: frozenset[str]
    sources: frozenset[str]


class Matcher:
    """All subjects compiled once; `match` is then pure and thread-safe."""

    def __init__(self, subjects: Sequence[Subject]) -> None:
        self.subjects = [s for s in subjects if s.id is not None]
        self.compiled = [
            _Compiled(s, parse(s.query) if s.query else None, frozenset(s.languages),
                      frozenset(s.sources)) for s in self.subjects]
        self.automaton = ahocorasick.Automaton()
        for index, c in enumerate(self.compiled):
            aliases = list(c.subject.aliases)
            if not aliases and c.query is not None:
                aliases = [Term(" ".join(p.words)) for p in positive_phrases(c.query)]
            for term in aliases:
                self._add(index, term.text, False, term.case_sensitive, term.language)
            for term in c.subject.exclusions:
                self._add(index, term.text, True, term.case_sensitive, term.language)
        self.empty = len(self.automaton) == 0
        if not self.empty:
            self.automaton.make_automaton()

    def _add(self, index: int, text: str, exclude: bool, exact: bool, language: str) -> None:
        key = fold_term(text)
        if not key:
            return
        arabic = is_arabic(key)
        keys = [(key, False)]
        if arabic and key.startswith("ال") and len(key) > 3:
            keys.append(("لل" + key[2:], True))
        for k, merged in keys:
            entry = _Entry(index, exclude, without_marks(" ".join(text.split())) if exact
                           else None, language, arabic, merged)
            found = self.automaton.get(k, None)
            if found is None:
                self.automaton.add_word(k, (len(k), [entry]))
            else:
                found[1].append(entry)

    def _applies(self, c: _Compiled, article: ArticleText) -> bool:
        if c.languages and article.language[:2] not in c.languages:
            return False
        return not c.sources or article.source in c.sources

    def _hits(self, folded: str, article: ArticleText
              ) -> list[tuple[int, int, _Entry]]:
        out = []
        for end, (length, entries) in self.automaton.iter(folded):
            start = end - length + 1
            for e in entries:
                if not bounded(folded, start, end + 1, arabic=e.arabic,
                               merged_lam=e.merged_lam):
                    continue
                if not self._applies(self.compiled[e.subject], article):
                    continue
                out.append((start, end + 1, e))
        return out

    def match(self, article: ArticleText) -> list[FoundMention]:
        """The mentions this article holds, one per subject it names."""
        if self.empty:
            return []
        body = article.text or article.lead
        doc = f"{article.title}\n{body}"
        aligned = fold_aligned(doc)
        origin: Sequence[int]
        if aligned is not None:
            folded, origin = aligned, range(len(doc) + 1)
            hits = self._hits(folded, article)
        else:
            if not self._hits(fold_fast(doc), article):
                return []
            folded, origin = fold_with_map(doc)
            hits = self._hits(folded, article)
        if not hits:
            return []
        by_subject: dict[int, tuple[list[tuple[int, int]], list[tuple[int, int]]]] = {}
        for start, end, e in hits:
            if e.exclude and e.language and e.language != article.language[:2]:
                continue
            if e.exact is not None:
                written = without_marks(" ".join(doc[origin[start]:origin[end - 1] + 1].split()))
                if written != e.exact:
                    continue
            pair = by_subject.setdefault(e.subject, ([], []))
            pair[1 if e.exclude else 0].append((start, end))
        found: list[FoundMention] = []
        words: Document | None = None
        title_end, lead_stop = len(article.title), len(article.title) + 1 + lead_end(body)
        for index, (aliases, exclusions) in sorted(by_subject.items()):
            spans = _kept(aliases, exclusions, folded)
            if not spans:
                continue
            c = self.compiled[index]
            if c.query is not None:
                words = words or Document(folded)
                if not matches(c.query, words):
                    continue
            starts = [origin[s] for s, _ in spans]
            where = ("title" if starts[0] < title_end
                     else "lead" if starts[0] < lead_stop else "body")
            first = next((sp for sp, o in zip(spans, starts, strict=True) if o > title_end),
                         spans[0])
            snippet, t0, t1 = sentence_around(doc, origin[first[0]], origin[first[1] - 1] + 1)
            assert c.subject.id is not None
            found.append(FoundMention(c.subject.id, where, len(spans), snippet, t0, t1))
        return found


def _kept(aliases: list[tuple[int, int]], exclusions: list[tuple[int, int]], folded: str
          ) -> list[tuple[int, int]]:
    """Alias spans kept: not overlapping an exclusion nor in an exclusion's sentence (a
    namesake's context, the common word an acronym spells); overlapping aliases count
    once (the longest)."""
    banned = {sentence_index(folded, s) for s, _ in exclusions}
    out: list[tuple[int, int]] = []
    for start, end in sorted(aliases, key=lambda s: (s[0], -s[1])):
        if any(s < end and start < e for s, e in exclusions):
            continue
        if banned and sentence_index(folded, start) in banned:
            continue
        if out and start < out[-1][1]:
            continue
        out.append((start, end))
    return out


__all__ = ["LEAD_CHARS", "Matcher"]
