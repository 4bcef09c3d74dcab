"""Shapes of the hand-written material, so every language file is checked the same way."""

from __future__ import annotations

from dataclasses import dataclass

SECTIONS: tuple[str, ...] = (
    "Politique",
    "Économie",
    "Société",
    "Sport",
    "Culture",
    "International",
    "Technologie",
)


@dataclass(frozen=True)
class EventText:
    """One event told in one language: the facts an outlet picks from to write its story."""

    titles: tuple[str, ...]
    lead: str
    facts: tuple[str, ...]
    speaker: str
    quote: str
    background: str
    outlook: str
    update: str = ""


@dataclass(frozen=True)
class Event:
    """An invented news event: the unit of the ground-truth story grouping."""

    id: str
    section: str
    day: int  # days after the demo epoch
    hour: int
    coverage: tuple[str, ...]  # "outlet" or "outlet:lang"
    wire: bool = False  # True: Maghreb Wire writes it, 3-4 outlets copy with small edits
    edition: int = 0  # first edition of the web in which the event is visible
