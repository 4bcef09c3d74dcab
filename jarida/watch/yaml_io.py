"""Subjects and comparison sets as YAML: read with line-numbered errors, written so that
export → import → export gives the same text (every field kept)."""

from __future__ import annotations

import re
from typing import Any

import yaml

from jarida.watch.model import KINDS, CompareSet, Subject, Term
from jarida.watch.query import QueryError, parse

# "alertes" is the alert pages' address under /veille: no subject can take it.
SLUG = re.compile(r"^(?!alertes$)[a-z0-9][a-z0-9-]{0,119}$")
SLUG_RULE = "use lower-case letters, digits and - (not the reserved word alertes)"
LANGUAGE = re.compile(r"^[a-z]{2}$")
_SUBJECT_KEYS = {"slug", "name", "kind", "aliases", "exclusions", "query", "languages",
                 "sources"}
_TERM_KEYS = {"text", "language", "case_sensitive"}


class WatchFileError(ValueError):
    """A subjects file that cannot be imported; the message starts with its line."""


def _fail(node: yaml.Node, message: str) -> WatchFileError:
    return WatchFileError(f"line {node.start_mark.line + 1}: {message}")


def _mapping(node: yaml.Node, what: str) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        raise _fail(node, f"{what} must be a mapping")
    out: dict[str, yaml.Node] = {}
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            raise _fail(key, "keys must be plain words")
        if key.value in out:
            raise _fail(key, f"{key.value!r} given twice")
        out[key.value] = value
    return out


def _sequence(node: yaml.Node, what: str) -> list[yaml.Node]:
    if not isinstance(node, yaml.SequenceNode):
        raise _fail(node, f"{what} must be a list")
    return list(node.value)


def _text(node: yaml.Node, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
        raise _fail(node, f"{what} must be a non-empty text")
    return str(node.value).strip()


def _strings(node: yaml.Node, what: str, pattern: re.Pattern[str] | None = None
             ) -> tuple[str, ...]:
    out = []
    for item in _sequence(node, what):
        value = _text(item, what)
        if pattern is not None and not pattern.match(value):
            raise _fail(item, f"{value!r} is not a valid entry of {what}")
        out.append(value)
    return tuple(out)


def _term(node: yaml.Node, what: str) -> Term:
    if isinstance(node, yaml.ScalarNode):
        return Term(_text(node, what))
    fields = _mapping(node, what)
    unknown = set(fields) - _TERM_KEYS
    if unknown:
        raise _fail(fields[sorted(unknown)[0]], f"unknown field {sorted(unknown)[0]!r} in {what}")
    if "text" not in fields:
        raise _fail(node, f"{what} needs a text")
    language = _text(fields["language"], "language") if "language" in fields else ""
    if language and not LANGUAGE.match(language):
        raise _fail(fields["language"], f"language {language!r} is not a two-letter code")
    exact = False
    if "case_sensitive" in fields:
        raw = fields["case_sensitive"]
        if not isinstance(raw, yaml.ScalarNode) or raw.value.lower() not in ("true", "false"):
            raise _fail(raw, "case_sensitive must be true or false")
        exact = raw.value.lower() == "true"
    return Term(_text(fields["text"], what), language, exact)


def _subject(node: yaml.Node) -> Subject:
    fields = _mapping(node, "a subject")
    unknown = set(fields) - _SUBJECT_KEYS
    if unknown:
        key = sorted(unknown)[0]
        raise _fail(fields[key], f"unknown field {key!r} in a subject")
    for required in ("slug", "name", "kind"):
        if required not in fields:
            raise _fail(node, f"a subject needs a {required}")
    slug = _text(fields["slug"], "slug")
    if not SLUG.match(slug):
        raise _fail(fields["slug"], f"slug {slug!r}: {SLUG_RULE}")
    kind = _text(fields["kind"], "kind")
    if kind not in KINDS:
        raise _fail(fields["kind"], f"kind {kind!r}: one of {', '.join(KINDS)}")
    query = _text(fields["query"], "query") if "query" in fields else None
    if query is not None:
        try:
            parse(query)
        except QueryError as exc:
            raise _fail(fields["query"], f"query: {exc}") from None
    aliases = tuple(_term(n, "an alias") for n in _sequence(fields["aliases"], "aliases")
                    ) if "aliases" in fields else ()
    if not aliases and query is None:
        raise _fail(node, f"subject {slug!r} needs aliases or a query")
    return Subject(
        slug=slug, name=_text(fields["name"], "name"), kind=kind, aliases=aliases,
        exclusions=tuple(_term(n, "an exclusion")
                         for n in _sequence(fields["exclusions"], "exclusions")
                         ) if "exclusions" in fields else (),
        query=query,
        languages=_strings(fields["languages"], "languages", LANGUAGE)
        if "languages" in fields else (),
        sources=_strings(fields["sources"], "sources") if "sources" in fields else ())


def load_watch_yaml(text: str) -> tuple[list[Subject], list[CompareSet]]:
    """Every subject and set of a file, or WatchFileError naming the first bad line."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark is not None else ""
        raise WatchFileError(f"{line}not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if root is None:
        return [], []
    top = _mapping(root, "the file")
    for key in set(top) - {"subjects", "sets"}:
        raise _fail(top[key], f"unknown section {key!r} (subjects, sets)")
    subjects: list[Subject] = []
    seen: set[str] = set()
    for node in _sequence(top["subjects"], "subjects") if "subjects" in top else []:
        subject = _subject(node)
        if subject.slug in seen:
            raise _fail(node, f"subject {subject.slug!r} given twice")
        seen.add(subject.slug)
        subjects.append(subject)
    sets: list[CompareSet] = []
    for node in _sequence(top["sets"], "sets") if "sets" in top else []:
        fields = _mapping(node, "a set")
        for required in ("slug", "name", "members"):
            if required not in fields:
                raise _fail(node, f"a set needs {required}")
        slug = _text(fields["slug"], "slug")
        if not SLUG.match(slug):
            raise _fail(fields["slug"], f"slug {slug!r}: {SLUG_RULE}")
        sets.append(CompareSet(slug, _text(fields["name"], "name"),
                               _strings(fields["members"], "members")))
    return subjects, sets


def _term_data(term: Term) -> str | dict[str, Any]:
    if not term.language and not term.case_sensitive:
        return term.text
    data: dict[str, Any] = {"text": term.text}
    if term.language:
        data["language"] = term.language
    if term.case_sensitive:
        data["case_sensitive"] = True
    return data


def subject_data(subject: Subject) -> dict[str, Any]:
    data: dict[str, Any] = {"slug": subject.slug, "name": subject.name, "kind": subject.kind}
    if subject.aliases:
        data["aliases"] = [_term_data(t) for t in subject.aliases]
    if subject.exclusions:
        data["exclusions"] = [_term_data(t) for t in subject.exclusions]
    if subject.query:
        data["query"] = subject.query
    if subject.languages:
        data["languages"] = list(subject.languages)
    if subject.sources:
        data["sources"] = list(subject.sources)
    return data


def dump_watch_yaml(subjects: list[Subject], sets: list[CompareSet]) -> str:
    data: dict[str, Any] = {"subjects": [subject_data(s) for s in subjects]}
    if sets:
        data["sets"] = [{"slug": s.slug, "name": s.name, "members": list(s.members)}
                        for s in sets]
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
