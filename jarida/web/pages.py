"""Home, article page and language switch."""

from __future__ import annotations

import asyncio
from functools import lru_cache
from urllib.parse import urlsplit

import nh3
from babel import Locale, UnknownLocaleError
from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.responses import RedirectResponse
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool

from jarida.storage import ArticleFilter
from jarida.storage import articles as store
from jarida.storage.copies import copy_links
from jarida.storage.web_queries import ArticleView, article_view
from jarida.web.deps import (
    READ_METHODS,
    AppState,
    absolute,
    app_state,
    cached_page,
    interface,
    reads_are_local,
)
from jarida.web.i18n import COOKIE_NAME, LANGUAGES, REGIONAL_LOCALES, Interface
from jarida.web.imagery import lead_image
from jarida.web.query import ArticleId, language_param
from jarida.web.render import json_script, original_url
from jarida.web.story_views import related_to, top_story_cards

router = APIRouter(include_in_schema=False)

HEADLINES = 30
SECTIONS_ON_HOME = 8
PER_SECTION = 4


@router.api_route("/", methods=READ_METHODS)
def home(request: Request) -> Response:
    state, ui = app_state(request), interface(request)
    lang = language_param(request.query_params.get("lang"))

    def render() -> bytes:
        with state.database.read() as conn:
            headlines = store.latest_headlines(conn, HEADLINES)
            counts = store.count_articles_by(conn, "section")
            sections = sorted((n for n in counts if n), key=lambda n: (-counts[n], n))
            sections = sections[:SECTIONS_ON_HOME]
            by_section = [
                (name, page.items)
                for name in sections
                if (
                    page := store.list_articles(
                        conn, ArticleFilter(section=name, language=lang, once=True),
                        limit=PER_SECTION,
                    )
                ).items
            ]
            latest = store.list_articles(
                conn, ArticleFilter(language=lang, once=True), limit=10
            ).items
            shown = [a.id for a in headlines] + [a.id for a in latest]
            shown += [a.id for _, items in by_section for a in items]
            copies = copy_links(conn, shown)
            top_stories = top_story_cards(conn, ui.lang)
        return state.renderer.render(
            "home.html", request, ui, headlines=headlines, by_section=by_section, latest=latest,
            copy_links=copies, top_stories=top_stories,
        )

    return cached_page(request, ui, render)


@lru_cache(maxsize=256)
def _language_name(code: str | None, interface_lang: str) -> str:
    """An article's language named in the interface language (Babel's data never changes)."""
    if not code:
        return ""
    try:
        return str(Locale.parse(code).get_display_name(interface_lang) or code)
    except (UnknownLocaleError, ValueError):
        return code


def _json_ld(article: ArticleView, page_url: str, original: str, image_url: str | None
             ) -> dict[str, object]:
    """schema.org NewsArticle describing the original, published by its outlet."""
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "url": page_url,
        "isBasedOn": original,
        "mainEntityOfPage": original,
        "publisher": {"@type": "Organization", "name": article.source_name},
        "dateModified": article.updated_at.isoformat(),
    }
    if article.published_at:
        data["datePublished"] = article.published_at.isoformat()
    if article.author:
        data["author"] = {"@type": "Person", "name": article.author}
    if article.language:
        data["inLanguage"] = article.language
    if article.section:
        data["articleSection"] = article.section
    if image_url:
        data["image"] = [image_url]
    if article.excerpt:
        data["description"] = article.excerpt
    return data


# HTML from the crawler was sanitised at extraction (jarida.extract.sanitize_html, a stricter
# allow-list), but storage.articles.save_articles and storage.bulk store whatever HTML they are
# given, so every render cleans it again with nh3's defaults: one cleaner, built once
# (nh3.clean sets one up on every call).
_CLEANER = nh3.Cleaner()


def article_response(state: AppState, ui: Interface, request: Request, article_id: int
                     ) -> Response:
    """An article's page from the page cache, rendered and cached first when missing, with
    ETag and 304 handling (`deps.cached_page`, with the state given). Raises
    HTTPException 404 for an unknown or removed article.

    Reached from the routed `article_page` and from the uncached-article shortcut
    (jarida.web.fastpath.answer_article), which has no application object to find the
    state on: everything the page needs comes from `state`, `ui` and the request's scope.
    """

    def render() -> bytes:
        with state.database.read() as conn:
            article = article_view(conn, article_id)
            links = copy_links(conn, [article_id]).get(article_id)
            related = related_to(conn, article_id, article.language) if article else None
        if article is None or article.status == "removed":
            raise HTTPException(404, "This article does not exist.")
        if article.hidden_at is not None:
            raise HTTPException(410, "This article was withdrawn by a moderator.")
        excerpt_only = article.source_mode == "excerpt"
        fallback = article.extraction == "fallback"
        body_html: Markup | None = None
        paragraphs: list[str] = []
        if excerpt_only or fallback:  # a fallback's text is only its summary or title
            paragraphs = [article.excerpt] if article.excerpt else []
        elif article.html.strip():
            body_html = Markup(_CLEANER.clean(article.html))  # noqa: S704
        else:
            paragraphs = [p for p in article.text.split("\n") if p.strip()]
        shown = lead_image(article)
        image = absolute(request, shown.largest, state) if shown and not shown.blocked else None
        original = original_url(article.canonical_url, article.url)
        page_url = absolute(request, f"/articles/{article.id}", state)
        return state.renderer.render(
            "article.html",
            request,
            ui,
            article=article,
            original_url=original,
            attribution=ui.attribution(article.source_name, article.published_at),
            attribution_text=ui.attribution_text(article.source_name, article.published_at),
            content_locale=REGIONAL_LOCALES.get(article.language or "", ui.region),
            body_html=body_html,
            paragraphs=paragraphs,
            excerpt_only=excerpt_only,
            fallback=fallback,
            image_url=image,
            lead=shown,
            language_name=_language_name(article.language, ui.lang),
            json_ld=json_script(_json_ld(article, page_url, original, image)),
            copy_of=links.original if links else None,
            republished_by=links.copies if links else [],
            related=related,
        )

    return cached_page(request, ui, render, state=state)


def _render_article(request: Request, article_id: int) -> Response:
    return article_response(app_state(request), interface(request), request, article_id)


@router.api_route("/articles/{article_id}", methods=READ_METHODS)
async def article_page(request: Request, article_id: ArticleId) -> Response:
    """Rendered on the event loop when reads are local (a SQLite file: an indexed read of
    tens of microseconds, less than the hop to a worker thread and back costs), in a worker
    thread otherwise (PostgreSQL: a network round trip).

    On the loop, the request first yields once, so that requests which arrived meanwhile are
    taken in before this one renders: without it, under 50 busy connections to one process,
    a few connections waited up to a second while the others were served (measured).
    """
    if reads_are_local(app_state(request)):
        await asyncio.sleep(0)
        return _render_article(request, article_id)
    return await run_in_threadpool(_render_article, request, article_id)


def _local_path(target: str | None) -> str:
    """Only same-site paths: the switch must not become an open redirect."""
    if not target:
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    if "\\" in target:
        return "/"
    return target


@router.api_route("/lang/{code}", methods=READ_METHODS)
def switch_language(code: str, request: Request) -> Response:
    if code not in LANGUAGES:
        raise HTTPException(404, "Unknown interface language.")
    response = RedirectResponse(_local_path(request.query_params.get("next")), status_code=303)
    response.set_cookie(
        COOKIE_NAME, code, max_age=365 * 24 * 3600, samesite="lax", httponly=True
    )
    return response
