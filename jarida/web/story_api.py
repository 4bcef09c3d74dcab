"""The JSON API of stories: GET /api/stories (hottest first) and GET /api/stories/{id}."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Request, Response
from pydantic import BaseModel, Field

from jarida.storage import stories as store
from jarida.storage.filters import BadCursor, decode_cursor, encode_cursor
from jarida.web.api import _BAD_CURSOR, _INVALID, Cursor, Lang, _cached_json, _problem
from jarida.web.deps import app_state

router = APIRouter(prefix="/api", tags=["api"])
StoryId = Annotated[int, Path(ge=1, le=2**31 - 1, description="Story id.")]


class StoryItem(BaseModel):
    id: int
    title: str = Field(description="Most representative title, in `language` when possible.")
    article_count: int
    source_count: int
    languages: list[str]
    first_seen: datetime
    last_seen: datetime
    article_ids: list[int]


class StoryPage(BaseModel):
    items: list[StoryItem]
    next_cursor: str | None


class StoryArticle(BaseModel):
    id: int
    title: str
    source: str
    language: str
    url: str
    page_url: str
    published_at: datetime | None
    duplicate_of: int | None = Field(description="The original this article copies, or null.")


class StoryDetail(StoryItem):
    articles: list[StoryArticle]


def _utc(value: datetime) -> datetime:
    return value.astimezone(UTC)


def _item(s: store.StorySummary, members: list[store.StoryMember],
          language: str | None) -> StoryItem:
    return StoryItem(id=s.id, title=store.label(members, language),
                     article_count=len(members) or s.article_count,
                     source_count=len({m.source for m in members}) or s.source_count,
                     languages=sorted({m.language for m in members}) or list(s.languages),
                     first_seen=_utc(s.first_seen), last_seen=_utc(s.last_seen),
                     article_ids=[m.id for m in members])


def _after(cursor: str | None) -> tuple[float, int] | None:
    if not cursor:
        return None
    heat, sid = decode_cursor(cursor, 2)
    try:
        return float(heat), int(sid)
    except ValueError as exc:
        raise BadCursor("cursor is not valid") from exc


@router.get("/stories", response_model=StoryPage, summary="Stories, by coverage and velocity",
            responses={**_BAD_CURSOR, **_INVALID})
def list_stories(
    request: Request, language: Lang = None, cursor: Cursor = None,
    limit: Annotated[int, Query(ge=1, le=100, description="Items per page.")] = 20,
) -> Response:
    state = app_state(request)

    def build() -> StoryPage:
        after = _after(cursor)
        with state.database.read() as conn:
            found = store.top_stories(conn, language or None, after, limit + 1)
            members = store.story_members(conn, [s.id for s in found[:limit]])
        page = found[:limit]
        last = page[-1] if len(found) > limit else None
        return StoryPage(items=[_item(s, members[s.id], language) for s in page],
                         next_cursor=encode_cursor(repr(last.heat), last.id) if last else None)

    return _cached_json(request, build)


@router.get("/stories/{story_id}", response_model=StoryDetail, summary="One story",
            responses={404: _problem("No such story."), **_INVALID})
def get_story(request: Request, story_id: StoryId,
              language: Lang = None) -> Response:
    state = app_state(request)
    base = state.settings.base_url.rstrip("/")

    def build() -> StoryDetail:
        with state.database.read() as conn:
            summary = store.story_summary(conn, story_id)
            members = store.story_members(conn, [story_id]).get(story_id, [])
        if summary is None or not members:
            raise HTTPException(404, f"No story with id {story_id}.")
        item = _item(summary, members, language)
        return StoryDetail(**item.model_dump(), articles=[
            StoryArticle(id=m.id, title=m.title, source=m.source, language=m.language,
                         url=m.url, page_url=f"{base}/articles/{m.id}",
                         published_at=_utc(m.published_at) if m.published_at else None,
                         duplicate_of=m.duplicate_of) for m in members])

    return _cached_json(request, build)
