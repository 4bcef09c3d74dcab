"""Feed, sitemap and OPML routes: every list on the site has its RSS and Atom twin."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Request, Response

from jarida.model import Article
from jarida.storage import ArticleFilter
from jarida.storage import articles as store
from jarida.storage import sources as registry
from jarida.storage.search import search_ids
from jarida.storage.web_queries import articles_by_ids
from jarida.web.deps import READ_METHODS, absolute, app_state, cached, known_sections
from jarida.web.feeds import Credit, FeedMeta, build_atom, build_rss
from jarida.web.i18n import DEFAULT_LANGUAGE, LANGUAGES, Interface
from jarida.web.query import SearchForm, archive_date, check_params, day_bounds, language_param
from jarida.web.render import original_url
from jarida.web.sitemaps import build_news_sitemap, build_opml, build_sitemap

router = APIRouter(include_in_schema=False)

FEED_SIZE = 50
MEDIA = {"rss": "application/rss+xml; charset=utf-8", "atom": "application/atom+xml; charset=utf-8"}
XML = "application/xml; charset=utf-8"


def _credit(request: Request, timezone: str) -> Callable[[Article], Credit]:
    """Each item's outlet and attribution line, in the article's own language when the
    site speaks it (in French otherwise)."""

    def credit(article: Article) -> Credit:
        lang = article.language if article.language in LANGUAGES else DEFAULT_LANGUAGE
        ui = Interface(lang=lang, timezone=timezone)
        slug = quote(article.source_slug, safe="")
        return Credit(
            outlet=article.source_name,
            outlet_feed=absolute(request, f"/sources/{slug}/feed.rss"),
            original=original_url(article.canonical_url, article.url),
            line=ui.attribution_text(article.source_name, article.published_at),
        )

    return credit


def _feed(
    request: Request, fmt: str, filters: ArticleFilter, title: str, home: str, q: str = ""
) -> Response:
    """A feed of `filters`; a source's feed is titled with the outlet's name."""
    if fmt not in MEDIA:
        raise HTTPException(404, "Feeds exist as .rss and .atom.")
    check_params(request.query_params)
    state = app_state(request)
    site = state.settings.site_name

    def page_url(article: Article) -> str:
        return absolute(request, f"/articles/{article.id}")

    def render() -> tuple[bytes, str]:
        name = title
        with state.database.read() as conn:
            if filters.source:
                source = registry.source_by_slug(conn, filters.source)
                if source is None:
                    raise HTTPException(404, "This source does not exist.")
                name = name if q else source.name
            if filters.section and filters.section not in known_sections(state, conn):
                raise HTTPException(404, "This section does not exist.")
            if q:
                ids = search_ids(conn, q, filters, sort="date", limit=FEED_SIZE).ids
                items = articles_by_ids(conn, ids)
            else:
                items = store.list_articles(conn, filters, limit=FEED_SIZE).items
        self_url = absolute(request, request.url.path)
        if request.url.query:
            self_url += "?" + request.url.query
        meta = FeedMeta(
            title=f"{name} · {site}" if name != site else site,
            self_url=self_url,
            home_url=absolute(request, home),
            description=f"{name} — {site}",
            language=filters.language,
            base_url=state.settings.base_url,
        )
        build = build_rss if fmt == "rss" else build_atom
        credit = _credit(request, state.settings.timezone)
        return build(meta, items, page_url, credit), MEDIA[fmt]

    return cached(request, ("feed", request.url.path, request.url.query), render, max_age=300)


@router.api_route("/feed.{fmt}", methods=READ_METHODS)
def site_feed(request: Request, fmt: str) -> Response:
    """All articles, or narrowed by ?source=, ?section=, ?lang=, ?since=, ?until=, ?q=."""
    state = app_state(request)
    check_params(request.query_params)
    form = SearchForm.from_params(dict(request.query_params))
    language_param(form.lang)
    filters = form.article_filter(state.settings.timezone)
    title = f"« {form.q} »" if form.q else state.settings.site_name
    home = "/search?" + request.url.query if form.q else "/articles"
    return _feed(request, fmt, filters, title, home, form.q)


@router.api_route("/sources/{slug}/feed.{fmt}", methods=READ_METHODS)
def source_feed(request: Request, slug: str, fmt: str) -> Response:
    lang = language_param(request.query_params.get("lang"))
    filters = ArticleFilter(source=slug, language=lang)
    return _feed(request, fmt, filters, slug, f"/sources/{quote(slug, safe='')}")


@router.api_route("/sections/{name}/feed.{fmt}", methods=READ_METHODS)
def section_feed(request: Request, name: str, fmt: str) -> Response:
    lang = language_param(request.query_params.get("lang"))
    filters = ArticleFilter(section=name, language=lang)
    return _feed(request, fmt, filters, name, f"/sections/{quote(name, safe='')}")


@router.api_route("/archive/{year}/{month}/{day}/feed.{fmt}", methods=READ_METHODS)
def archive_feed(request: Request, year: str, month: str, day: str, fmt: str) -> Response:
    when = archive_date(year, month, day)
    since, until = day_bounds(when, app_state(request).settings.timezone)
    lang = language_param(request.query_params.get("lang"))
    filters = ArticleFilter(since=since, until=until, language=lang)
    return _feed(request, fmt, filters, when.isoformat(), f"/archive/{when:%Y/%m/%d}")


@router.api_route("/sitemap.xml", methods=READ_METHODS)
def sitemap(request: Request) -> Response:
    state = app_state(request)

    def render() -> tuple[bytes, str]:
        with state.database.read() as conn:
            sources = registry.all_sources(conn)
            sections = known_sections(state, conn)
            items = store.list_articles(conn, ArticleFilter(), limit=5000).items
        pages = [absolute(request, p) for p in ("/", "/articles", "/sources")]
        pages += [absolute(request, f"/sources/{quote(s.slug, safe='')}") for s in sources]
        pages += [absolute(request, f"/sections/{quote(n, safe='')}") for n in sections]
        body = build_sitemap(pages, items, lambda a: absolute(request, f"/articles/{a.id}"))
        return body, XML

    return cached(request, ("sitemap",), render, max_age=600)


@router.api_route("/sitemap-news.xml", methods=READ_METHODS)
def news_sitemap(request: Request) -> Response:
    state = app_state(request)

    def render() -> tuple[bytes, str]:
        since = datetime.now(UTC) - timedelta(days=2)
        with state.database.read() as conn:
            items = store.list_articles(conn, ArticleFilter(since=since), limit=1000).items
        body = build_news_sitemap(
            items, lambda a: absolute(request, f"/articles/{a.id}"), state.settings.site_name
        )
        return body, XML

    return cached(request, ("news-sitemap",), render, max_age=300)


@router.api_route("/sources.opml", methods=READ_METHODS)
def sources_opml(request: Request) -> Response:
    state = app_state(request)

    def render() -> tuple[bytes, str]:
        with state.database.read() as conn:
            sources = registry.all_sources(conn)
        body = build_opml(
            state.settings.site_name,
            sources,
            lambda s: absolute(request, f"/sources/{quote(s.slug, safe='')}/feed.rss"),
        )
        return body, "text/x-opml; charset=utf-8"

    return cached(request, ("opml",), render, max_age=600)


@router.api_route("/robots.txt", methods=READ_METHODS)
def robots(request: Request) -> Response:
    lines = [
        "User-agent: *",
        "Disallow: /api/",
        f"Sitemap: {absolute(request, '/sitemap.xml')}",
        f"Sitemap: {absolute(request, '/sitemap-news.xml')}",
    ]
    return Response("\n".join(lines) + "\n", media_type="text/plain; charset=utf-8")
