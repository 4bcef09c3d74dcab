"""The stories' pages: top stories on the home page, the story page grouped by language,
an article's "Same story" and "In other languages" links, in fr and ar (RTL)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from jarida.settings import Settings
from jarida.storage import Database
from jarida.web.app import create_app
from jarida.web.i18n import COOKIE_NAME
from tests.stories.test_hook import ORDER, _store


def test_home_story_page_and_article_links(tmp_path: object) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path}/p.db")
    db = Database.open(settings.database_url)
    db.upgrade()
    ids = _store(db, ORDER)
    client = TestClient(create_app(settings, db))
    story_id = client.get("/api/stories").json()["items"][0]["id"]
    client.cookies.set(COOKIE_NAME, "fr")

    home = client.get("/").text
    assert "À la une" in home and f'href="/stories/{story_id}"' in home
    assert "arabe" in home and "espagnol" in home

    page = client.get(f"/stories/{story_id}").text
    for code, heading in (("fr", "En français"), ("ar", "En arabe"), ("es", "En espagnol")):
        assert f'data-lang="{code}"' in page and heading in page
    assert page.index('data-lang="fr"') < page.index('data-lang="ar"')  # reader's language first

    article = client.get(f"/articles/{ids[('fr', 'quake')]}").text
    assert "Même sujet" in article and "Dans d&#39;autres langues" in article
    assert f'href="/articles/{ids[("ar", "quake")]}"' in article
    alone = client.get(f"/articles/{ids[('fr', 'other')]}").text
    assert "Même sujet" not in alone

    client.cookies.set(COOKIE_NAME, "ar")
    arabic = client.get(f"/stories/{story_id}").text
    assert 'dir="rtl"' in arabic and "باللغة العربية" in arabic
    assert client.get("/stories/999999").status_code == 404
    db.close()
