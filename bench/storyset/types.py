"""Shapes of the story set's material."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Telling:
    """One event in one language: headlines and sentences outlets pick from."""

    titles: tuple[str, str, str]
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class Event:
    """An invented event: its start (day of November 2026, hour) and its tellings."""

    id: str
    day: int
    hour: int
    tellings: dict[str, Telling]
    copies: tuple[str, ...] = ()  # languages in which a wire dispatch is republished
    span_days: int = 1  # coverage goes on for this many days (a long-running event)
    distractor_of: str | None = None
    sources: dict[str, tuple[str, ...]] = field(default_factory=dict)
