"""Build the ground-truth list of demo articles from events, texts and outlets, by seed."""

from __future__ import annotations

import random
import re
import unicodedata
import zlib
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from functools import lru_cache

from jarida.demo.content.blocks import UPDATE_LABEL, WIRE_CREDIT
from jarida.demo.content.compose import (
    edited_copy,
    event_text,
    independent_paragraphs,
    own_angle_paragraphs,
    wire_paragraphs,
)
from jarida.demo.content.events import EVENTS
from jarida.demo.content.types import Event
from jarida.demo.content.watch_events import WATCH_EVENTS
from jarida.demo.outlets import BY_SLUG, Outlet

MOROCCO = timezone(timedelta(hours=1))
EPOCH = datetime(2026, 10, 1, 0, 0, tzinfo=MOROCCO)
"""Day 0 of the demo news calendar; nothing depends on the wall clock."""


@dataclass(frozen=True)
class DemoArticle:
    """One article of the demo web with everything known about it by construction."""

    id: str
    num: int
    outlet: str
    language: str
    story_id: str
    dup_group: str  # articles sharing it are near-duplicate copies of one wire dispatch
    section: str  # canonical (French) section name
    title: str
    author: str
    published: datetime
    paragraphs: tuple[str, ...]
    path: str
    image_key: str
    hostile: bool
    edition: int  # first edition in which the article exists
    updated_in: int | None = None  # edition in which the text changes
    updated: datetime | None = None
    update_paragraph: str = ""

    def paragraphs_at(self, edition: int) -> tuple[str, ...]:
        """The body as served in `edition` (the update is appended once it happened)."""
        if self.updated_in is not None and edition >= self.updated_in:
            return (*self.paragraphs, self.update_paragraph)
        return self.paragraphs

    def modified_at(self, edition: int) -> datetime:
        """The last-modified time as served in `edition`."""
        if self.updated_in is not None and edition >= self.updated_in and self.updated:
            return self.updated
        return self.published


def slugify(title: str) -> str:
    """ASCII URL slug of a title; Arabic titles fall back to a neutral word."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return "-".join(words[:9]) or "article"


def article_path(outlet: Outlet, lang: str, num: int, slug: str, when: datetime) -> str:
    """Each outlet's own URL scheme, as real sites differ."""
    s = outlet.slug
    d = when
    schemes = {
        "courrier-atlas": f"/{s}/article/{num}-{slug}.html",
        "akhbar-maghrib": f"/{s}/news/{num}.html",
        "diario-estrecho": f"/{s}/noticia/{d:%Y/%m/%d}/{slug}.html",
        "casablanca-business": f"/{s}/actu/{slug}-{num}",
        "rif-express": f"/{s}/{lang}/{d:%Y/%m}/{slug}-{num}.html",
        "echo-souss": f"/{s}/{slug}_a{num}.html",
        "maghreb-wire": f"/{s}/{lang}/story/{num}",
        "atlas-tech": f"/{s}/{d:%Y/%m}/{slug}/",
        "phare-detroit": f"/{s}/{lang}/{num}-{slug}.html",
    }
    return schemes[s]


def _coverage(event: Event) -> list[tuple[Outlet, str]]:
    """Expand "outlet" / "outlet:lang" tokens into (outlet, language) pairs."""
    pairs = []
    for token in event.coverage:
        slug, _, lang = token.partition(":")
        outlet = BY_SLUG[slug]
        pairs.append((outlet, lang or outlet.languages[0]))
    return pairs


def _article(
    seed: int, event: Event, outlet: Outlet, lang: str, num: int, wire: tuple[str, ...] | None,
    slot: int = 0,
) -> DemoArticle:
    """One article: wire copy if the agency wrote `lang`, otherwise independent coverage
    (`slot`: its rank among the event's independent articles in `lang`)."""
    rng = random.Random(f"{seed}:{event.id}:{outlet.slug}:{lang}")
    text = event_text(event.id, lang)
    start = EPOCH + timedelta(days=event.day, hours=event.hour)
    is_agency = outlet.slug == "maghreb-wire"
    if is_agency:
        paragraphs = wire or ()
        title, lag = text.titles[0], rng.randint(0, 20)
        author, group, image = outlet.authors[0], f"{event.id}:{lang}:wire", f"{event.id}-wire"
    elif wire is not None:
        paragraphs = edited_copy(wire, rng)
        paragraphs = (f"{WIRE_CREDIT[lang]} {paragraphs[0]}", *paragraphs[1:])
        title = text.titles[1 + num % max(1, len(text.titles) - 1)]
        lag = rng.randint(30, 240)
        author = rng.choice((*outlet.authors, WIRE_CREDIT[lang].strip("()")))
        group, image = f"{event.id}:{lang}:wire", f"{event.id}-wire"
    else:
        paragraphs = (own_angle_paragraphs(text, lang, rng, slot) if event in WATCH_EVENTS
                      else independent_paragraphs(text, lang, event.section, rng))
        title = text.titles[rng.randrange(len(text.titles))]
        lag = rng.randint(15, 1200)
        author = rng.choice(outlet.authors)
        group = f"{event.id}:{outlet.slug}:{lang}"
        image = f"{event.id}-{outlet.slug}"
    edition = event.edition
    late = zlib.crc32(f"{event.id}:{outlet.slug}:{lang}".encode()) % 29 == 0
    if edition == 0 and not event.wire and late:
        edition, lag = 1, lag + 2 * 24 * 60
    published = start + timedelta(minutes=lag)
    updated_in: int | None = None
    if rng.random() < 0.15 and edition < 2:
        updated_in = edition + 1
    path = article_path(outlet, lang, num, slugify(title), published)
    return DemoArticle(
        id=f"{outlet.slug}:{lang}:{event.id}",
        num=num,
        outlet=outlet.slug,
        language=lang,
        story_id=event.id,
        dup_group=group,
        section=event.section,
        title=title,
        author=author,
        published=published,
        paragraphs=paragraphs,
        path=path,
        image_key=image,
        hostile=outlet.fault == "hostile",
        edition=edition,
        updated_in=updated_in,
        updated=published + timedelta(hours=rng.randint(3, 30)) if updated_in else None,
        update_paragraph=f"{UPDATE_LABEL[lang]} {text.update}" if updated_in else "",
    )


@lru_cache(maxsize=8)
def build_catalog(seed: int) -> tuple[DemoArticle, ...]:
    """Every hand-written demo article for `seed`, oldest first (cached: it is pure)."""
    articles: list[DemoArticle] = []
    counters: dict[str, int] = {}
    for event in EVENTS:
        agency_langs = {lang for o, lang in _coverage(event) if o.slug == "maghreb-wire"}
        slots: dict[str, int] = {}  # independent articles of the event so far, per language
        for outlet, lang in _coverage(event):
            counters[outlet.slug] = counters.get(outlet.slug, 0) + 1
            num = 1000 + 7 * counters[outlet.slug] + (seed % 7)
            wire = None
            if event.wire and lang in agency_langs:
                wire = wire_paragraphs(event_text(event.id, lang), lang, event.section)
            slot = 0
            if wire is None and outlet.slug != "maghreb-wire":
                slot = slots[lang] = slots.get(lang, -1) + 1
            articles.append(_article(seed, event, outlet, lang, num, wire, slot))
    articles.sort(key=lambda a: (a.published, a.id))
    return tuple(articles)
