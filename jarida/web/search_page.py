"""The search page: full-text results with highlighted snippets, filters and sort."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from jarida.model import Article, Source
from jarida.storage import sources as registry
from jarida.storage.search import search_ids
from jarida.storage.search_budget import (
    MAX_QUERY_CHARS,
    MAX_QUERY_TERMS,
    QueryTooLong,
    SearchTimeout,
)
from jarida.storage.searchtext import query_terms
from jarida.storage.snippets import make_snippet
from jarida.storage.web_queries import articles_by_ids
from jarida.web.deps import READ_METHODS, app_state, cached_page, interface, known_sections
from jarida.web.query import SearchForm

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 20


def snippet_terms(query: str) -> list[str]:
    """Terms to highlight: the single words, and each quoted phrase as a whole."""
    words, phrases = query_terms(query)
    return words + phrases


def snippet_text(article: Article, excerpt_only: bool) -> str:
    """What a snippet may quote: the excerpt alone for an excerpt-only source (never its
    text, which the publisher lets us index but not show), else the whole text."""
    if excerpt_only:
        return article.excerpt or article.title
    return article.text or article.title


def excerpt_only_ids(sources: list[Source]) -> set[int]:
    return {s.id for s in sources if s.mode == "excerpt"}


def snippet_for(article: Article, terms: list[str], excerpt_only: set[int]) -> Markup:
    """make_snippet escapes the text and only adds <mark>, so the result is safe markup."""
    text = snippet_text(article, article.source_id in excerpt_only)
    return Markup(make_snippet(text, terms))  # noqa: S704


@router.api_route("/search", methods=READ_METHODS)
def search_page(request: Request) -> Response:
    state, ui = app_state(request), interface(request)
    form = SearchForm.from_params(dict(request.query_params))
    cursor = request.query_params.get("cursor") or None
    filters = form.article_filter(state.settings.timezone)
    feed_query = urlencode(
        {k: v for k, v in vars(form).items() if v and k not in ("sort",)}
    )
    feed_links = {"rss": f"/feed.rss?{feed_query}", "atom": f"/feed.atom?{feed_query}"}

    def render(problem: str = "") -> bytes:
        items: list[Article] = []
        next_cursor = None
        outlet: str | None = None
        with state.database.read() as conn:
            if form.q and not problem:
                result = search_ids(
                    conn,
                    form.q,
                    filters,
                    sort="date" if form.sort == "date" else "relevance",
                    limit=PAGE_SIZE,
                    cursor=cursor,
                )
                items = articles_by_ids(conn, result.ids)
                next_cursor, outlet = result.next_cursor, result.outlet
            sources = registry.all_sources(conn)
            sections = known_sections(state, conn)
        terms = snippet_terms(form.q) if not problem else []
        excerpt_only = excerpt_only_ids(sources)
        snippets = {a.id: snippet_for(a, terms, excerpt_only) for a in items}
        return state.renderer.render(
            "search.html",
            request,
            ui,
            form=form,
            items=items,
            snippets=snippets,
            next_cursor=next_cursor,
            sources=sources,
            sections=sections,
            feed_links=feed_links,
            problem=problem,
            outlet=outlet,
        )

    try:
        return cached_page(request, ui, render, max_age=30)
    except QueryTooLong:
        message = ui.gettext(
            "This search is too long: it may hold at most %(terms)s different words and %(chars)s characters.",  # noqa: E501
            terms=MAX_QUERY_TERMS, chars=MAX_QUERY_CHARS)
        return HTMLResponse(render(message), status_code=422)
    except SearchTimeout:
        message = ui.gettext("This search took too long. Try fewer or more precise words.")
        return HTMLResponse(render(message), status_code=503, headers={"Retry-After": "5"})
