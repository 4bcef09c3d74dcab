"""The JSON API under /api: articles, search, sources and sections, cursor-paginated."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request, Response
from pydantic import BaseModel

from jarida.storage import ArticleFilter
from jarida.storage import articles as store
from jarida.storage import sources as registry
from jarida.storage.copies import CopyLinks, copy_links, original_of
from jarida.storage.search import search_ids
from jarida.storage.snippets import make_snippet
from jarida.storage.stories import story_of_article
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
    ValidationProblem,
)
from jarida.web.deps import app_state, cached
from jarida.web.problems import PROBLEM_MEDIA_TYPE
from jarida.web.query import NO_NUL, ArticleId, UtcInstant
from jarida.web.search_page import excerpt_only_ids, snippet_terms, snippet_text


def _problem(description: str, model: type[BaseModel] = Problem) -> dict[str, Any]:
    """An error answer as documented in OpenAPI: RFC 9457 problem details."""
    return {
        "description": description,
        "content": {PROBLEM_MEDIA_TYPE: {"schema": model.model_json_schema()}},
    }


_BAD_CURSOR: dict[int | str, dict[str, Any]] = {
    400: _problem("The cursor was not issued by this API; start again from the first page."),
}
_INVALID: dict[int | str, dict[str, Any]] = {
    422: _problem("A parameter is missing or invalid.", ValidationProblem),
}
_NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: _problem("No such article."),
    410: _problem("The article was withdrawn by a moderator."),
}
router = APIRouter(prefix="/api", tags=["api"])

Source = Annotated[str | None, Query(pattern=NO_NUL, description="Slug of a source.")]
Section = Annotated[str | None, Query(pattern=NO_NUL, description="Section name.")]
Lang = Annotated[str | None, Query(pattern=NO_NUL, description="Language code, e.g. fr.")]
Limit = Annotated[int, Query(ge=1, le=100, description="Items per page.")]
Cursor = Annotated[str | None, Query(description="next_cursor of the previous page.")]
Since = Annotated[UtcInstant | None, Query(description="Published at or after (ISO 8601).")]
Until = Annotated[UtcInstant | None, Query(description="Published before (ISO 8601).")]


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


def _original(links: dict[int, CopyLinks], article_id: int) -> int | None:
    found = links.get(article_id)
    return found.duplicate_of if found else None


def _filters(
    source: str | None, section: str | None, lang: str | None, since: datetime | None,
    until: datetime | None,
) -> ArticleFilter:
    return ArticleFilter(
        source=source or None, section=section or None, language=lang or None,
        since=since, until=until,
    )


@router.get(
    "/articles", response_model=ArticlePage, summary="List articles, newest first",
    responses={**_BAD_CURSOR, **_INVALID},
)
def list_articles(
    request: Request,
    source: Source = None,
    section: Section = None,
    lang: Lang = None,
    q: Annotated[
        str | None, Query(pattern=NO_NUL, description="Full-text query; results newest first.")
    ] = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 20,
    cursor: Cursor = None,
    copies: Annotated[bool, Query(
        description="Include syndicated copies whose original is listed (without a source, "
        "a copy is left out and its original listed once).")] = False,
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
                once = replace(filters, once=not copies and not source)
                page = store.list_articles(conn, once, limit=limit, cursor=cursor)
                items, next_cursor = page.items, page.next_cursor
            links = copy_links(conn, [a.id for a in items])
        return ArticlePage(
            items=[ArticleItem.of(a, base, _original(links, a.id)) for a in items],
            next_cursor=next_cursor,
        )

    return _cached_json(request, build)


@router.get(
    "/articles/{article_id}", response_model=ArticleDetail, summary="One article",
    responses={**_NOT_FOUND, **_INVALID},
)
def get_article(request: Request, article_id: ArticleId) -> Response:
    state = app_state(request)

    def build() -> ArticleDetail:
        with state.database.read() as conn:
            article = store.article_by_id(conn, article_id)
            source = registry.source_by_id(conn, article.source_id) if article else None
            duplicate_of = original_of(conn, article_id) if article else None
            story_id = story_of_article(conn, article_id) if article else None
        if article is None or article.status == "removed":
            raise HTTPException(404, f"No article with id {article_id}.")
        if article.hidden:
            raise HTTPException(410, f"Article {article_id} was withdrawn by a moderator.")
        excerpt_only = source is not None and source.mode == "excerpt"
        return ArticleDetail.of_full(article, state.settings.base_url, excerpt_only=excerpt_only,
                                     duplicate_of=duplicate_of, story_id=story_id)

    return _cached_json(request, build)


@router.get(
    "/search", response_model=SearchPage, summary="Full-text search",
    responses={**_BAD_CURSOR, **_INVALID},
)
def search(
    request: Request,
    q: Annotated[
        str, Query(min_length=1, pattern=NO_NUL, description='Words; "quoted phrases" allowed.')
    ],
    source: Source = None,
    section: Section = None,
    lang: Lang = None,
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
            excerpt_only = excerpt_only_ids(registry.all_sources(conn))
        return SearchPage(
            items=[
                SearchItem(
                    **ArticleItem.of(a, base).model_dump(),
                    snippet=make_snippet(snippet_text(a, a.source_id in excerpt_only), terms),
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
