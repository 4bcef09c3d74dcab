"""The article page's read path: one query, the text only when needed, the cached chrome."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from jinja2 import meta
from lxml import html as lxml_html
from sqlalchemy import event

from jarida.model import ArticleRecord
from jarida.storage import articles as store
from jarida.storage.web_queries import article_view
from jarida.web import pages
from jarida.web.caching import weak_etag
from jarida.web.deps import reads_are_local
from tests.pgschema import PG_URL, throwaway_schema
from tests.web.seeding import T0, Seeded, seed


def _store(seeded: Seeded, source: str, key: str, **kw: Any) -> int:
    values: dict[str, Any] = {
        "source_id": seeded.source_ids[source], "feed_id": None,
        "url": f"https://news.example/{key}", "canonical_url": f"https://news.example/{key}",
        "title": f"Titre {key}", "text": "Premier paragraphe.\n\nSecond paragraphe.",
        "html": "", "excerpt": f"Résumé {key}", "content_hash": f"h-{key}",
        "fetched_at": T0, "published_at": T0, "language": "fr",
    }
    values.update(kw)
    with seeded.db.write() as conn:
        (result,) = store.save_articles(conn, [ArticleRecord(**values)])
    return result.article_id


@pytest.fixture
def statements(seeded: Seeded) -> Iterator[list[str]]:
    """SQL sent to the database while the test runs."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(" ".join(statement.split()))

    event.listen(seeded.db.engine, "before_cursor_execute", record)
    yield seen
    event.remove(seeded.db.engine, "before_cursor_execute", record)


def _reads_text(sql: str) -> bool:
    return re.search(r"\barticles\.text\b", sql) is not None


def _article_queries(statements: list[str]) -> list[str]:
    return [s for s in statements if "FROM articles JOIN sources" in s or _reads_text(s)]


def test_article_with_html_is_one_query_without_the_text(
    client: TestClient, seeded: Seeded, statements: list[str]
) -> None:
    response = client.get(f"/articles/{seeded.ids['fr1']}")
    assert response.status_code == 200
    assert "article fr1.</p>" in response.text
    queries = _article_queries(statements)
    assert len(queries) == 1, queries
    assert not _reads_text(queries[0])


def test_article_without_html_shows_its_text_in_paragraphs(
    client: TestClient, seeded: Seeded, statements: list[str]
) -> None:
    article_id = _store(seeded, "lematin", "sans-html", html="  \n ")
    statements.clear()
    response = client.get(f"/articles/{article_id}")
    assert response.status_code == 200
    body = lxml_html.fromstring(response.text).cssselect("div.article-body")[0]
    assert [p.text for p in body.cssselect("p")] == ["Premier paragraphe.", "Second paragraphe."]
    assert sum(_reads_text(s) for s in _article_queries(statements)) == 1


def test_excerpt_only_source_never_reads_the_text(
    client: TestClient, seeded: Seeded, statements: list[str]
) -> None:
    article_id = _store(seeded, "elfaro", "extracto", html="", language="es",
                        text="Texto completo secreto.", excerpt="Solo el extracto.")
    statements.clear()
    response = client.get(f"/articles/{article_id}")
    assert response.status_code == 200
    assert "Solo el extracto." in response.text and "secreto" not in response.text
    assert not any(_reads_text(s) for s in _article_queries(statements))


_VIEW_FIELDS = ("id", "url", "title", "html", "excerpt", "author", "published_at", "updated_at",
                "language", "section", "image_url", "status", "source_name")


def _check_views(seeded: Seeded) -> None:
    with seeded.db.read() as conn:
        for key in ("fr0", "ar1", "es2", "hostile"):
            full = store.article_by_id(conn, seeded.ids[key])
            view = article_view(conn, seeded.ids[key])
            assert full is not None and view is not None
            for name in _VIEW_FIELDS:
                assert getattr(view, name) == getattr(full, name), (key, name)
            assert view.text == ""  # it has HTML: its text is not read
            assert view.source_mode == ("excerpt" if key == "es2" else "full")
        assert article_view(conn, 999_999) is None
    no_html = _store(seeded, "lematin", "vue-sans-html")
    with seeded.db.read() as conn:
        view = article_view(conn, no_html)
    assert view is not None and view.text == "Premier paragraphe.\n\nSecond paragraphe."


def test_article_view_matches_the_stored_article(seeded: Seeded) -> None:
    _check_views(seeded)


@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL, reason="set JARIDA_TEST_POSTGRES_URL to run on PostgreSQL")
def test_article_view_on_postgres() -> None:
    with throwaway_schema("view") as db:
        _check_views(seed(db))


def test_sqlite_pages_render_on_the_loop_and_others_in_a_thread_alike(
    app: FastAPI, seeded: Seeded, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert reads_are_local(app.state.jarida)
    path = f"/articles/{seeded.ids['ar0']}"
    with TestClient(app) as client:
        on_loop = client.get(path, headers={"Accept-Language": "ar"})
    app.state.jarida.cache._items.clear()
    monkeypatch.setattr(pages, "reads_are_local", lambda _state: False)
    with TestClient(app) as client:
        in_thread = client.get(path, headers={"Accept-Language": "ar"})
        missing = client.get("/articles/999999")
    assert on_loop.status_code == in_thread.status_code == 200
    assert on_loop.content == in_thread.content
    assert on_loop.headers["etag"] == in_thread.headers["etag"]
    assert missing.status_code == 404


def test_chrome_depends_on_the_interface_language_only(app: FastAPI) -> None:
    renderer = app.state.jarida.renderer
    source = renderer.env.loader.get_source(renderer.env, "_chrome.html")[0]
    free = meta.find_undeclared_variables(renderer.env.parse(source))
    assert free <= {"ui", "_"} | set(renderer.env.globals)


def test_chrome_is_in_every_language(client: TestClient, seeded: Seeded) -> None:
    path = f"/articles/{seeded.ids['fr2']}"
    for lang, skip in (("fr", "Aller au contenu"), ("en", "Skip to content")):
        client.cookies.set("jarida_lang", lang)
        page = lxml_html.fromstring(client.get(path).text)
        assert page.cssselect("a.skip-link")[0].text == skip
        assert page.cssselect("footer.site-footer") and page.cssselect("header.site-header")
        current = page.cssselect('nav.lang-switch a[aria-current="true"]')
        assert [a.get("lang") for a in current] == [lang]
        assert all(
            a.get("href").endswith("?next=%2Farticles%2F" + str(seeded.ids["fr2"]))
            for a in page.cssselect("nav.lang-switch a")
        )


def test_weak_etag_follows_the_body() -> None:
    one, other = weak_etag(b"<p>un</p>"), weak_etag(b"<p>deux</p>")
    assert re.fullmatch(r'W/"[0-9a-f]{24}"', one)
    assert one == weak_etag(b"<p>un</p>") and one != other
