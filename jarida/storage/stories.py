"""Stories: the SQL of the clustering's write side (jarida.stories) and of its readers."""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import (
    Connection,
    bindparam,
    case,
    delete,
    func,
    insert,
    literal,
    select,
    text,
    update,
)

from jarida.storage.packed_rows import bind_values, packed_params, packed_select
from jarida.storage.tables import articles, stories, story_articles, story_keys
from jarida.storage.types import UTCDateTime


@dataclass
class StoryState:
    """One story as the clustering updates it."""

    id: int
    first_seen: datetime
    last_seen: datetime
    article_count: int
    source_count: int
    languages: list[str]
    profile: dict[str, dict[str, float]]


# Statements the hook runs for every batch, built once (building one costs more than a
# small batch spends in the database).
_STATEMENTS: dict[str, Any] = {
    "placed": select(story_articles.c.article_id).where(
        story_articles.c.article_id.in_(bindparam("ids", expanding=True))),
    "states": select(stories).where(stories.c.id.in_(bindparam("ids", expanding=True))),
    "create": insert(stories).returning(stories.c.id, sort_by_parameter_order=True),
    "members": insert(story_articles),
    "prune": delete(story_keys).where(
        story_keys.c.last_seen < bindparam("before", type_=UTCDateTime())),
}


def placed(conn: Connection, article_ids: Sequence[int]) -> set[int]:
    """Which of these articles already belong to a story."""
    if not article_ids:
        return set()
    rows = conn.execute(_STATEMENTS["placed"], {"ids": list(article_ids)})
    return {int(r[0]) for r in rows}


_EPOCH_MS = {  # a stored instant as integer milliseconds since 1970 (UTC), by the database
    "postgresql": "CAST(round(extract(epoch FROM last_seen) * 1000) AS BIGINT)",
    "sqlite": "CAST(round((julianday(last_seen) - 2440587.5) * 86400000.0) AS INTEGER)",
}
POSTING_CHUNK = 64  # keys per statement


def epoch_ms(at: datetime) -> int:
    """What `key_postings` measures instants in, for an aware datetime."""
    return round(at.timestamp() * 1000)


@cache
def _postings_sql(dialect: str, n: int) -> Any:
    """A union of `n` bounded look-ups, one per key, each reading only its `per_key` rows
    from the (key, last_seen) index; built and compiled once per size."""
    part = (f"SELECT key, story_id, {_EPOCH_MS.get(dialect, _EPOCH_MS['sqlite'])} AS seen "
            "FROM (SELECT key, story_id, last_seen FROM story_keys WHERE key = :k{i} "
            "AND last_seen >= :since ORDER BY last_seen DESC LIMIT :per_key) AS p{i}")
    sql = " UNION ALL ".join(part.format(i=i) for i in range(n))
    return text(sql).bindparams(bindparam("since", type_=UTCDateTime()))


def key_postings(conn: Connection, keys: Sequence[str], since: datetime,
                 per_key: int) -> dict[str, dict[int, int]]:
    """For each key, its `per_key` most recent stories seen since `since` ({story: last
    seen, in `epoch_ms`}), for a whole batch of articles. A later `since` only drops the
    oldest of these, so every article of the batch reads its own look-up from this one.
    Each key reads its own rows only: a key every story holds costs no more than a rare
    one."""
    out: dict[str, dict[int, int]] = {}
    unique = sorted(set(keys))
    for start in range(0, len(unique), POSTING_CHUNK):
        chunk = unique[start:start + POSTING_CHUNK]
        params: dict[str, Any] = {f"k{i}": key for i, key in enumerate(chunk)}
        params.update(since=since, per_key=per_key)
        for key, sid, seen in conn.execute(_postings_sql(conn.dialect.name, len(chunk)),
                                           params):
            out.setdefault(key, {})[int(sid)] = int(seen)
    return out


