"""JSON shapes of the public API; FastAPI turns them into the OpenAPI document."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from jarida.model import Article, Source
from jarida.web.imagery import image_api_fields


class ArticleItem(BaseModel):
    id: int
    title: str
    url: str = Field(description="The original article at its source.")
    page_url: str = Field(description="The article's page on this site.")
    source: str = Field(description="Slug of the source.")
    source_name: str
    section: str | None
    language: str | None
    published_at: datetime | None = Field(description="ISO 8601, UTC.")
    excerpt: str
    image_url: str | None = Field(
        description="Jarida's copy of the lead image (never the outlet's address); null when "
        "there is none, it is not stored yet, or it was withdrawn."
    )
    image_id: int | None = Field(description="Names the image for POST /api/images/{id}/reports.")
    image_blocked: bool = Field(description="True when the image was withdrawn after reports.")
    duplicate_of: int | None = Field(
        default=None,
        description="Id of the original this article republishes (a syndicated copy), else null.",
    )

    @classmethod
    def of(cls, article: Article, base_url: str, duplicate_of: int | None = None
           ) -> ArticleItem:
        return cls(**_item_fields(article, base_url), duplicate_of=duplicate_of)


class ArticleDetail(ArticleItem):
    author: str | None
    text: str
    html: str = Field(description="Sanitised HTML of the article body (empty in excerpt mode).")
    updated_at: datetime
    extraction: Literal["full", "fallback"] = Field(
        description="`fallback`: the page gave no article text; title and text come from "
        "the feed entry or the page's metadata (read the original at `url`).")
    story_id: int | None = Field(
        default=None, description="The story (GET /api/stories/{id}); null while alone.")

    @classmethod
    def of_full(cls, article: Article, base_url: str, *, excerpt_only: bool,
                duplicate_of: int | None = None, story_id: int | None = None) -> ArticleDetail:
        return cls(
            **_item_fields(article, base_url),
            duplicate_of=duplicate_of,
            author=article.author,
            text=article.excerpt if excerpt_only else article.text,
            html="" if excerpt_only else article.html,
            updated_at=article.updated_at.astimezone(UTC),
            extraction=article.extraction,
            story_id=story_id,
        )


class SearchItem(ArticleItem):
    snippet: str = Field(description="HTML: escaped text with matches in <mark>.")


def _item_fields(article: Article, base_url: str) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "url": article.url,
        "page_url": f"{base_url.rstrip('/')}/articles/{article.id}",
        "source": article.source_slug,
        "source_name": article.source_name,
        "section": article.section,
        "language": article.language,
        "published_at": article.published_at.astimezone(UTC) if article.published_at else None,
        "excerpt": article.excerpt,
        **image_api_fields(article, base_url),
    }


class ArticlePage(BaseModel):
    items: list[ArticleItem]
    next_cursor: str | None = Field(
        description="Pass as ?cursor= for the next page; null on the last page."
    )


class SearchPage(BaseModel):
    items: list[SearchItem]
    next_cursor: str | None


class SourceItem(BaseModel):
    slug: str
    name: str
    homepage: str | None
    languages: list[str]
    country: str | None
    section: str | None
    mode: str
    articles: int
    feed_url: str

    @classmethod
    def of(cls, source: Source, count: int, base_url: str) -> SourceItem:
        return cls(
            slug=source.slug,
            name=source.name,
            homepage=source.homepage,
            languages=list(source.languages),
            country=source.country,
            section=source.section,
            mode=source.mode,
            articles=count,
            feed_url=f"{base_url.rstrip('/')}/sources/{source.slug}/feed.rss",
        )


class SectionItem(BaseModel):
    name: str
    articles: int


class Problem(BaseModel):
    """RFC 9457 problem details."""

    type: str
    title: str
    status: int
    detail: str


class ValidationProblem(Problem):
    """Problem details for invalid parameters, listing each one."""

    errors: list[dict[str, Any]] = Field(
        default_factory=list,
        description="One entry per invalid parameter: loc (where, as a list) and msg.",
    )
