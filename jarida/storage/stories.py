"""Stories: the SQL of the clustering's write side (jarida.stories) and of its readers."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import Connection, bindparam, case, delete, func, insert, select, text, update
from sqlalchemy.dialects import postgresql, sqlite

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


def placed(conn: Connection, article_ids: Sequence[int]) -> set[int]:
    """Which of these articles already belong to a story."""
    if not article_ids:
        return set()
    rows = conn.execute(select(story_articles.c.article_id)
                        .where(story_articles.c.article_id.in_(list(article_ids))))
    return {int(r[0]) for r in rows}


@cache
def _candidates_sql(n: int) -> Any:
    """A union of `n` bounded look-ups, one per key, built and compiled once per size (a
    statement built per article costs more than SQLite spends answering it)."""
    part = ("SELECT story_id FROM (SELECT story_id FROM story_keys WHERE key = :k{i} "
            "AND last_seen >= :since ORDER BY last_seen DESC LIMIT :per_key) AS p{i}")
    sql = " UNION ALL ".join(part.format(i=i) for i in range(n))
    return text(sql).bindparams(bindparam("since", type_=UTCDateTime()))


def candidate_stories(conn: Connection, keys: Sequence[str], since: datetime,
                      limit: int, per_key: int = 15) -> list[int]:
    """Stories seen since `since` sharing most of these keys, most shared first. Each key
    contributes only its `per_key` most recent stories, so a key every story holds costs
    no more than a rare one."""
    if not keys:
        return []
    params: dict[str, Any] = {f"k{i}": key for i, key in enumerate(keys)}
    params.update(since=since, per_key=per_key)
    hits: dict[int, int] = {}
    for (sid,) in conn.execute(_candidates_sql(len(keys)), params):
        hits[int(sid)] = hits.get(int(sid), 0) + 1
    ranked = sorted(hits.items(), key=lambda kv: (-kv[1], -kv[0]))
    return [sid for sid, n in ranked[:limit] if n >= 2 or len(keys) < 4]


def load_states(conn: Connection, story_ids: Sequence[int]) -> dict[int, StoryState]:
    if not story_ids:
        return {}
    rows = conn.execute(select(stories).where(stories.c.id.in_(list(story_ids))))
    out = {}
    for r in rows:
        m = r._mapping
        out[int(m["id"])] = StoryState(
            id=int(m["id"]), first_seen=m["first_seen"], last_seen=m["last_seen"],
            article_count=int(m["article_count"]), source_count=int(m["source_count"]),
            languages=[x for x in m["languages"].split(",") if x],
            profile=json.loads(m["profile"]),
        )
    return out


def _values(state: StoryState, heat: float) -> dict[str, Any]:
    return {
        "first_seen": state.first_seen, "last_seen": state.last_seen,
        "article_count": state.article_count, "source_count": state.source_count,
        "languages": ",".join(sorted(state.languages)),
        "profile": json.dumps(state.profile, ensure_ascii=False, separators=(",", ":")),
        "heat": heat,
    }


def create_story(conn: Connection, state: StoryState, heat: float) -> int:
    result = conn.execute(insert(stories).values(**_values(state, heat)).returning(stories.c.id))
    return int(result.scalar_one())


def save_state(conn: Connection, state: StoryState, heat: float) -> None:
    conn.execute(update(stories).where(stories.c.id == state.id).values(**_values(state, heat)))


def add_member(conn: Connection, article_id: int, story_id: int, source_id: int,
               language: str, seen_at: datetime, fit: float) -> None:
    conn.execute(insert(story_articles).values(
        article_id=article_id, story_id=story_id, source_id=source_id, language=language,
        seen_at=seen_at, fit=fit))


def outlets_and_velocity(conn: Connection, story_id: int, since: datetime) -> tuple[int, int]:
    """A story's distinct outlets, and its articles seen at or after `since` (velocity)."""
    recent = func.sum(case((story_articles.c.seen_at >= since, 1), else_=0))
    row = conn.execute(
        select(func.count(func.distinct(story_articles.c.source_id)), recent)
        .where(story_articles.c.story_id == story_id)).one()
    return int(row[0]), int(row[1] or 0)


@cache
def _upsert_key(dialect: str) -> Any:
    stmt = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(story_keys)
    return stmt.on_conflict_do_update(
        index_elements=["key", "story_id"],
        set_={"last_seen": func.max(stmt.excluded.last_seen, story_keys.c.last_seen)}
        if dialect != "postgresql" else
        {"last_seen": func.greatest(stmt.excluded.last_seen, story_keys.c.last_seen)},
    )


def touch_keys(conn: Connection, story_id: int, keys: Sequence[str], seen: datetime) -> None:
    """Index the story under these keys, seen at `seen` (the later time wins)."""
    if keys:
        conn.execute(_upsert_key(conn.dialect.name),
                     [{"key": k, "story_id": story_id, "last_seen": seen} for k in keys])


def move_story(conn: Connection, source: int, target: int) -> None:
    """Merge story `source` into `target`: its articles and keys follow, the story goes."""
    conn.execute(update(story_articles).where(story_articles.c.story_id == source)
                 .values(story_id=target))
    rows = conn.execute(select(story_keys.c.key, story_keys.c.last_seen)
                        .where(story_keys.c.story_id == source)).all()
    conn.execute(delete(story_keys).where(story_keys.c.story_id == source))
    for key, seen in rows:
        touch_keys(conn, target, [key], seen)
    conn.execute(delete(stories).where(stories.c.id == source))


def prune_keys(conn: Connection, before: datetime) -> int:
    """Forget the index entries of stories not seen since `before` (the window's edge)."""
    return int(conn.execute(delete(story_keys).where(story_keys.c.last_seen < before)).rowcount)


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
