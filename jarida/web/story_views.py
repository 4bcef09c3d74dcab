"""What the pages show of stories: the home page's top stories, a story's coverage grouped
by language, an article's same-story and other-language links."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from sqlalchemy import Connection

from jarida.storage import stories as store

TOP_STORIES = 6
RELATED = 8


@lru_cache(maxsize=256)
def language_name(code: str, interface_lang: str) -> str:
    try:
        return str(Locale.parse(code).get_display_name(interface_lang) or code)
    except (UnknownLocaleError, ValueError):
        return code


@dataclass(frozen=True)
class StoryCard:
    id: int
    title: str
    title_language: str
    article_count: int
    outlets: list[str]
    languages: list[tuple[str, str]]  # (code, name in the interface language)
    last_seen: datetime


@dataclass(frozen=True)
class LanguageGroup:
    code: str
    name: str
    articles: list[store.StoryMember]


def _card(s: store.StorySummary, members: list[store.StoryMember], ui_lang: str) -> StoryCard:
    pool = [m for m in members if m.language == ui_lang] or members
    best = max(pool, key=lambda m: (m.fit, -m.id))
    outlets = list(dict.fromkeys(m.source_name for m in members))
    codes = sorted({m.language for m in members})
    return StoryCard(s.id, best.title, best.language, len(members), outlets,
                     [(c, language_name(c, ui_lang)) for c in codes], s.last_seen)


def top_story_cards(conn: Connection, ui_lang: str, limit: int = TOP_STORIES) -> list[StoryCard]:
    """The hottest stories of several outlets, labelled in the reader's language."""
    found = store.top_stories(conn, None, None, limit * 2)
    members = store.story_members(conn, [s.id for s in found])
    cards = [_card(s, members[s.id], ui_lang) for s in found
             if len({m.source for m in members[s.id]}) > 1]
    return cards[:limit]


def story_page_data(conn: Connection, story_id: int,
                    ui_lang: str) -> tuple[StoryCard, list[LanguageGroup]] | None:
    """A story's card and its coverage grouped by language (the reader's first)."""
    summary = store.story_summary(conn, story_id)
    members = store.story_members(conn, [story_id]).get(story_id, [])
    if summary is None or not members:
        return None
    codes = sorted({m.language for m in members}, key=lambda c: (c != ui_lang, c))
    groups = [LanguageGroup(c, language_name(c, ui_lang),
                            [m for m in members if m.language == c]) for c in codes]
    return _card(summary, members, ui_lang), groups


@dataclass(frozen=True)
class Related:
    story_id: int | None
    same_language: list[store.StoryMember]
    other_languages: list[store.StoryMember]


def related_to(conn: Connection, article_id: int, language: str | None) -> Related:
    """Other articles of an article's story: in its language, and in the others."""
    story_id = store.story_of_article(conn, article_id)
    if story_id is None:
        return Related(None, [], [])
    members = [m for m in store.story_members(conn, [story_id]).get(story_id, [])
               if m.id != article_id]
    same = [m for m in members if m.language == language][:RELATED]
    other = [m for m in members if m.language != language][:RELATED]
    return Related(story_id, same, other)
