"""Mention precision and recall on a labelled set written for the project (fr, ar, es,
en; an acronym that is also a common word; a namesake), pinned at 0.95 per language."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from jarida.storage.watch_mentions import ArticleText
from jarida.watch.matcher import Matcher
from jarida.watch.yaml_io import load_watch_yaml

DATA = Path(__file__).parent / "data" / "labelled_mentions.yaml"


def _scores() -> dict[str, tuple[float, float, int]]:
    text = DATA.read_text(encoding="utf-8")
    subjects, _ = load_watch_yaml(yaml.safe_dump({"subjects": yaml.safe_load(text)["subjects"]},
                                                 allow_unicode=True))
    slugs = {n: s.slug for n, s in enumerate(subjects, start=1)}
    matcher = Matcher([replace(s, id=n) for n, s in enumerate(subjects, start=1)])
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # tp, fp, fn, cases
    for case in yaml.safe_load(text)["cases"]:
        article = ArticleText(1, "", "", case["text"], case["lang"], "x", datetime.now(UTC))
        found = {slugs[m.subject_id] for m in matcher.match(article)}
        truth = set(case["subjects"])
        c = counts[case["lang"]]
        c[0] += len(found & truth)
        c[1] += len(found - truth)
        c[2] += len(truth - found)
        c[3] += 1
    return {lang: (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0, n)
            for lang, (tp, fp, fn, n) in counts.items()}


@pytest.mark.parametrize("lang", ["fr", "ar", "es", "en"])
def test_precision_and_recall_per_language(lang: str) -> None:
    precision, recall, cases = _scores()[lang]
    assert cases >= 12
    assert precision >= 0.95, precision
    assert recall >= 0.95, recall
