"""Article lists: latest, per source, per section, per day; keyset-paginated with ?cursor=."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import quote, urlencode

from fastapi import APIRouter, HTTPException, Request, Response

from jarida.storage import ArticleFilter
from jarida.storage import articles as store
from jarida.storage import sources as registry
from jarida.storage.copies import copy_links
from jarida.web.deps import READ_METHODS, app_state, cached_page, interface, known_sections
from jarida.web.query import archive_date, day_bounds, language_param

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 20


def _feed_links(base: str, lang: str | None) -> dict[str, str]:
    query = "?" + urlencode({"lang": lang}) if lang else ""
    return {"rss": f"{base}.rss{query}", "atom": f"{base}.atom{query}"}


def _list_page(
    request: Request,
    filters: ArticleFilter,
    heading: str,
    feed_base: str,
    *,
    intro: str | None = None,
    day_links: tuple[str, str] | None = None,
    check: str | None = None,
    section: str | None = None,
) -> Response:
    state, ui = app_state(request), interface(request)
    lang = language_param(request.query_params.get("lang"))
    cursor = request.query_params.get("cursor") or None
    filters = ArticleFilter(
        source=filters.source,
        section=filters.section,
        language=lang,
        since=filters.since,
        until=filters.until,
        once=filters.source is None,  # an outlet's own list shows all it published
    )

    def render() -> bytes:
        with state.database.read() as conn:
            title = heading
            if check is not None:
                source = registry.source_by_slug(conn, check)
                if source is None:
                    raise HTTPException(404, "This source does not exist.")
                title = source.name
            if section is not None and section not in known_sections(state, conn):
                raise HTTPException(404, "This section does not exist.")
            page = store.list_articles(conn, filters, limit=PAGE_SIZE, cursor=cursor)
            copies = copy_links(conn, [a.id for a in page.items])
        return state.renderer.render(
            "list.html",
            request,
            ui,
            heading=title,
            intro=intro,
            page=page,
            feed_links=_feed_links(feed_base, lang),
            day_links=day_links,
            copy_links=copies,
        )

    return cached_page(request, ui, render)


@router.api_route("/articles", methods=READ_METHODS)
def latest(request: Request) -> Response:
    ui = interface(request)
    return _list_page(request, ArticleFilter(), ui.gettext("Latest news"), "/feed")


@router.api_route("/sources", methods=READ_METHODS)
def sources_index(request: Request) -> Response:
    state, ui = app_state(request), interface(request)

    def render() -> bytes:
        with state.database.read() as conn:
            sources = registry.all_sources(conn)
            counts = store.count_articles_by(conn, "source")
            sections = known_sections(state, conn)
        return state.renderer.render(
            "sources.html", request, ui, sources=sources, counts=counts, sections=sections
        )

    return cached_page(request, ui, render)


@router.api_route("/sources/{slug}", methods=READ_METHODS)
def source_page(request: Request, slug: str) -> Response:
    base = f"/sources/{quote(slug, safe='')}/feed"
    return _list_page(request, ArticleFilter(source=slug), slug, base, check=slug)


@router.api_route("/sections/{name}", methods=READ_METHODS)
def section_page(request: Request, name: str) -> Response:
    base = f"/sections/{quote(name, safe='')}/feed"
    return _list_page(request, ArticleFilter(section=name), name, base, section=name)


@router.api_route("/archive/{year}/{month}/{day}", methods=READ_METHODS)
def archive_day(request: Request, year: str, month: str, day: str) -> Response:
    ui = interface(request)
    when = archive_date(year, month, day)
    since, until = day_bounds(when, app_state(request).settings.timezone)
    prev_day, next_day = when - timedelta(days=1), when + timedelta(days=1)
    links = (f"/archive/{prev_day:%Y/%m/%d}", f"/archive/{next_day:%Y/%m/%d}")
    feed = f"/archive/{when:%Y/%m/%d}/feed"
    heading = ui.gettext("Articles of %(day)s", day=ui.long_date(since + timedelta(hours=12)))
    return _list_page(
        request, ArticleFilter(since=since, until=until), heading, feed, day_links=links
    )