class _ProfileCache:
    """Parsed profiles of the stories this process read or wrote lately, each kept with
    the JSON it was parsed from. A stored profile is still read every time (another
    process may have changed it); only when its text is the one cached is the parse
    skipped, so the database stays the truth. Profiles are never changed in place
    (`jarida.stories.profile` builds new maps), so a parsed one can be shared."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.entries: dict[int, tuple[str, dict[str, dict[str, float]]]] = {}
        self.lock = threading.Lock()  # a distributed worker's threads share the process

    def parse(self, story_id: int, raw: str) -> dict[str, dict[str, float]]:
        with self.lock:
            hit = self.entries.get(story_id)
        profile = hit[1] if hit is not None and hit[0] == raw else json.loads(raw)
        self.remember(story_id, raw, profile)
        return profile

    def remember(self, story_id: int, raw: str, profile: dict[str, dict[str, float]]) -> None:
        with self.lock:
            self.entries.pop(story_id, None)  # re-inserted: the most recent goes last
            self.entries[story_id] = (raw, profile)
            while len(self.entries) > self.size:
                del self.entries[next(iter(self.entries))]


# About a window's stories at a busy crawler's pace; a few tens of MB at most.
PROFILES = _ProfileCache(20_000)


def load_states(conn: Connection, story_ids: Sequence[int]) -> dict[int, StoryState]:
    if not story_ids:
        return {}
    rows = conn.execute(_STATEMENTS["states"], {"ids": list(story_ids)})
    out = {}
    for r in rows:
        m = r._mapping
        sid = int(m["id"])
        out[sid] = StoryState(
            id=sid, first_seen=m["first_seen"], last_seen=m["last_seen"],
            article_count=int(m["article_count"]), source_count=int(m["source_count"]),
            languages=[x for x in m["languages"].split(",") if x],
            profile=PROFILES.parse(sid, m["profile"]),
        )
    return out


def _profile_json(state: StoryState) -> str:
    return json.dumps(state.profile, ensure_ascii=False, separators=(",", ":"))


def _values(state: StoryState, heat: float, raw: str) -> dict[str, Any]:
    return {
        "first_seen": state.first_seen, "last_seen": state.last_seen,
        "article_count": state.article_count, "source_count": state.source_count,
        "languages": ",".join(sorted(state.languages)), "profile": raw, "heat": heat,
    }


def create_stories(conn: Connection, states: Sequence[tuple[StoryState, float]]) -> list[int]:
    """Insert these stories (with their heat) in one statement; their ids, in order."""
    if not states:
        return []
    raws = [_profile_json(state) for state, _ in states]
    rows = conn.execute(_STATEMENTS["create"], [_values(state, heat, raw) for (state, heat), raw
                                                in zip(states, raws, strict=True)])
    ids = [int(r[0]) for r in rows]
    for sid, (state, _), raw in zip(ids, states, raws, strict=True):
        PROFILES.remember(sid, raw, state.profile)
    return ids


@cache
def _save_many() -> Any:
    return (update(stories).where(stories.c.id == bindparam("sid"))
            .values({name: bindparam(name) for name in (
                "first_seen", "last_seen", "article_count", "source_count", "languages",
                "profile", "heat")}))


def save_states(conn: Connection, states: Sequence[tuple[StoryState, float]]) -> None:
    """Write these stories' states and heats back, in one executemany."""
    if not states:
        return
    raws = [_profile_json(state) for state, _ in states]
    conn.execute(_save_many(), [{"sid": state.id, **_values(state, heat, raw)}
                                for (state, heat), raw in zip(states, raws, strict=True)])
    for (state, _), raw in zip(states, raws, strict=True):
        PROFILES.remember(state.id, raw, state.profile)


@dataclass(frozen=True)
class Member:
    article_id: int
    story_id: int
    source_id: int
    language: str
    seen_at: datetime
    fit: float


def add_members(conn: Connection, members: Sequence[Member]) -> None:
    if members:
        conn.execute(_STATEMENTS["members"], [
            {"article_id": m.article_id, "story_id": m.story_id, "source_id": m.source_id,
             "language": m.language, "seen_at": m.seen_at, "fit": m.fit} for m in members])


def outlets_and_velocity(conn: Connection, since: dict[int, datetime]
                         ) -> dict[int, tuple[int, int]]:
    """For each story, its distinct outlets and its articles seen at or after its `since`
    (velocity), in one statement."""
    out: dict[int, tuple[int, int]] = {}
    items = sorted(since.items())
    for chunk in range(0, len(items), 400):
        part = items[chunk:chunk + 400]
        edge = case({sid: literal(at, UTCDateTime()) for sid, at in part},
                    value=story_articles.c.story_id)
        recent = func.sum(case((story_articles.c.seen_at >= edge, 1), else_=0))
        rows = conn.execute(
            select(story_articles.c.story_id,
                   func.count(func.distinct(story_articles.c.source_id)), recent)
            .where(story_articles.c.story_id.in_([sid for sid, _ in part]))
            .group_by(story_articles.c.story_id))
        out.update({int(r[0]): (int(r[1]), int(r[2] or 0)) for r in rows})
    return out


