"""trafilatura's main-extractor XPath expressions, translated at run time and answered in
Python inside Jarida's run.

trafilatura's main extractor looks for the article frame with `BODY_XPATH` and prunes
the frame with `OVERALL_DISCARD_XPATH`. Their tests on ids and classes use `re:test`,
an EXSLT function libxml2 calls back into Python once per candidate element and per
test: 3.3 ms a page on Readability's test pages, a fifth of Jarida's extraction.

Nothing of those expressions is written here. `translate()` reads an expression's own
text (`XPath.path`) with a small parser for the part of XPath these expressions use:

    expression := branch ('|' branch)*
    branch     := '(' step ')' '[1]'          (the first element in document order)
                | step
    step       := './/' ('*' | NAME) ('[' tags ']')? ('[' test ']')* ('[1]')?
    tags       := 'self::' NAME ('or' 'self::' NAME)*
    test       := term ('or' term)*
    term       := nodes | nodes '=' STRING
                | 're:test(' nodes ',' STRING (',' STRING)? ')'
                | ('contains' | 'starts-with') '(' text ',' STRING ')'
    text       := nodes | 'translate(' nodes ',' STRING ',' STRING ')'
    nodes      := '@' NAME ('|' '@' NAME)*

and builds a matcher that walks the selected tags in document order and applies the
same tests: `re:test` with the pattern compiled as lxml compiles it (`re.UNICODE`,
`re.IGNORECASE` for the 'i' flag, `search`), a node-set read as a string as XPath reads
it (the first of the attributes in the element's own attribute order, as libxml2 orders
the node-set; the empty string when the element has none of them), a trailing `[1]`
as the first such element among its siblings, `(...)[1]` as the first in the document.
Every test on one attribute is answered at once per attribute value and remembered: a
page repeats its class names, and a long alternation costs microseconds per value.

An expression with anything else (another function, axis, position, `and`, ...) keeps
trafilatura's XPath: no partial translation. A translated expression is put in place
only when its answers equal the XPath's on sample pages built here (`_Sample`): tags,
attribute names and values near the expression's own literals, in both attribute
orders, nested, and again after each first answer is removed.

`install()` puts a stand-in for each translated expression into trafilatura's
`main_extractor` module; a stand-in answers in Python only while `python_tests()` is
active (Jarida's own cascade, see body.py) and calls trafilatura's expression
otherwise, so trafilatura run by anyone else in the process (the benchmark's peers)
reads its own XPath.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape
from typing import Any

from lxml import etree, html
from lxml.etree import XPath, _Element

_ACTIVE: ContextVar[bool] = ContextVar("jarida_python_xpath_tests", default=False)

Select = Callable[[_Element], list[_Element]]
ValueTest = Callable[[str], bool]


class Unsupported(ValueError):
    """An expression (or a part of one) the parser does not translate."""


# ---------------------------------------------------------------------------- tokens

_TOKEN = re.compile(r"""\s*(?:
    (?P<string>'[^']*'|"[^"]*")
  | (?P<number>[0-9]+)
  | (?P<descendants>\.//)
  | (?P<axis>[A-Za-z_][\w.-]*::)
  | (?P<function>[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?(?=\s*\())
  | (?P<attribute>@[A-Za-z_][\w.-]*)
  | (?P<name>[A-Za-z_][\w.-]*)
  | (?P<punct>[()\[\]|,=*])
)""", re.VERBOSE)


def _tokens(text: str) -> list[tuple[str, str]]:
    """(kind, text) of each token; Unsupported at a character no token starts with."""
    tokens: list[tuple[str, str]] = []
    position = 0
    end = len(text.rstrip())
    while position < end:
        match = _TOKEN.match(text, position)
        if match is None or match.lastgroup is None:
            raise Unsupported(f"unexpected {text[position:position + 20]!r}")
        kind = match.lastgroup
        token = match.group(kind)
        tokens.append((kind, token[1:-1] if kind == "string" else token))
        position = match.end()
    return tokens


# ------------------------------------------------------------------------ structure

@dataclass(frozen=True)
class Term:
    """One `or` operand: `kind` is 'present' (`nodes`), 'equals' (`nodes = value`) or
    'text' (a test of the node-set's string value)."""
    names: tuple[str, ...]
    kind: str
    value: str = ""
    test: ValueTest | None = None
    literals: tuple[str, ...] = ()  # values near which the self-check samples


@dataclass
class Branch:
    """One step `.//tag[...]`: the tags it selects (None: every element), its tests
    (each a list of `or` terms, all to pass), and which of the passing elements it keeps:
    every one, the first of its siblings (`[1]`) or the first in the document
    (`(...)[1]`)."""
    tags: tuple[str, ...] | None
    tests: list[list[Term]] = field(default_factory=list)
    first_of_siblings: bool = False
    first_in_document: bool = False


class _Parser:
    def __init__(self, text: str):
        self.tokens = _tokens(text)
        self.at = 0

    def peek(self, offset: int = 0) -> tuple[str, str]:
        index = self.at + offset
        return self.tokens[index] if index < len(self.tokens) else ("end", "")

    def take(self, kind: str, text: str | None = None) -> str:
        found_kind, found = self.peek()
        if found_kind != kind or (text is not None and found != text):
            raise Unsupported(f"expected {text or kind}, found {found or found_kind!r}")
        self.at += 1
        return found

    def takes(self, kind: str, text: str | None = None) -> bool:
        found_kind, found = self.peek()
        if found_kind == kind and (text is None or found == text):
            self.at += 1
            return True
        return False

    def expression(self) -> list[Branch]:
        branches = [self.branch()]
        while self.takes("punct", "|"):
            branches.append(self.branch())
        self.take("end")
        return branches

    def branch(self) -> Branch:
        if self.takes("punct", "("):
            branch = self.step()
            self.take("punct", ")")
            self.take("punct", "[")
            self.take("number", "1")
            self.take("punct", "]")
            branch.first_in_document = True
            return branch
        return self.step()

    def step(self) -> Branch:
        self.take("descendants")
        if self.takes("punct", "*"):
            branch = Branch(tags=None)
        else:
            branch = Branch(tags=(self.take("name"),))
        while self.takes("punct", "["):
            if branch.first_of_siblings:
                raise Unsupported("a test after a position")
            if self.takes("number", "1"):
                branch.first_of_siblings = True
            elif self.peek() == ("axis", "self::"):
                if branch.tags is not None or branch.tests:
                    raise Unsupported("a tag test after another test")
                branch.tags = self.tags()
            else:
                branch.tests.append(self.test())
            self.take("punct", "]")
        return branch

    def tags(self) -> tuple[str, ...]:
        names = []
        while True:
            self.take("axis", "self::")
            names.append(self.take("name"))
            if not self.takes("name", "or"):
                return tuple(names)

    def test(self) -> list[Term]:
        terms = [self.term()]
        while self.takes("name", "or"):
            terms.append(self.term())
        return terms

    def nodes(self) -> tuple[str, ...]:
        names = [self.take("attribute")[1:]]
        while self.peek() == ("punct", "|") and self.peek(1)[0] == "attribute":
            self.at += 1
            names.append(self.take("attribute")[1:])
        return tuple(names)

    def term(self) -> Term:
        kind, text = self.peek()
        if kind == "attribute":
            names = self.nodes()
            if self.takes("punct", "="):
                return Term(names, "equals", value=self.take("string"),
                            literals=(self.tokens[self.at - 1][1],))
            return Term(names, "present")
        if kind != "function":
            raise Unsupported(f"unexpected {text!r}")
        self.at += 1
        self.take("punct", "(")
        if text == "re:test":
            names = self.nodes()
            self.take("punct", ",")
            pattern = self.take("string")
            flags = self.take("string") if self.takes("punct", ",") else ""
            self.take("punct", ")")
            return Term(names, "text", test=_regexp_test(pattern, flags),
                        literals=_pattern_words(pattern))
        if text in ("contains", "starts-with"):
            names, table = self.text()
            self.take("punct", ",")
            needle = self.take("string")
            self.take("punct", ")")
            return Term(names, "text", test=_text_test(text, needle, table),
                        literals=(needle,))
        raise Unsupported(f"function {text!r}")

    def text(self) -> tuple[tuple[str, ...], dict[int, int | None] | None]:
        if not self.takes("function", "translate"):
            return self.nodes(), None
        self.take("punct", "(")
        names = self.nodes()
        self.take("punct", ",")
        source = self.take("string")
        self.take("punct", ",")
        target = self.take("string")
        self.take("punct", ")")
        table: dict[int, int | None] = {}
        for index, char in enumerate(source):  # XPath: the first mapping of a character
            table.setdefault(ord(char), ord(target[index]) if index < len(target) else None)
        return names, table


def _regexp_test(pattern: str, flags: str) -> ValueTest:
    """lxml's re:test: the pattern compiled with re.UNICODE (and re.IGNORECASE for an 'i'
    among the flags), found anywhere in the value."""
    compiled = re.compile(pattern, re.UNICODE | (re.IGNORECASE if "i" in flags else 0))
    if not flags and re.escape(pattern) == pattern:  # a plain word: a substring test
        return lambda value: pattern in value
    return lambda value: compiled.search(value) is not None


def _text_test(function: str, needle: str, table: dict[int, int | None] | None,
               ) -> ValueTest:
    if table is None:
        if function == "contains":
            return lambda value: needle in value
        return lambda value: value.startswith(needle)
    if function == "contains":
        return lambda value: needle in value.translate(table)
    return lambda value: value.translate(table).startswith(needle)


def _pattern_words(pattern: str) -> tuple[str, ...]:
    """The words and joined words a pattern spells, for the self-check's sample."""
    return tuple(dict.fromkeys(re.findall(r"[A-Za-z][\w-]*[A-Za-z0-9_]|[A-Za-z]", pattern)))


def parse(path: str) -> list[Branch]:
    """An expression's branches; Unsupported when the parser does not know a part."""
    return _Parser(path).expression()


# ------------------------------------------------------------------------- matchers

def _attribute_test(terms: list[Term]) -> tuple[Callable[[str], bool], bool]:
    """Every term on one attribute as one test of its value, remembered per value, and
    the answer when the element lacks the attribute."""
    def answer(value: str | None) -> bool:
        for term in terms:
            if term.kind == "present":
                if value is not None:
                    return True
            elif term.kind == "equals":
                if value == term.value:
                    return True
            elif term.test is not None and term.test(value if value is not None else ""):
                return True
        return False

    return lru_cache(maxsize=4096)(answer), answer(None)


def _ordered_first(element: _Element, names: tuple[str, ...]) -> str:
    """The string value of the node-set `@a|@b|...` when the element has more than one of
    them: the first in the element's attribute order, as libxml2 orders the node-set."""
    for name in element.attrib:
        if name in names:
            return str(element.get(name))
    return ""


def _element_test(terms: list[Term]) -> Callable[[_Element], bool]:
    """`terms` joined by `or`, as a test of an element: straight-line Python written for
    these terms (each attribute read once, the tests on one attribute answered at once
    per value and remembered), compiled once per expression."""
    by_name: dict[str, list[Term]] = {}
    unions: list[tuple[tuple[str, ...], Callable[[str], bool]]] = []
    for term in terms:
        if len(term.names) == 1 or term.kind != "text":  # presence, equality: any node
            for name in term.names:
                by_name.setdefault(name, []).append(term)
        else:  # a string value: the first node of the set
            assert term.test is not None
            unions.append((term.names, lru_cache(maxsize=4096)(term.test)))
    scope: dict[str, Any] = {"_ordered_first": _ordered_first}
    local: dict[str, str] = {}  # attribute name -> the variable holding its value
    lines = ["def passes(element):", "    get = element.get"]

    def read(name: str) -> str:
        if name not in local:  # names are tokens: letters, digits, '_', '.', '-'
            local[name] = f"a{len(local)}"
            lines.append(f"    {local[name]} = get({name!r})")
        return local[name]

    for index, (name, group) in enumerate(by_name.items()):
        test, when_missing = _attribute_test(group)
        scope[f"t{index}"] = test
        value = read(name)
        lines.append(f"    if {value} is None or t{index}({value}): return True" if when_missing
                     else f"    if {value} is not None and t{index}({value}): return True")
    for index, (names, test) in enumerate(unions):
        scope[f"u{index}"], scope[f"n{index}"] = test, names
        values = [read(name) for name in names]
        present = " + ".join(f"({value} is not None)" for value in values)
        lines.append(f"    count = {present}")
        lines.append("    if count == 1: first = " + " or ".join(
            f"({value} if {value} is not None else '')" for value in values[:-1]) +
            f" or ({values[-1]} or '')" if len(values) > 1 else
            f"    if count == 1: first = {values[0]}")
        lines.append(f"    elif count: first = _ordered_first(element, n{index})")
        lines.append("    else: first = ''")
        lines.append(f"    if u{index}(first): return True")
    lines.append("    return False")
    exec("\n".join(lines), scope)  # noqa: S102  (source written above from parsed names)
    passes: Callable[[_Element], bool] = scope["passes"]
    return passes


def _selector(branches: list[Branch]) -> Select:
    """The elements the branches select, in document order, each once."""
    tests = [_all(branch.tests) for branch in branches]
    every = any(branch.tags is None for branch in branches)
    walked: tuple[Any, ...] = (etree.Element,) if every else tuple(
        dict.fromkeys(tag for branch in branches for tag in branch.tags or ()))
    if len(branches) == 1:
        return _single(branches[0], tests[0], walked)
    sets = [frozenset(branch.tags) if branch.tags is not None else None for branch in branches]

    def select(tree: _Element) -> list[_Element]:
        found: list[_Element] = []
        done = [False] * len(branches)
        parents: list[set[_Element]] = [set() for _ in branches]
        for element in tree.iterdescendants(*walked):
            chosen = False
            for index, branch in enumerate(branches):
                tags = sets[index]
                if done[index] or (tags is not None and element.tag not in tags):
                    continue
                if not tests[index](element):
                    continue
                if branch.first_in_document:
                    done[index] = True
                    if all(done):
                        if not chosen:
                            found.append(element)
                        return found
                elif branch.first_of_siblings:
                    parent = element.getparent()
                    if parent in parents[index]:
                        continue
                    parents[index].add(parent)
                chosen = True
            if chosen:
                found.append(element)
        return found

    return select


def _all(tests: list[list[Term]]) -> Callable[[_Element], bool]:
    """Every one of the step's tests (none: every element passes)."""
    compiled = [_element_test(terms) for terms in tests]
    if not compiled:
        return lambda element: True
    if len(compiled) == 1:
        return compiled[0]
    return lambda element: all(test(element) for test in compiled)


def _single(branch: Branch, test: Callable[[_Element], bool], walked: tuple[Any, ...],
            ) -> Select:
    """The elements one step selects."""
    if branch.first_in_document:
        def first(tree: _Element) -> list[_Element]:
            for element in tree.iterdescendants(*walked):
                if test(element):
                    return [element]
            return []
        return first
    if branch.first_of_siblings:
        def firsts(tree: _Element) -> list[_Element]:
            found = []
            parents = set()
            for element in tree.iterdescendants(*walked):
                if test(element):
                    parent = element.getparent()
                    if parent not in parents:
                        parents.add(parent)
                        found.append(element)
            return found
        return firsts
    return lambda tree: [element for element in tree.iterdescendants(*walked) if test(element)]


def translate(path: str) -> Select | None:
    """A Python answer for the expression `path`, or None when the parser does not know
    every part of it."""
    try:
        return _selector(parse(path))
    except Unsupported:
        return None


# ----------------------------------------------------------------------- self-check

# Attribute values of everyday pages; the sample adds the expression's own literals.
_EVERYDAY = ("", "main", "content", "post", "story", "article", "entry", "text", "x",
             "nav", "menu", "footer", "header", "sidebar", "share", "cookie", "hidden",
             "comments", "reply", "ad", "true", "false", "display:none", "color: red")


def _variants(words: Iterable[str]) -> list[str]:
    values: dict[str, None] = {}
    for word in words:
        for value in (word, word.capitalize(), f"x {word}", f"a-{word}-b", word[1:]):
            values[value] = None
    return list(values)


@dataclass
class _Sample:
    """What the self-check's pages are made of: the expression's tags (and one it does
    not select), the attributes it reads, the pairs of them read as one node-set
    (`@a|@b`), and values near its literals."""
    tags: list[str]
    attributes: list[str]
    unions: list[tuple[str, str]]
    values: list[str]

    @classmethod
    def of(cls, branches: list[Branch]) -> _Sample:
        tags = list(dict.fromkeys(tag for branch in branches for tag in branch.tags or ("div",)))
        names: dict[str, None] = {}
        unions: dict[tuple[str, str], None] = {}
        words: dict[str, None] = dict.fromkeys(_EVERYDAY)
        for branch in branches:
            for terms in branch.tests:
                for term in terms:
                    names.update(dict.fromkeys(term.names))
                    words.update(dict.fromkeys(term.literals))
                    unions.update(dict.fromkeys((one, two) for one in term.names
                                                for two in term.names if one != two))
        return cls([*tags, "b"], list(names) or ["id"], list(unions),
                   [escape(value, quote=True) for value in _variants(words)])

    def page(self) -> str:
        """Every value, on attributes in turn, nested among siblings, next to another
        value in both attribute orders."""
        tags, attributes, values = self.tags, self.attributes, self.values
        parts = []
        for position, value in enumerate(values):
            tag, inner = tags[position % len(tags)], tags[(position + 1) % len(tags)]
            name = attributes[position % len(attributes)]
            other = attributes[(position + 1) % len(attributes)]
            last = values[-1 - position]
            parts.append(f'<{tag} {name}="{value}"><{inner} {other}="{value}">t</{inner}>'
                         f'<{inner} {name}="{value}" {other}="{last}">t</{inner}></{tag}>')
            for one, two in self.unions:  # the first of a node-set's attributes
                parts.append(f'<{inner} {one}="{value}" {two}="{last}">t</{inner}>'
                             f'<{tag} {one}="" {two}="{value}">t</{tag}>')
            if position % 7 == 0:
                parts.append("</div><div>")
        return "<html><body><div>" + "".join(parts) + "</div></body></html>"

    def value_pages(self) -> Iterator[str]:
        """One small page per value, on each attribute of each tag: for an expression
        that keeps only its first element, each value's answer is that first one."""
        for value in self.values:
            yield "<html><body><div>" + "".join(
                f'<{tag} {name}="{value}">t</{tag}>'
                for tag in self.tags for name in self.attributes) + "</div></body></html>"


def agrees(original: XPath, python: Select, page: str, rounds: int = 4) -> bool:
    """Python and XPath give the same elements on `page`, and again after each of the
    first `rounds` first answers is removed (the next first one found)."""
    tree = html.document_fromstring(page)
    for _ in range(rounds + 1):
        expected = original(tree)
        if not isinstance(expected, list) or python(tree) != expected:
            return False
        if not expected:
            return True
        parent = expected[0].getparent()
        if parent is None:
            return True
        parent.remove(expected[0])
    return True


def checked(expression: XPath) -> Select | None:
    """The Python answer for `expression` when it translates and agrees with it on the
    sample page (and, when it keeps only first elements, on each value's own page)."""
    try:
        branches = parse(expression.path)
    except Unsupported:
        return None
    python = _selector(branches)
    sample = _Sample.of(branches)
    firsts = any(branch.first_of_siblings or branch.first_in_document for branch in branches)
    if not agrees(expression, python, sample.page(), 4 if firsts else 0):
        return None
    if firsts and not all(agrees(expression, python, page, 0) for page in sample.value_pages()):
        return None
    return python


# ------------------------------------------------------------------------ stand-ins

class StandIn:
    """One of trafilatura's expressions, answered by `python` while `python_tests()` is
    active and by the expression itself otherwise."""

    def __init__(self, original: XPath, python: Select):
        self.original = original
        self.python = python
        self.path = original.path

    def __str__(self) -> str:  # trafilatura logs the expression that found the frame
        return str(self.original)

    def __call__(self, tree: _Element, **variables: Any) -> Any:
        if _ACTIVE.get() and not variables and isinstance(tree, _Element):
            return self.python(tree)
        return self.original(tree, **variables)


def stand_ins(expressions: list[Any]) -> list[Any]:
    """`expressions` with a StandIn for each XPath that translates and agrees."""
    replaced: list[Any] = []
    for expression in expressions:
        python = checked(expression) if isinstance(expression, XPath) else None
        replaced.append(expression if python is None else StandIn(expression, python))
    return replaced


# The main extractor's lists of expressions the stand-ins go into.
EXPRESSION_LISTS = ("BODY_XPATH", "OVERALL_DISCARD_XPATH")


def install() -> int:
    """Put the stand-ins into trafilatura's main extractor (once); how many are in place."""
    from trafilatura import main_extractor

    for name in EXPRESSION_LISTS:
        current = getattr(main_extractor, name, None)
        if isinstance(current, list) and not any(isinstance(e, StandIn) for e in current):
            setattr(main_extractor, name, stand_ins(current))
    return sum(isinstance(expression, StandIn) for name in EXPRESSION_LISTS
               for expression in getattr(main_extractor, name, None) or [])


@contextmanager
def python_tests() -> Iterator[None]:
    """Within this block the stand-ins answer in Python (this thread or task only)."""
    token = _ACTIVE.set(True)
    try:
        yield
    finally:
        _ACTIVE.reset(token)

