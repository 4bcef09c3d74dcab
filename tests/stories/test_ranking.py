""""À la une" ranking: coverage outweighs recency while a story is fresh."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from jarida.storage.stories import StoryState
from jarida.stories.assign import heat

T0 = datetime(2026, 11, 13, 11, 0, tzinfo=UTC)


def story(articles: int, outlets: int, languages: list[str], last_seen: datetime) -> StoryState:
    return StoryState(0, last_seen - timedelta(hours=3), last_seen, articles, outlets,
                      languages, {})


def test_wide_coverage_outranks_small_newer_stories_for_days() -> None:
    wide = story(9, 7, ["ar", "en", "es", "fr"], T0)
    for days in (1, 2, 3, 4):
        pair = story(2, 2, ["fr"], T0 + timedelta(days=days))
        assert heat(wide, last_day=9) > heat(pair, last_day=2), days


def test_recency_wins_over_a_week() -> None:
    wide = story(9, 7, ["ar", "en", "es", "fr"], T0)
    pair = story(2, 2, ["fr"], T0 + timedelta(days=7))
    assert heat(pair, last_day=2) > heat(wide, last_day=9)


def test_languages_and_outlets_count_more_than_articles() -> None:
    one_language = story(6, 3, ["fr"], T0)
    three_languages = story(4, 3, ["ar", "es", "fr"], T0)
    assert heat(three_languages, last_day=4) > heat(one_language, last_day=6)
