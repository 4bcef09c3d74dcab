"""Excerpt-only outlets: no output of the site carries more of an article than its excerpt.

Articles are generated for both publishing modes, each with a distinctive word that only
its full text holds. For an excerpt-only outlet that word must appear in no output (pages,
their OpenGraph and JSON-LD, the JSON API, feeds, sitemaps); for a full-text outlet it
must appear on the article page (so the check can tell the modes apart). Search results
and snippets are outputs too.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from itertools import count
from urllib.parse import quote

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jarida.model import ArticleRecord
from jarida.storage import articles as store
from tests.web.seeding import T0, Seeded

_serial = count()
words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéàçعربي ", min_size=0, max_size=60)
SECRET = st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=10, max_size=16)


def outputs(article_id: int, slug: str, section: str) -> list[str]:
    """Every address whose answer may show this article."""
    sec = quote(section, safe="")
    return [
        "/", "/articles", f"/sources/{slug}", f"/sections/{sec}", "/archive/2026/11/21",
        f"/articles/{article_id}",
        "/api/articles", f"/api/articles/{article_id}", f"/api/articles?source={slug}",
        "/feed.rss", "/feed.atom", f"/sources/{slug}/feed.rss", f"/sources/{slug}/feed.atom",
        f"/sections/{sec}/feed.rss", "/archive/2026/11/21/feed.atom",
        "/sitemap.xml", "/sitemap-news.xml", "/sources.opml",
    ]


def search_outputs(article_id: int, slug: str, section: str) -> list[str]:
    """Search results and snippets, for a word of the hidden text and one of the title."""
    return ["/search?q=fin", "/api/search?q=fin", "/search?q=Titre", "/api/search?q=Titre",
            f"/search?q=fin&source={slug}", "/api/search?q=fin&sort=date"]


OUTPUTS: list[Callable[[int, str, str], list[str]]] = [outputs, search_outputs]


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(excerpt=words, lead=words, secret=SECRET, excerpt_only=st.booleans(),
       with_html=st.booleans())
def test_text_beyond_the_excerpt_never_leaves_an_excerpt_only_outlet(
    client: TestClient, seeded: Seeded, excerpt: str, lead: str, secret: str,
    excerpt_only: bool, with_html: bool,
) -> None:
    n = next(_serial)
    slug = "elfaro" if excerpt_only else "lematin"
    section = "Deportes" if excerpt_only else "Politique"
    hidden = f"{lead} zq{secret}x{n}qz fin"
    record = ArticleRecord(
        source_id=seeded.source_ids[slug], feed_id=None, url=f"https://news.example/p{n}",
        canonical_url=f"https://news.example/p{n}", title=f"Titre {n}",
        text=f"{excerpt}\n{hidden}", html=f"<p>{excerpt}</p><p>{hidden}</p>" if with_html else "",
        excerpt=excerpt, content_hash=f"p{n}", fetched_at=T0 + timedelta(days=1, minutes=n),
        published_at=T0 + timedelta(days=1, minutes=n), language="es", section=section,
    )
    with seeded.db.write() as conn:
        (saved,) = store.save_articles(conn, [record])
    marker = f"zq{secret}x{n}qz"  # unique: earlier examples' articles stay in the database
    for build in OUTPUTS:
        for path in build(saved.article_id, slug, section):
            response = client.get(path)
            assert response.status_code == 200, path
            assert (marker in response.text) is False or not excerpt_only, path
    page = client.get(f"/articles/{saved.article_id}").text
    assert (marker in page) is not excerpt_only
    found = client.get("/api/search", params={"q": marker}).json()["items"]
    assert [i["id"] for i in found] == [saved.article_id]  # search reaches the article...
    assert (marker in str(found)) is not excerpt_only  # ...and quotes only what it may
