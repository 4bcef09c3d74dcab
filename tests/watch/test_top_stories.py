"""Top stories per subject: ranked by the subject's mentions, copies counted once, on the
dashboard (chart and data table) and through the API."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient

from jarida.accounts.service import create_user, issue_api_token
from jarida.storage import Database
from jarida.storage import stories as story_store
from jarida.storage.copies import link_copy
from jarida.storage.stories import StoryState
from jarida.storage.watch_analysis import MentionFilter
from jarida.watch.analysis import top_stories
from jarida.web.app import create_app
from tests.watch.corpus import T0, add_subject, article, make_source, store
from tests.watch.test_pages import PASSWORD, _login
from tests.web.seeding import BASE_URL, make_settings


def _story(db: Database, members: list[tuple[int, int, str, str]], fit: float = 0.5) -> int:
    """A story made of (article id, source id, language, ...) members."""
    with db.write() as conn:
        sid = story_store.create_stories(conn, [(StoryState(
            0, T0, T0, len(members), len({m[1] for m in members}),
            sorted({m[2] for m in members}), {}), 1.0)])[0]
        story_store.add_members(conn, [
            story_store.Member(article_id, sid, source_id, language, T0, fit)
            for article_id, source_id, language, _ in members])
    return sid


@pytest.fixture
def stories_world(db: Database) -> tuple[int, int, int]:
    """Story A: 3 articles naming the bank, 2 of them copies of the first (counts 1).
    Story B: 2 original articles naming the bank (counts 2). Story C: 2 articles, one
    names the bank. A lone article naming the bank is no story."""
    subject_id = add_subject(db)
    fr, ffr = make_source(db, "courrier")
    ar, far = make_source(db, "akhbar", "ar")
    text = "La Banque du Sahel ouvre dix agences. Le directeur parle d'une année record."
    store(db, [
        article(fr, ffr, 1, "Dix agences pour la Banque du Sahel", text, hours=1),
        article(fr, ffr, 2, "Dix agences de plus", text, hours=2),
        article(fr, ffr, 3, "La Banque du Sahel s'étend", text, hours=3),
        article(fr, ffr, 4, "Panne à la Banque du Sahel", "La Banque du Sahel en panne.",
                hours=4),
        article(ar, far, 5, "عطل في بنك الساحل", "أعلن بنك الساحل عن عطل.", lang="ar",
                hours=5),
        article(fr, ffr, 6, "Le port s'agrandit", "Le port de Tanger s'agrandit.", hours=6),
        article(fr, ffr, 7, "La Banque du Sahel au port", "La Banque du Sahel finance le "
                "port.", hours=7),
        article(fr, ffr, 8, "La Banque du Sahel seule", "La Banque du Sahel recrute.",
                hours=8),
    ])
    with db.write() as conn:
        story_store.forget_since(conn, None)  # the hooks' own clustering: replaced below
        link_copy(conn, 2, 1, 0.9)
        link_copy(conn, 3, 1, 0.9)
    a = _story(db, [(1, fr, "fr", ""), (2, fr, "fr", ""), (3, fr, "fr", "")])
    b = _story(db, [(4, fr, "fr", ""), (5, ar, "ar", "")])
    _story(db, [(6, fr, "fr", ""), (7, fr, "fr", "")])
    _story(db, [(8, fr, "fr", "")])
    return subject_id, a, b


def test_stories_are_ranked_by_mentions_with_copies_once(
        db: Database, stories_world: tuple[int, int, int]) -> None:
    subject_id, a, b = stories_world
    with db.read() as conn:
        ranked = top_stories(conn, subject_id, MentionFilter(), "ar")
    assert [(s.id, s.mentions) for s in ranked][:2] == [(b, 2), (a, 1)]
    assert len(ranked) == 3  # the lone article is no story
    assert ranked[0].title == "عطل في بنك الساحل"  # titled in the reader's language
    assert ranked[0].languages == ("ar", "fr") and ranked[0].outlets == 2
    with db.read() as conn:
        only_ar = top_stories(conn, subject_id, MentionFilter(language="ar"), None)
    assert [(s.id, s.mentions) for s in only_ar] == [(b, 1)]


@pytest.fixture
def client(db: Database, stories_world: tuple[int, int, int]
           ) -> Iterator[tuple[TestClient, str]]:
    with db.write() as conn:
        uid = create_user(conn, "ana", "analyst", PASSWORD, datetime.now(UTC))
        token = issue_api_token(conn, uid, "test", datetime.now(UTC))
    app = create_app(make_settings(str(db.engine.url)), db, version_ttl=0)
    with TestClient(app, base_url=BASE_URL, follow_redirects=False) as c:
        yield c, token


def test_api_lists_top_stories(client: tuple[TestClient, str],
                               stories_world: tuple[int, int, int]) -> None:
    c, token = client
    _, a, b = stories_world
    url = "/api/watch/subjects/banque-sahel/stories"
    assert c.get(url).status_code == 401
    answer = c.get(url, headers={"Authorization": f"Bearer {token}"},
                   params={"title_language": "fr"})
    assert answer.status_code == 200
    items = answer.json()["items"]
    assert [(i["id"], i["mentions"], i["articles"]) for i in items[:2]] == [(b, 2, 2),
                                                                            (a, 1, 3)]
    assert items[0]["title"] == "Panne à la Banque du Sahel"
    assert items[0]["page_url"].endswith(f"/stories/{b}")
    as_csv = c.get(url, headers={"Authorization": f"Bearer {token}"},
                   params={"format": "csv", "limit": 1})
    assert as_csv.text.splitlines()[0].startswith("id,title,mentions")
    assert len(as_csv.text.splitlines()) == 2
    assert c.get("/api/watch/subjects/nobody/stories",
                 headers={"Authorization": f"Bearer {token}"}).status_code == 404


def test_dashboard_shows_top_stories_with_a_table(client: tuple[TestClient, str],
                                                  stories_world: tuple[int, int, int]
                                                  ) -> None:
    c, _ = client
    _, a, b = stories_world
    _login(c, "ana", "/veille/banque-sahel")
    html = c.get("/veille/banque-sahel", headers={"Accept-Language": "en"}).text
    section = re.search(r'<section class="watch-block" id="stories".*?</section>', html, re.S)
    assert section and "<svg" in section[0] and "Top stories" in section[0]
    rows = re.findall(r'<tr><th scope="row"><a href="/stories/(\d+)"[^>]*>[^<]*</a></th>'
                      r"<td>(\d+)</td>", section[0])
    assert rows[:2] == [(str(b), "2"), (str(a), "1")]