@cache
def _upsert_keys(dialect: str) -> Any:
    """One statement upserting a whole batch of index rows (`packed_rows`)."""
    later = "greatest" if dialect == "postgresql" else "max"
    return text(
        "INSERT INTO story_keys (key, story_id, last_seen) "
        + packed_select(dialect, ["text", "integer", "timestamp"])
        + " ON CONFLICT (key, story_id) DO UPDATE"
        f" SET last_seen = {later}(excluded.last_seen, story_keys.last_seen)")


def touch_keys(conn: Connection, rows: dict[tuple[str, int], datetime]) -> None:
    """Index stories under keys, {(key, story): seen} (the later time wins), in one
    statement; rows go in (key, story) order, so concurrent writers lock in one order."""
    if not rows:
        return
    dialect = conn.dialect.name
    stamp = bind_values(story_keys.c.last_seen, conn.dialect)
    packed = [(key, sid, stamp(seen)) for (key, sid), seen in sorted(rows.items())]
    conn.execute(_upsert_keys(dialect), packed_params(dialect, packed, 3))


def move_story(conn: Connection, source: int, target: int) -> None:
    """Merge story `source` into `target`: its articles and keys follow, the story goes."""
    conn.execute(update(story_articles).where(story_articles.c.story_id == source)
                 .values(story_id=target))
    rows = conn.execute(select(story_keys.c.key, story_keys.c.last_seen)
                        .where(story_keys.c.story_id == source)).all()
    conn.execute(delete(story_keys).where(story_keys.c.story_id == source))
    touch_keys(conn, {(key, target): seen for key, seen in rows})
    conn.execute(delete(stories).where(stories.c.id == source))


def prune_keys(conn: Connection, before: datetime) -> int:
    """Forget the index entries of stories not seen since `before` (the window's edge)."""
    return int(conn.execute(_STATEMENTS["prune"], {"before": before}).rowcount)


def forget_since(conn: Connection, since: datetime | None) -> int:
    """Remove every story holding an article seen at or after `since` (all when None), so a
    rebuild places their articles again; the number of stories removed."""
    if since is None:
        conn.execute(delete(story_keys))
        conn.execute(delete(story_articles))
        return int(conn.execute(delete(stories)).rowcount)
    touched = (select(story_articles.c.story_id).where(story_articles.c.seen_at >= since)
               .distinct().scalar_subquery())
    conn.execute(delete(story_keys).where(story_keys.c.story_id.in_(touched)))
    ids = [int(r[0]) for r in conn.execute(
        select(stories.c.id).where(stories.c.id.in_(touched)))]
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        conn.execute(delete(story_articles).where(story_articles.c.story_id.in_(part)))
        conn.execute(delete(stories).where(stories.c.id.in_(part)))
    return len(ids)


@dataclass(frozen=True)
class Unplaced:
    """An article the clustering has not placed yet, with what it reads."""

    id: int
    source_id: int
    language: str | None
    title: str
    text: str
    seen_at: datetime


def unplaced_articles(conn: Connection, after: tuple[datetime, int] | None,
                      limit: int) -> list[Unplaced]:
    """The next articles without a story in the order they were first seen (sort_at, id)."""
    query = (select(articles.c.id, articles.c.source_id, articles.c.language, articles.c.title,
                    func.substr(articles.c.text, 1, 1500), articles.c.sort_at)
             .outerjoin(story_articles, story_articles.c.article_id == articles.c.id)
             .where(story_articles.c.article_id.is_(None))
             .order_by(articles.c.sort_at, articles.c.id).limit(limit))
    if after is not None:
        at, aid = after
        query = query.where((articles.c.sort_at > at)
                            | ((articles.c.sort_at == at) & (articles.c.id > aid)))
    return [Unplaced(int(r[0]), int(r[1]), r[2], r[3], r[4] or "", r[5])
            for r in conn.execute(query)]


