"""Dates as stored by a crawl: a future date is not on top, a relative date and an
outlet dateline are stored at the right UTC time, the dateline not in the text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from html import escape

from jarida.model import FeedSpec, SourceSpec
from jarida.settings import Settings
from jarida.sources.enroll import enroll_sources
from jarida.storage import Database
from tests.pipeline.site import PARAGRAPHS
from tests.pipeline.test_crawl import all_articles, crawl
from tests.webserver import TestServer


def _page(title: str, head: str = "", printed: str = "", tail: str = "") -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in PARAGRAPHS)
    return (f'<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{title}</title>'
            f'{head}</head><body><article><h1>{title}</h1><p class="date">{printed}</p>'
            f"{body}<p>{tail}</p></article></body></html>")


def _site(web: TestServer, pages: dict[str, str]) -> None:
    """The pages and an RSS feed listing them with no <pubDate>: the pages' dates count."""
    items = []
    for slug, html in pages.items():
        web.route(f"/a/{slug}", html, headers={"Content-Type": "text/html; charset=utf-8"})
        items.append(f"<item><title>Article {slug}</title><link>{web.url(f'/a/{slug}')}</link>"
                     f"<guid>{slug}</guid></item>")
    web.route("/feed.xml", '<?xml version="1.0"?><rss version="2.0"><channel><title>J</title>'
              f"<link>http://example/</link>{''.join(items)}</channel></rss>",
              headers={"Content-Type": "application/rss+xml"})


def _register(db: Database, url: str, zone: str) -> None:
    with db.write() as conn:
        enroll_sources(conn, [SourceSpec(slug="j", name="Le Journal Test", languages=("fr",),
                                         timezone=zone, feeds=(FeedSpec(url=url, kind="rss"),))])


def test_future_relative_and_dateline_dates_are_stored_right(
    web: TestServer, settings: Settings, db: Database
) -> None:
    past = datetime(2026, 11, 2, 8, 30, tzinfo=UTC)
    _site(web, {
        "future": _page("Futur", '<meta property="article:published_time" '
                                 'content="2100-01-01T00:00:00Z">'),
        "past": _page("Passé", f'<meta property="article:published_time" '
                               f'content="{past.isoformat()}">'),
        "relative": _page("Relatif", printed="il y a 3 heures"),
        "dateline": _page("Repris", tail="Publié dans Hespress le 24 - 11 - 2020"),
    })
    _register(db, web.url("/feed.xml"), "America/New_York")
    crawl(settings, db)
    stored = {a.title: a for a in all_articles(db)}
    assert set(stored) == {"Futur", "Passé", "Relatif", "Repris"}
    assert stored["Futur"].published_at is None  # not trusted: sorts by its fetch time
    assert stored["Passé"].published_at == past
    relative = stored["Relatif"]
    assert relative.published_at is not None
    shift = relative.fetched_at - relative.published_at
    assert timedelta(hours=3) - timedelta(minutes=2) <= shift <= timedelta(hours=3, minutes=2)
    dated = stored["Repris"]
    assert dated.published_at == datetime(2020, 11, 24, 5, 0, tzinfo=UTC)  # midnight in NY
    assert "Hespress" not in dated.text and "Hespress" not in (dated.excerpt or "")
