"""Turn an event's hand-written facts into the paragraphs of one outlet's article."""

from __future__ import annotations

import random

from jarida.demo.content.angles import ANGLES
from jarida.demo.content.ar import AR
from jarida.demo.content.blocks import (
    CLOSERS,
    GENERIC,
    QUOTE_FORMS,
    SECTION_CONTEXT,
    section_label,
)
from jarida.demo.content.en import EN
from jarida.demo.content.es import ES
from jarida.demo.content.fr import FR
from jarida.demo.content.stories_extra import STORY_TEXTS
from jarida.demo.content.types import EventText
from jarida.demo.content.watch_events import WATCH_AR, WATCH_EN, WATCH_ES, WATCH_FR

TEXTS: dict[str, dict[str, EventText]] = {
    lang: {**texts, **STORY_TEXTS.get(lang, {})}
    for lang, texts in {"fr": FR | WATCH_FR, "ar": AR | WATCH_AR, "es": ES | WATCH_ES,
                        "en": EN | WATCH_EN}.items()
}


def event_text(event_id: str, lang: str) -> EventText:
    """The facts of `event_id` in `lang`; a KeyError means the coverage table asks too much."""
    return TEXTS[lang][event_id]


def section_context(lang: str, section: str) -> str:
    """The language's framing paragraph for a section (keyed by canonical or local name)."""
    table = SECTION_CONTEXT[lang]
    return table.get(section) or table[section_label(section, lang)]


def quote_paragraph(text: EventText, lang: str, form: int) -> str:
    """Render the event's quote with one of the language's attribution forms."""
    forms = QUOTE_FORMS[lang]
    return forms[form % len(forms)].format(q=text.quote, s=text.speaker)


def wire_paragraphs(text: EventText, lang: str, section: str) -> tuple[str, ...]:
    """The agency's full dispatch: every fact, in the written order."""
    facts = text.facts
    context = section_context(lang, section)
    return (
        text.lead,
        " ".join(facts[:2]),
        quote_paragraph(text, lang, 0),
        " ".join((*facts[2:], text.background)),
        context,
        GENERIC[lang][0],
        GENERIC[lang][2],
        text.outlook,
    )


def independent_paragraphs(
    text: EventText, lang: str, section: str, rng: random.Random
) -> tuple[str, ...]:
    """An outlet's own story: the facts reordered and framed in its own way."""
    facts = list(text.facts)
    rng.shuffle(facts)
    cut = rng.randint(1, max(1, len(facts) - 1))
    context = section_context(lang, section)
    closer = rng.choice(CLOSERS[lang])
    extra = rng.sample(GENERIC[lang], 2)
    body = [
        text.lead,
        " ".join(facts[:cut]),
        quote_paragraph(text, lang, rng.randint(0, 2)),
        " ".join((*facts[cut:], text.background)),
        context,
        *extra,
        text.outlook,
        closer,
    ]
    if rng.random() < 0.5:
        body[1], body[2] = body[2], body[1]
    return tuple(body)


def own_angle_paragraphs(text: EventText, lang: str, rng: random.Random,
                         slot: int) -> tuple[str, ...]:
    """An outlet's own story told from its own angle (the watched subjects' events).

    `slot` is the article's rank among the event's independent articles in `lang`; each
    slot takes two angles of its own (`angles.ANGLES`), its own ending and closing line,
    so two outlets share the event's lead, facts and quote but not the rest. Articles made
    of the same sentences only reordered (`independent_paragraphs`) are, by their text,
    copies of one another, and the copies step rightly links them: monitoring then counts
    independent coverage once."""
    facts = list(text.facts)
    rng.shuffle(facts)
    cut = rng.randint(1, max(1, len(facts) - 1))
    angles = ANGLES[lang]
    body = [
        text.lead,
        " ".join(facts[:cut]),
        quote_paragraph(text, lang, slot),
        " ".join((*facts[cut:], text.background if slot % 2 == 0 else text.outlook)),
        angles[2 * slot % len(angles)],
        angles[(2 * slot + 1) % len(angles)],
        CLOSERS[lang][slot % len(CLOSERS[lang])],
    ]
    if rng.random() < 0.5:
        body[1], body[2] = body[2], body[1]
    return tuple(body)


def edited_copy(paragraphs: tuple[str, ...], rng: random.Random) -> tuple[str, ...]:
    """A client's lightly edited copy of a dispatch: one paragraph trimmed, maybe a dateline."""
    drop = rng.choice((len(paragraphs) - 1, len(paragraphs) - 2, 3))
    kept = [p for i, p in enumerate(paragraphs) if i != drop]
    return tuple(kept)
