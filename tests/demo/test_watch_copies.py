"""The watched subjects' demo coverage as the copies step sees it: outlets that write their
own story are never copies of one another, the agency's dispatch and its reruns are."""

from __future__ import annotations

import itertools
from collections import defaultdict

import pytest

from jarida.dedup.copies import is_copy
from jarida.dedup.minhash import words_of
from jarida.demo.catalog import DemoArticle, build_catalog
from jarida.demo.content.watch_events import WATCH_EVENTS

WATCHED = {e.id for e in WATCH_EVENTS}


def _words(article: DemoArticle) -> list[str]:
    return words_of("\n".join(article.paragraphs))


def _by_event(seed: int) -> dict[tuple[str, str], list[DemoArticle]]:
    groups: dict[tuple[str, str], list[DemoArticle]] = defaultdict(list)
    for a in build_catalog(seed):
        if a.story_id in WATCHED:
            groups[(a.story_id, a.language)].append(a)
    return groups


@pytest.mark.parametrize("seed", [7, 1, 2, 3])
def test_independent_coverage_of_a_watched_subject_is_not_a_copy(seed: int) -> None:
    pairs = 0
    for members in _by_event(seed).values():
        for a, b in itertools.combinations(members, 2):
            if a.dup_group == b.dup_group:
                continue
            pairs += 1
            assert not is_copy(_words(a), _words(b))[0], (a.id, b.id)
    assert pairs >= 20


def test_the_banks_apology_dispatch_and_its_reruns_are_copies() -> None:
    apology = _by_event(7)[("bds-apology", "fr")]
    agency = [a for a in apology if a.outlet == "maghreb-wire"]
    reruns = [a for a in apology if a.outlet != "maghreb-wire"]
    assert len(agency) == 1 and len(reruns) == 3
    assert all(is_copy(_words(agency[0]), _words(r))[0] for r in reruns)
