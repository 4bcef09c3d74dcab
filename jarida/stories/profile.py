"""A story's memory: per language, the sum of its articles' term and cross-key vectors.

Summed unit vectors make a centroid whose direction is the story's; each map is trimmed
to its heaviest entries so a long story's profile stays small.
"""

from __future__ import annotations

import math

from jarida.stories.features import Features

KEEP_TERMS = 80
KEEP_KEYS = 60

Profile = dict[str, dict[str, float]]


def cosine(unit: dict[str, float], summed: dict[str, float]) -> float:
    """Cosine of a unit vector with a summed one."""
    if not unit or not summed:
        return 0.0
    norm = math.sqrt(sum(v * v for v in summed.values()))
    dot = sum(w * summed.get(k, 0.0) for k, w in unit.items())
    return dot / norm if norm else 0.0


def _add(into: dict[str, float], unit: dict[str, float], keep: int) -> dict[str, float]:
    merged = dict(into)
    for k, w in unit.items():
        merged[k] = merged.get(k, 0.0) + w
    if len(merged) > keep:
        merged = dict(sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))[:keep])
    return {k: round(v, 4) for k, v in merged.items()}


def add_article(profile: Profile, f: Features) -> Profile:
    """The profile with one more article in language `f.language`."""
    out = dict(profile)
    out["t:" + f.language] = _add(profile.get("t:" + f.language, {}), f.terms, KEEP_TERMS)
    out["x:" + f.language] = _add(profile.get("x:" + f.language, {}), f.cross, KEEP_KEYS)
    return out


def merge(a: Profile, b: Profile) -> Profile:
    out = dict(a)
    for name, vector in b.items():
        out[name] = _add(a.get(name, {}), vector, KEEP_TERMS if name[0] == "t" else KEEP_KEYS)
    return out


def languages(profile: Profile) -> list[str]:
    return sorted(name[2:] for name in profile if name.startswith("t:"))


def unit_of(summed: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in summed.values())) or 1.0
    return {k: v / norm for k, v in summed.items()}
