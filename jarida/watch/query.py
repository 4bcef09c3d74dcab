"""Boolean subject queries in the spirit of the monitoring tools: words, "quoted
phrases", AND (also implied by a space), OR, NOT, parentheses and `a NEAR/5 b` (at most
five words between a and b). Everything is compared folded, Arabic proclitics allowed."""

from __future__ import annotations

import re
from dataclasses import dataclass

from jarida.watch.folding import fold_term

_TOKEN = re.compile(r'\s*(?:(")([^"]*)"|(\()|(\))|(NEAR/\d+)|([^\s()"]+))')
_WORD = re.compile(r"\w+")
_PROCLITIC = re.compile(r"^(?:[وف])?(?:[بكل])?(?:ال)?")
_MERGED_LAM = re.compile(r"^[وف]?لل(?=..)")


class QueryError(ValueError):
    """A query that cannot be read; the message says where."""


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]


@dataclass(frozen=True)
class Not:
    inner: Node


@dataclass(frozen=True)
class And:
    parts: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    parts: tuple[Node, ...]


@dataclass(frozen=True)
class Near:
    left: Phrase
    right: Phrase
    distance: int


Node = Phrase | Not | And | Or | Near


def _lex(query: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    while pos < len(query.rstrip()):
        m = _TOKEN.match(query, pos)
        if m is None or m.end() == pos:
            raise QueryError(f"unreadable query at character {pos + 1}: {query[pos:pos + 20]!r}")
        pos = m.end()
        if m.group(1):
            out.append(("phrase", m.group(2)))
        elif m.group(3):
            out.append(("(", "("))
        elif m.group(4):
            out.append((")", ")"))
        elif m.group(5):
            out.append(("near", m.group(5)[5:]))
        elif m.group(6) in ("AND", "OR", "NOT"):
            out.append((m.group(6), m.group(6)))
        else:
            out.append(("phrase", m.group(6)))
    return out


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens = tokens
        self.i = 0

    def peek(self) -> str | None:
        return self.tokens[self.i][0] if self.i < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def parse_or(self) -> Node:
        parts = [self.parse_and()]
        while self.peek() == "OR":
            self.take()
            parts.append(self.parse_and())
        return parts[0] if len(parts) == 1 else Or(tuple(parts))

    def parse_and(self) -> Node:
        parts = [self.parse_not()]
        while self.peek() in ("AND", "NOT", "phrase", "("):
            if self.peek() == "AND":
                self.take()
            parts.append(self.parse_not())
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def parse_not(self) -> Node:
        if self.peek() == "NOT":
            self.take()
            return Not(self.parse_not())
        return self.parse_near()

    def parse_near(self) -> Node:
        left = self.parse_atom()
        while self.peek() == "near":
            distance = int(self.take()[1])
            right = self.parse_atom()
            if not isinstance(left, Phrase) or not isinstance(right, Phrase):
                raise QueryError("NEAR/n joins two words or quoted phrases")
            left = Near(left, right, distance)  # type: ignore[assignment]
        return left

    def parse_atom(self) -> Node:
        kind = self.peek()
        if kind is None:
            raise QueryError("the query ends where a word was expected")
        if kind == "(":
            self.take()
            inner = self.parse_or()
            if self.peek() != ")":
                raise QueryError("a parenthesis is not closed")
            self.take()
            return inner
        if kind != "phrase":
            raise QueryError(f"{self.tokens[self.i][1]!r} where a word was expected")
        words = tuple(_WORD.findall(fold_term(self.take()[1])))
        if not words:
            raise QueryError("an empty word or phrase")
        return Phrase(words)


def parse(query: str) -> Node:
    """The query's tree; QueryError names the problem."""
    parser = _Parser(_lex(query))
    if not parser.tokens:
        raise QueryError("the query is empty")
    node = parser.parse_or()
    if parser.i != len(parser.tokens):
        raise QueryError(f"unexpected {parser.tokens[parser.i][1]!r}")
    return node


def positive_phrases(node: Node, negated: bool = False) -> list[Phrase]:
    """The words and phrases whose presence supports the query (not under a NOT)."""
    if isinstance(node, Phrase):
        return [] if negated else [node]
    if isinstance(node, Not):
        return positive_phrases(node.inner, not negated)
    if isinstance(node, Near):
        return [] if negated else [node.left, node.right]
    return [p for part in node.parts for p in positive_phrases(part, negated)]


def _forms(word: str) -> frozenset[str]:
    """A word as written, without its proclitics, and with ال restored after ل (للبنك)."""
    forms = {word, _PROCLITIC.sub("", word) or word}
    merged = _MERGED_LAM.match(word)
    if merged:
        rest = word[merged.end():]
        forms |= {"ال" + rest, rest}
    return frozenset(forms)


class Document:
    """A folded text as words, each with the form it has without Arabic proclitics."""

    def __init__(self, folded: str) -> None:
        self.words = _WORD.findall(folded)
        self.forms = [_forms(w) for w in self.words]

    def positions(self, phrase: Phrase) -> list[int]:
        n, words = len(phrase.words), phrase.words
        return [i for i in range(len(self.words) - n + 1)
                if all(w in self.forms[i + k] for k, w in enumerate(words))]


def matches(node: Node, doc: Document) -> bool:
    if isinstance(node, Phrase):
        return bool(doc.positions(node))
    if isinstance(node, Not):
        return not matches(node.inner, doc)
    if isinstance(node, And):
        return all(matches(p, doc) for p in node.parts)
    if isinstance(node, Or):
        return any(matches(p, doc) for p in node.parts)
    left, right = doc.positions(node.left), doc.positions(node.right)
    nl, nr = len(node.left.words), len(node.right.words)
    return any((q - (p + nl) if q >= p else p - (q + nr)) <= node.distance
               for p in left for q in right)
