"""Place articles in stories of the sliding window, or start new ones.

Candidates are the window's stories sharing index keys with the article (its heaviest
terms and its cross keys). A story already written in the article's language is judged by
the cosine of their terms (and of their terms other than names); a story in other
languages only, by the cosine of their cross keys (names, places, numbers, dates). Once
placed, stories in disjoint languages whose cross keys agree with the grown story are
merged into it, so coverage that started separately in two languages ends up together.
A whole batch is read once, placed in memory in order, and written back once.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import Connection

from jarida.storage import stories as store
from jarida.stories.features import Features
from jarida.stories.profile import add_article, cosine, languages, merge, unit_of

SAME_LANGUAGE = 0.50  # cosine of terms to join a story written in the article's language
# ... and cosine of its terms other than names: the same people and places doing something
# else (taxi drivers striking where a busway line opened) are another event.
SAME_EVENT = 0.35
CROSS_LANGUAGE = 0.33  # cosine of cross keys to join a story in other languages only
MERGE = 0.45  # cosine of two stories' cross keys to merge them (disjoint languages)
# Coverage in another language follows within this time of the story's last article;
# later articles sharing names and places are another event (a distractor).
CROSS_NEAR = timedelta(hours=36)
LOOKUP_TERMS = 8
LOOKUP_KEYS = 10
CANDIDATES = 12
PER_KEY = 15  # a key's most recent stories looked at


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


def _event_fit(f: Features, summed: dict[str, float]) -> float:
    """Cosine of the article's terms other than names with the story's."""
    if not f.names:
        return 1.0  # nothing told apart (Arabic script has no capitals): the cosine decides
    return cosine(unit_of({k: w for k, w in f.terms.items() if k not in f.names}),
                  {k: w for k, w in summed.items() if k not in f.names})


def _shares_figure(a: dict[str, float], b: dict[str, float]) -> bool:
    """Events across languages share a figure (a number of two digits or more, a date, or
    a weekday: coverage compared within `CROSS_NEAR` names the same day by its weekday);
    articles sharing only names and places are often another event."""
    return any(k in b for k in a if (k[0] == "#" and len(k) > 2) or k[0] == "@"
               or k[:2] == "wd")


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


# A story this many days newer counts as one with twice the coverage: over a couple of days
# coverage (outlets, languages, articles) decides, over a week recency does.
DAYS_PER_DOUBLING = 3.0


def coverage(state: store.StoryState, last_day: int = 1) -> float:
    """Outlets, each language beyond the first as two more, a quarter per article, and half
    per article of the story's last 24 hours (velocity)."""
    return (state.source_count + 2.0 * (len(state.languages) - 1)
            + 0.25 * state.article_count + 0.5 * last_day)


def heat(state: store.StoryState, last_day: int = 1) -> float:
    """Ranking key, fixed when the story last changed so it can be indexed and paged:
    DAYS_PER_DOUBLING × log2(1 + coverage) + days of `last_seen` (days, as before, so
    stories saved by earlier versions stay comparable)."""
    return round(DAYS_PER_DOUBLING * math.log2(1 + coverage(state, last_day))
                 + state.last_seen.timestamp() / 86400, 6)


NEW_IDS = 1 << 40  # stand-in ids of stories created in a batch, above every stored id


