"""Home, article page, language switch and the image-report placeholder."""

from __future__ import annotations

from typing import cast
from urllib.parse import urlsplit

import nh3
from babel import Locale, UnknownLocaleError
from fastapi import APIRouter, HTTPException, Request, Response
from fastapi.responses import RedirectResponse
from markupsafe import Markup

from jarida.model import Article, Source
from jarida.storage import ArticleFilter
from jarida.storage import articles as store
from jarida.storage import sources as registry
from jarida.web.deps import READ_METHODS, absolute, app_state, cached_page, interface
from jarida.web.i18n import COOKIE_NAME, LANGUAGES, Interface
from jarida.web.problems import problem
from jarida.web.query import ArticleId
from jarida.web.render import json_script, safe_url

router = APIRouter(include_in_schema=False)

HEADLINES = 30
SECTIONS_ON_HOME = 8
PER_SECTION = 4


@router.api_route("/", methods=READ_METHODS)
def home(request: Request) -> Response:
    state, ui = app_state(request), interface(request)
    lang = request.query_params.get("lang") or None

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
                        conn, ArticleFilter(section=name, language=lang), limit=PER_SECTION
                    )
                ).items
            ]
            latest = store.list_articles(conn, ArticleFilter(language=lang), limit=10).items
        return state.renderer.render(
            "home.html", request, ui, headlines=headlines, by_section=by_section, latest=latest
        )

    return cached_page(request, ui, render)


def _language_name(code: str | None, ui: Interface) -> str:
    if not code:
        return ""
    try:
        return str(Locale.parse(code).get_display_name(ui.lang) or code)
    except (UnknownLocaleError, ValueError):
        return code


def _json_ld(article: Article, page_url: str, image_url: str | None) -> dict[str, object]:
    """schema.org NewsArticle describing the original, published by its outlet."""
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "url": page_url,
        "isBasedOn": safe_url(article.url),
        "mainEntityOfPage": safe_url(article.url),
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


@router.api_route("/articles/{article_id}", methods=READ_METHODS)
def article_page(request: Request, article_id: ArticleId) -> Response:
    state, ui = app_state(request), interface(request)

    def render() -> bytes:
        version = state.versions.current().fingerprint
        with state.database.read() as conn:
            article = store.article_by_id(conn, article_id)
            source = None
            if article is not None:
                source_id = article.source_id
                # A handful of sources serve every article: read each once per data version.
                source = cast(Source | None, state.memo.get(
                    version, ("source", source_id),
                    lambda: registry.source_by_id(conn, source_id),
                ))
        if article is None or article.status == "removed":
            raise HTTPException(404, ui.gettext("This article does not exist."))
        excerpt_only = source is not None and source.mode == "excerpt"
        body_html: Markup | None = None
        paragraphs: list[str] = []
        if excerpt_only:
            paragraphs = [article.excerpt] if article.excerpt else []
        elif article.html.strip():
            # Stored HTML was sanitised at extraction; cleaning again costs little.
            body_html = Markup(nh3.clean(article.html))  # noqa: S704
        else:
            paragraphs = [p for p in article.text.split("\n") if p.strip()]
        image_url = safe_url(article.image_url)
        image = image_url if image_url != "#" else None
        page_url = absolute(request, f"/articles/{article.id}")
        return state.renderer.render(
            "article.html",
            request,
            ui,
            article=article,
            attribution=ui.attribution(article.source_name, article.published_at),
            body_html=body_html,
            paragraphs=paragraphs,
            excerpt_only=excerpt_only,
            image_url=image,
            language_name=_language_name(article.language, ui),
            json_ld=json_script(_json_ld(article, page_url, image)),
        )

    return cached_page(request, ui, render)


@router.post("/articles/{article_id}/report-image")
def report_image(article_id: int) -> Response:
    """Placeholder until the moderation issue lands: the form exists, the action does not."""
    return problem(
        501,
        "Reporting images is not available yet.",
        kind="not-implemented",
        article_id=article_id,
    )


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
