"""Scores of a story grouping against known events: BCubed F1, distractors merged."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence


def bcubed(gold: Mapping[str, str], predicted: Mapping[str, object],
           items: Sequence[str]) -> tuple[float, float, float]:
    """BCubed precision, recall and F1 of `predicted` over `items` (every item scored)."""
    if not items:
        return 1.0, 1.0, 1.0
    by_gold: dict[str, set[str]] = defaultdict(set)
    by_pred: dict[object, set[str]] = defaultdict(set)
    for i in items:
        by_gold[gold[i]].add(i)
        by_pred[predicted[i]].add(i)
    p = r = 0.0
    for i in items:
        cluster, truth = by_pred[predicted[i]], by_gold[gold[i]]
        both = len(cluster & truth)
        p += both / len(cluster)
        r += both / len(truth)
    p, r = p / len(items), r / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def distractors_merged(gold: Mapping[str, str], predicted: Mapping[str, object],
                       distractor_of: Mapping[str, str]) -> int:
    """Distractor articles placed in a story holding an article of another event."""
    members: dict[object, set[str]] = defaultdict(set)
    for item, story in predicted.items():
        members[story].add(gold[item])
    return sum(1 for item in distractor_of if len(members[predicted[item]]) > 1)
