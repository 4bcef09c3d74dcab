"""The hand-written corpus: sizes, languages, sections, wire copies and multilingual stories."""

from __future__ import annotations

from collections import Counter, defaultdict

from jarida.demo import OUTLETS
from jarida.demo.catalog import DemoArticle, build_catalog
from jarida.demo.content.types import SECTIONS


def test_counts_per_language_in_first_edition() -> None:
    first = [a for a in build_catalog(7) if a.edition == 0]
    langs = Counter(a.language for a in first)
    assert len(first) >= 120
    assert langs["fr"] >= 60 and langs["ar"] >= 30 and langs["es"] >= 15 and langs["en"] >= 4


def test_every_outlet_publishes_and_names_are_invented() -> None:
    per_outlet = Counter(a.outlet for a in build_catalog(7))
    assert len(OUTLETS) >= 8
    assert all(per_outlet[o.slug] >= 8 for o in OUTLETS), per_outlet


def test_sections_dates_authors_and_lengths() -> None:
    arts = build_catalog(7)
    assert {a.section for a in arts} == set(SECTIONS)
    span = max(a.published for a in arts) - min(a.published for a in arts)
    assert span.days >= 28
    assert all(a.author for a in arts)
    for a in arts:
        words = len(" ".join(a.paragraphs).split())
        assert 150 <= words <= 600, (a.id, words)
        assert len(a.paragraphs) >= 5


def test_wire_dispatches_are_copied_with_small_edits() -> None:
    groups: dict[str, list[DemoArticle]] = defaultdict(list)
    for a in build_catalog(7):
        if a.dup_group.endswith(":wire"):
            groups[a.dup_group].append(a)
    assert len(groups) >= 10
    outlets_per_story: dict[str, set[str]] = defaultdict(set)
    for members in groups.values():
        agency = [a for a in members if a.outlet == "maghreb-wire"]
        assert len(agency) == 1
        for copy in members:
            outlets_per_story[copy.story_id].add(copy.outlet)
            if copy is agency[0]:
                continue
            assert copy.title != agency[0].title
            assert len(copy.paragraphs) == len(agency[0].paragraphs) - 1
            shared = set(copy.paragraphs) & set(agency[0].paragraphs)
            assert len(shared) >= len(agency[0].paragraphs) - 3
    assert all(len(o - {"maghreb-wire"}) >= 3 for o in outlets_per_story.values())


def test_stories_covered_independently_in_several_languages() -> None:
    langs: dict[str, set[str]] = defaultdict(set)
    outlets: dict[str, set[str]] = defaultdict(set)
    for a in build_catalog(7):
        if not a.dup_group.endswith(":wire"):
            langs[a.story_id].add(a.language)
            outlets[a.story_id].add(a.outlet)
    multi = [s for s in langs if len(langs[s]) >= 2 and len(outlets[s]) >= 3]
    assert len(multi) >= 8


def test_independent_coverage_differs_between_outlets() -> None:
    tram = [a for a in build_catalog(7) if a.story_id == "tram-rabat" and a.language == "fr"]
    assert len(tram) >= 3
    bodies = {a.paragraphs for a in tram}
    assert len(bodies) == len(tram)
