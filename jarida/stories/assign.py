"""Place one article in a story of the sliding window, or start a new one.

Candidates are the window's stories sharing index keys with the article (its heaviest
terms and its cross keys). A story already written in the article's language is judged by
the cosine of their terms; a story in other languages only, by the cosine of their cross
keys (names, places, numbers, dates). Once placed, stories in disjoint languages whose
cross keys agree with the grown story are merged into it, so coverage that started
separately in two languages ends up together.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection

from jarida.storage import stories as store
from jarida.stories.features import Features
from jarida.stories.profile import add_article, cosine, languages, merge, unit_of

SAME_LANGUAGE = 0.50  # cosine of terms to join a story written in the article's language
CROSS_LANGUAGE = 0.33  # cosine of cross keys to join a story in other languages only
MERGE = 0.45  # cosine of two stories' cross keys to merge them (disjoint languages)
# Coverage in another language follows within this time of the story's last article;
# later articles sharing names and places are another event (a distractor).
CROSS_NEAR = timedelta(hours=36)
LOOKUP_TERMS = 8
LOOKUP_KEYS = 10
CANDIDATES = 12


@dataclass(frozen=True)
class Placement:
    article_id: int
    source_id: int
    seen_at: datetime
    features: Features


def lookup_keys(f: Features) -> list[str]:
    """The index keys of an article: its heaviest terms (in its language) and cross keys."""
    terms = sorted(f.terms.items(), key=lambda kv: (-kv[1], kv[0]))[:LOOKUP_TERMS]
    cross = sorted(f.cross.items(), key=lambda kv: (-kv[1], kv[0]))[:LOOKUP_KEYS]
    return ([f"t:{f.language}:{k}"[:80] for k, _ in terms]
            + [f"x:{k}"[:80] for k, _ in cross])


def _shares_figure(a: dict[str, float], b: dict[str, float]) -> bool:
    """Events across languages share a figure (a number of two digits or more, a date);
    articles sharing only names and places are often another event."""
    return any(k in b for k in a if (k[0] == "#" and len(k) > 2) or k[0] == "@")


def _cross_fit(f: Features, state: store.StoryState) -> float:
    return max((cosine(f.cross, x) for lang in state.languages if lang != f.language
                if _shares_figure(f.cross, x := state.profile.get("x:" + lang, {}))),
               default=0.0)


def _stories_agree(a: store.StoryState, b: store.StoryState) -> float:
    best = 0.0
    for la in a.languages:
        for lb in b.languages:
            xa, xb = a.profile.get("x:" + la, {}), b.profile.get("x:" + lb, {})
            if xa and xb and _shares_figure(xa, xb):
                best = max(best, cosine(unit_of(xa), xb))
    return best


def _near(a: store.StoryState, b: store.StoryState) -> bool:
    return (a.first_seen - CROSS_NEAR <= b.last_seen
            and b.first_seen - CROSS_NEAR <= a.last_seen)


def heat(state: store.StoryState, last_day: int = 1) -> float:
    """Ranking key: log of coverage (outlets, then languages and articles) and velocity
    (articles in the story's last 24 hours), plus recency (a day newer counts as coverage
    doubled)."""
    coverage = state.source_count + 1.5 * (len(state.languages) - 1) + 0.25 * state.article_count
    return round(math.log2(1 + coverage + 0.5 * last_day)
                 + state.last_seen.timestamp() / 86400, 6)


def place(conn: Connection, p: Placement, window: timedelta) -> int:
    """The story `p`'s article now belongs to (created, joined, or its own if placed)."""
    f = p.features
    keys = lookup_keys(f)
    candidates = store.load_states(
        conn, store.candidate_stories(conn, keys, p.seen_at - window, CANDIDATES))
    best: tuple[float, int] | None = None
    for sid, state in candidates.items():
        if state.first_seen > p.seen_at + window:
            continue
        if f.language in state.languages:
            score = cosine(f.terms, state.profile.get("t:" + f.language, {}))
            ok = score >= SAME_LANGUAGE
        else:
            score = _cross_fit(f, state)
            ok = score >= CROSS_LANGUAGE and abs(p.seen_at - state.last_seen) <= CROSS_NEAR
        if ok and (best is None or score > best[0]):
            best = (score, sid)
    created = best is None
    if best is None:
        state = store.StoryState(0, p.seen_at, p.seen_at, 1, 1, [f.language],
                                 add_article({}, f))
        state.id = store.create_story(conn, state, heat(state))
        fit = 1.0
    else:
        fit, sid = best
        state = candidates.pop(sid)
        state.profile = add_article(state.profile, f)
        state.languages = languages(state.profile)
        state.first_seen = min(state.first_seen, p.seen_at)
        state.last_seen = max(state.last_seen, p.seen_at)
        state.article_count += 1
    store.add_member(conn, p.article_id, state.id, p.source_id, f.language, p.seen_at,
                     round(fit, 4))
    store.touch_keys(conn, state.id, keys, p.seen_at)
    merged = False
    for other in candidates.values():
        if set(other.languages) & set(state.languages) or not _near(state, other):
            continue
        if _stories_agree(state, other) >= MERGE:
            merged = True
            store.move_story(conn, other.id, state.id)
            state.profile = merge(state.profile, other.profile)
            state.languages = languages(state.profile)
            state.first_seen = min(state.first_seen, other.first_seen)
            state.last_seen = max(state.last_seen, other.last_seen)
            state.article_count += other.article_count
    if created and not merged:
        return state.id  # saved as created: one article, one outlet
    state.source_count, last_day = store.outlets_and_velocity(
        conn, state.id, state.last_seen - timedelta(hours=24))
    store.save_state(conn, state, heat(state, last_day))
    return state.id