class _Batch:
    """A batch's view of the window: the index postings of its keys and the states of the
    stories they point to, read once, updated in memory as articles are placed, written
    back once. Reads happen inside the writing transaction: the database stays the truth
    when several processes place articles."""

    def __init__(self, conn: Connection, keys: list[str], since: datetime) -> None:
        self.conn = conn
        # {key: {story: last seen in epoch milliseconds}}: integers compare faster than
        # aware datetimes of different zones
        self.postings = store.key_postings(conn, keys, since, PER_KEY)
        self.states: dict[int, store.StoryState] = {}
        self.created: dict[int, store.StoryState] = {}  # stand-in id -> new story
        self.changed: set[int] = set()  # stored stories whose state changed
        self.members: list[store.Member] = []
        self.keys: dict[tuple[str, int], datetime] = {}
        self.moves: list[tuple[int, int]] = []  # (stored story, story it joins)
        self.redirect: dict[int, int] = {}  # merged story -> story it joined
        self.next_id = NEW_IDS

    def candidates(self, keys: list[str], since: datetime) -> list[int]:
        """Stories seen since `since` sharing most of these keys, most shared first. Each key
        contributes only its `PER_KEY` most recent stories, so a key every story holds costs
        no more than a rare one (a posting never holds more)."""
        hits: dict[int, int] = {}
        edge = store.epoch_ms(since)
        for key in keys:
            for sid, seen in self.postings.get(key, {}).items():
                if seen >= edge:
                    hits[sid] = hits.get(sid, 0) + 1
        # most shared first, then newest id: negated pairs sort in C, without a key call
        ranked = sorted([(-n, -sid) for sid, n in hits.items()])[:CANDIDATES]
        return [-sid for n, sid in ranked if -n >= 2 or len(keys) < 4]

    def load(self, story_ids: Iterable[int]) -> None:
        missing = [sid for sid in story_ids if sid not in self.states]
        self.states.update(store.load_states(self.conn, missing))

    def touch(self, story_id: int, keys: list[str], seen: datetime) -> None:
        stamp = store.epoch_ms(seen)
        for key in keys:
            posting = self.postings.setdefault(key, {})
            if posting.get(story_id, stamp) <= stamp:
                posting[story_id] = stamp
                if len(posting) > PER_KEY:  # the oldest can never be among a key's recent
                    del posting[min(posting, key=lambda sid: (posting[sid], sid))]
            if self.keys.get((key, story_id), seen) <= seen:
                self.keys[(key, story_id)] = seen

    def absorb(self, source: int, target: int) -> None:
        """Story `source` joins `target`: its members, keys and postings follow."""
        for posting in self.postings.values():
            if source in posting:
                seen = posting.pop(source)
                if posting.get(target, seen) <= seen:
                    posting[target] = seen
        for (key, sid), at in list(self.keys.items()):
            if sid == source:
                del self.keys[(key, sid)]
                if self.keys.get((key, target), at) <= at:
                    self.keys[(key, target)] = at
        self.members = [m if m.story_id != source else replace(m, story_id=target)
                        for m in self.members]
        self.states.pop(source, None)
        self.changed.discard(source)
        if self.created.pop(source, None) is None:
            self.moves.append((source, target))
        self.redirect[source] = target

    def final(self, story_id: int) -> int:
        while story_id in self.redirect:
            story_id = self.redirect[story_id]
        return story_id

    def flush(self) -> dict[int, int]:
        """Write the batch back; {stand-in id: stored id} of the stories it created."""
        new = list(self.created.values())
        ids = dict(zip([s.id for s in new],
                       store.create_stories(self.conn, [(s, heat(s)) for s in new]),
                       strict=True))
        for state in new:
            state.id = ids[state.id]
        store.add_members(self.conn, [replace(m, story_id=ids.get(m.story_id, m.story_id))
                                      for m in self.members])
        store.touch_keys(self.conn, {(key, ids.get(sid, sid)): seen
                                     for (key, sid), seen in self.keys.items()})
        for source, target in self.moves:
            store.move_story(self.conn, source, ids.get(target, target))
        grown = [s for s in new if s.article_count > 1]
        grown += [self.states[sid] for sid in sorted(self.changed)]
        counts = store.outlets_and_velocity(
            self.conn, {s.id: s.last_seen - timedelta(hours=24) for s in grown})
        for state in grown:
            state.source_count, _ = counts.get(state.id, (state.source_count, 1))
        store.save_states(self.conn, [(s, heat(s, counts.get(s.id, (0, 1))[1]))
                                      for s in grown])
        return ids

    def place(self, p: Placement, keys: list[str], window: timedelta) -> int:
        f = p.features
        candidate_ids = self.candidates(keys, p.seen_at - window)
        self.load(candidate_ids)
        candidates = {sid: self.states[sid] for sid in candidate_ids if sid in self.states}
        best: tuple[float, int] | None = None
        for sid, state in candidates.items():
            if state.first_seen > p.seen_at + window:
                continue
            if f.language in state.languages:
                summed = state.profile.get("t:" + f.language, {})
                score = cosine(f.terms, summed)
                ok = score >= SAME_LANGUAGE and _event_fit(f, summed) >= SAME_EVENT
            else:
                score = _cross_fit(f, state)
                ok = score >= CROSS_LANGUAGE and abs(p.seen_at - state.last_seen) <= CROSS_NEAR
            if ok and (best is None or score > best[0]):
                best = (score, sid)
        if best is None:
            self.next_id += 1
            state = store.StoryState(self.next_id, p.seen_at, p.seen_at, 1, 1, [f.language],
                                     add_article({}, f))
            self.created[state.id] = self.states[state.id] = state
            fit = 1.0
        else:
            fit, sid = best
            state = candidates.pop(sid)
            state.profile = add_article(state.profile, f)
            state.languages = languages(state.profile)
            state.first_seen = min(state.first_seen, p.seen_at)
            state.last_seen = max(state.last_seen, p.seen_at)
            state.article_count += 1
            if state.id not in self.created:
                self.changed.add(state.id)
        self.members.append(store.Member(p.article_id, state.id, p.source_id, f.language,
                                         p.seen_at, round(fit, 4)))
        self.touch(state.id, keys, p.seen_at)
        for other in candidates.values():
            if set(other.languages) & set(state.languages) or not _near(state, other):
                continue
            if _stories_agree(state, other) >= MERGE:
                state.profile = merge(state.profile, other.profile)
                state.languages = languages(state.profile)
                state.first_seen = min(state.first_seen, other.first_seen)
                state.last_seen = max(state.last_seen, other.last_seen)
                state.article_count += other.article_count
                if state.id not in self.created:
                    self.changed.add(state.id)
                self.absorb(other.id, state.id)
        return state.id


def place_batch(conn: Connection, batch: Sequence[Placement], window: timedelta) -> list[int]:
    """Place a batch of articles in order, each seeing the stories the earlier ones made or
    grew, with a handful of statements for the whole batch; the story of each article."""
    if not batch:
        return []
    keys = [lookup_keys(p.features) for p in batch]
    view = _Batch(conn, [k for ks in keys for k in ks], min(p.seen_at for p in batch) - window)
    # The stories the articles would meet in the stored index, read in one statement; what
    # the batch itself changes is read as it comes (rarely anything).
    view.load({sid for p, ks in zip(batch, keys, strict=True)
               for sid in view.candidates(ks, p.seen_at - window)})
    placed = [view.place(p, ks, window) for p, ks in zip(batch, keys, strict=True)]
    ids = view.flush()
    return [ids.get(sid, sid) for sid in (view.final(s) for s in placed)]

