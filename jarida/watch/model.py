"""Plain data of monitoring: a subject, its terms, a comparison set, a found mention."""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("brand", "institution", "person", "topic")
TONES = ("negative", "neutral", "positive")
PLACES = ("title", "lead", "body")  # most prominent first


@dataclass(frozen=True)
class Term:
    """An alias or an exclusion; language "" means any language."""

    text: str
    language: str = ""
    case_sensitive: bool = False


@dataclass(frozen=True)
class Subject:
    slug: str
    name: str
    kind: str
    aliases: tuple[Term, ...] = ()
    exclusions: tuple[Term, ...] = ()
    query: str | None = None
    languages: tuple[str, ...] = ()  # empty: every language
    sources: tuple[str, ...] = ()  # source slugs; empty: every source
    id: int | None = field(default=None, compare=False)
    version: int = field(default=1, compare=False)


@dataclass(frozen=True)
class CompareSet:
    slug: str
    name: str
    members: tuple[str, ...]  # subject slugs


@dataclass(frozen=True)
class FoundMention:
    """What matching one article found for one subject (before tone)."""

    subject_id: int
    where: str  # title, lead, body
    count: int
    snippet: str
    target_start: int  # offsets of the first name within the snippet
    target_end: int