def count_unplaced(conn: Connection) -> int:
    return int(conn.execute(
        select(func.count()).select_from(articles)
        .outerjoin(story_articles, story_articles.c.article_id == articles.c.id)
        .where(story_articles.c.article_id.is_(None))).scalar_one())


# ---- read side: the API and pages ----


@dataclass(frozen=True)
class StoryMember:
    """One article of a story as the API and pages list it."""

    id: int
    title: str
    source: str
    source_name: str
    language: str
    url: str
    published_at: datetime | None
    duplicate_of: int | None
    fit: float


@dataclass(frozen=True)
class StorySummary:
    id: int
    first_seen: datetime
    last_seen: datetime
    article_count: int
    source_count: int
    languages: tuple[str, ...]
    heat: float


def _summary(m: Any) -> StorySummary:
    return StorySummary(int(m["id"]), m["first_seen"], m["last_seen"], int(m["article_count"]),
                        int(m["source_count"]), tuple(x for x in m["languages"].split(",") if x),
                        float(m["heat"]))


_SUMMARY = (stories.c.id, stories.c.first_seen, stories.c.last_seen, stories.c.article_count,
            stories.c.source_count, stories.c.languages, stories.c.heat)


def story_of_article(conn: Connection, article_id: int) -> int | None:
    """The story of an article, or None while it is alone in it."""
    row = conn.execute(
        select(stories.c.id).join(story_articles, story_articles.c.story_id == stories.c.id)
        .where(story_articles.c.article_id == article_id, stories.c.article_count > 1)).first()
    return int(row[0]) if row else None


def story_summary(conn: Connection, story_id: int) -> StorySummary | None:
    row = conn.execute(select(*_SUMMARY).where(stories.c.id == story_id,
                                               stories.c.article_count > 1)).first()
    return _summary(row._mapping) if row else None


def top_stories(conn: Connection, language: str | None, after: tuple[float, int] | None,
                limit: int) -> list[StorySummary]:
    """Stories of two articles or more, hottest first (coverage, velocity, recency); with
    `language`, those holding an article in it."""
    query = select(*_SUMMARY).where(stories.c.article_count > 1)
    if language:
        query = query.where(stories.c.id.in_(
            select(story_articles.c.story_id).where(story_articles.c.language == language)))
    if after is not None:
        heat, sid = after
        query = query.where((stories.c.heat < heat) | ((stories.c.heat == heat)
                                                       & (stories.c.id < sid)))
    rows = conn.execute(query.order_by(stories.c.heat.desc(), stories.c.id.desc()).limit(limit))
    return [_summary(r._mapping) for r in rows]


def story_members(conn: Connection, story_ids: Sequence[int]) -> dict[int, list[StoryMember]]:
    """The visible articles of each story, oldest first."""
    from jarida.storage.tables import sources

    if not story_ids:
        return {}
    from jarida.storage.tables import article_copies

    duplicate_of = article_copies.c.original_id.label("duplicate_of")
    rows = conn.execute(
        select(story_articles.c.story_id, articles.c.id, articles.c.title, sources.c.slug,
               sources.c.name, story_articles.c.language, articles.c.url,
               articles.c.published_at, duplicate_of,
               story_articles.c.fit)
        .join(articles, articles.c.id == story_articles.c.article_id)
        .join(sources, sources.c.id == articles.c.source_id)
        .outerjoin(article_copies, article_copies.c.article_id == articles.c.id)
        .where(story_articles.c.story_id.in_(list(story_ids)), articles.c.hidden_at.is_(None),
               articles.c.status != "removed")
        .order_by(story_articles.c.seen_at, articles.c.id))
    out: dict[int, list[StoryMember]] = {sid: [] for sid in story_ids}
    for r in rows:
        out[int(r[0])].append(StoryMember(int(r[1]), r[2], r[3], r[4], r[5], r[6], r[7],
                                          int(r[8]) if r[8] is not None else None,
                                          float(r[9])))
    return out


def label(members: Sequence[StoryMember], language: str | None) -> str:
    """The story's most representative title: the best-fitting article in the reader's
    language when there is one, else in any language."""
    pool = [m for m in members if m.language == language] or list(members)
    return max(pool, key=lambda m: (m.fit, -m.id)).title if pool else ""
