"""The JSON API under /api: articles, search, sources and sections, cursor-paginated."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request, Response
from pydantic import BaseModel

from jarida.storage import ArticleFilter
from jarida.storage import articles as store
from jarida.storage import sources as registry
from jarida.storage.search import search_ids
from jarida.storage.snippets import make_snippet
from jarida.storage.web_queries import articles_by_ids
from jarida.web.api_models import (
    ArticleDetail,
    ArticleItem,
    ArticlePage,
    Problem,
    SearchItem,
    SearchPage,
    SectionItem,
    SourceItem,
)
from jarida.web.deps import app_state, cached
from jarida.web.query import ArticleId
from jarida.web.search_page import snippet_terms

_AS_PROBLEM: dict[str, Any] = {
    "application/problem+json": {"schema": Problem.model_json_schema()}
}
_PROBLEMS: dict[int | str, dict[str, Any]] = {
    400: {"description": "Bad cursor", "content": _AS_PROBLEM},
    404: {"description": "Not found", "content": _AS_PROBLEM},
    422: {"description": "Invalid parameter", "content": _AS_PROBLEM},
}
router = APIRouter(prefix="/api", tags=["api"], responses=_PROBLEMS)

Limit = Annotated[int, Query(ge=1, le=100, description="Items per page.")]
Cursor = Annotated[str | None, Query(description="next_cursor of the previous page.")]
Since = Annotated[datetime | None, Query(description="Published at or after (ISO 8601).")]
Until = Annotated[datetime | None, Query(description="Published before (ISO 8601).")]


def _cached_json(
    request: Request, build: Callable[[], BaseModel | Sequence[BaseModel]]
) -> Response:
    """API answers go through the same data-versioned cache and ETag handling as pages."""

    def render() -> tuple[bytes, str]:
        value = build()
        if isinstance(value, BaseModel):
            return value.model_dump_json().encode(), "application/json"
        items = [item.model_dump(mode="json") for item in value]
        return json.dumps(items, ensure_ascii=False).encode(), "application/json"

    return cached(request, ("api", request.url.path, request.url.query), render, max_age=60)


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _filters(
    source: str | None, section: str | None, lang: str | None, since: datetime | None,
    until: datetime | None,
) -> ArticleFilter:
    return ArticleFilter(
        source=source or None, section=section or None, language=lang or None,
        since=_utc(since), until=_utc(until),
    )


@router.get("/articles", response_model=ArticlePage, summary="List articles, newest first")
def list_articles(
    request: Request,
    source: str | None = None,
    section: str | None = None,
    lang: str | None = None,
    q: Annotated[str | None, Query(description="Full-text query; results newest first.")] = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 20,
    cursor: Cursor = None,
) -> Response:
    state = app_state(request)
    filters = _filters(source, section, lang, since, until)
    base = state.settings.base_url

    def build() -> ArticlePage:
        with state.database.read() as conn:
            if q and q.strip():
                result = search_ids(conn, q, filters, sort="date", limit=limit, cursor=cursor)
                items, next_cursor = articles_by_ids(conn, result.ids), result.next_cursor
            else:
                page = store.list_articles(conn, filters, limit=limit, cursor=cursor)
                items, next_cursor = page.items, page.next_cursor
        return ArticlePage(
            items=[ArticleItem.of(a, base) for a in items], next_cursor=next_cursor
        )

    return _cached_json(request, build)


@router.get("/articles/{article_id}", response_model=ArticleDetail, summary="One article")
def get_article(request: Request, article_id: ArticleId) -> Response:
    state = app_state(request)

    def build() -> ArticleDetail:
        with state.database.read() as conn:
            article = store.article_by_id(conn, article_id)
            source = registry.source_by_id(conn, article.source_id) if article else None
        if article is None or article.status == "removed":
            raise HTTPException(404, f"No article with id {article_id}.")
        excerpt_only = source is not None and source.mode == "excerpt"
        return ArticleDetail.of_full(article, state.settings.base_url, excerpt_only=excerpt_only)

    return _cached_json(request, build)


@router.get("/search", response_model=SearchPage, summary="Full-text search")
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, description="Words; \"quoted phrases\" allowed.")],
    source: str | None = None,
    section: str | None = None,
    lang: str | None = None,
    since: Since = None,
    until: Until = None,
    sort: Literal["relevance", "date"] = "relevance",
    limit: Limit = 20,
    cursor: Cursor = None,
) -> Response:
    state = app_state(request)
    filters = _filters(source, section, lang, since, until)
    terms = snippet_terms(q)
    base = state.settings.base_url

    def build() -> SearchPage:
        with state.database.read() as conn:
            result = search_ids(conn, q, filters, sort=sort, limit=limit, cursor=cursor)
            items = articles_by_ids(conn, result.ids)
        return SearchPage(
            items=[
                SearchItem(
                    **ArticleItem.of(a, base).model_dump(),
                    snippet=make_snippet(a.text or a.title, terms),
                )
                for a in items
            ],
            next_cursor=result.next_cursor,
        )

    return _cached_json(request, build)


@router.get("/sources", response_model=list[SourceItem], summary="Sources with article counts")
def list_sources(request: Request) -> Response:
    state = app_state(request)

    def build() -> list[SourceItem]:
        with state.database.read() as conn:
            sources = registry.all_sources(conn)
            counts = store.count_articles_by(conn, "source")
        base = state.settings.base_url
        return [SourceItem.of(s, counts.get(s.slug, 0), base) for s in sources]

    return _cached_json(request, build)


@router.get("/sections", response_model=list[SectionItem], summary="Sections with counts")
def list_sections(request: Request) -> Response:
    state = app_state(request)

    def build() -> list[SectionItem]:
        with state.database.read() as conn:
            counts = store.count_articles_by(conn, "section")
        return [SectionItem(name=name, articles=n) for name, n in sorted(counts.items()) if name]

    return _cached_json(request, build)
