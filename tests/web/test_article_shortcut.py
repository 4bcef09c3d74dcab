"""The uncached-article shortcut (fastpath.answer_article): an article page rendered before
routing must be byte for byte the routed page, headers included, and must leave every other
answer (404, removed, odd ids, errors) to the routed path."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import text
from starlette.types import Scope, Send

from jarida.web import create_app, fastpath
from jarida.web.deps import AppState
from jarida.web.fastpath import article_id
from jarida.web.i18n import COOKIE_NAME
from jarida.web.query import MAX_ID
from tests.web.seeding import Seeded, make_settings

Answers = list[tuple[str, bool]]


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    """Records, per path, whether the shortcut answered (True) or left it to routing."""
    calls: Answers = []
    original = fastpath.answer_article

    async def recording(state: AppState, scope: Scope, send: Send, lang: str) -> bool:
        answered = await original(state, scope, send, lang)
        calls.append((scope["path"], answered))
        return answered

    monkeypatch.setattr(fastpath, "answer_article", recording)
    return calls


def _new_client(seeded: Seeded) -> TestClient:
    """A fresh app (empty page cache) over the seeded database."""
    app: FastAPI = create_app(make_settings(str(seeded.db.engine.url)), seeded.db, version_ttl=0)
    return TestClient(app, base_url="http://testserver")


def _routed(seeded: Seeded, monkeypatch: pytest.MonkeyPatch, method: str, path: str,
            headers: dict[str, str]) -> httpx.Response:
    """The same request on a fresh app with the shortcut switched off."""

    async def never(state: AppState, scope: Scope, send: Send, lang: str) -> bool:
        return False

    with monkeypatch.context() as patch:
        patch.setattr(fastpath, "answer_article", never)
        with _new_client(seeded) as client:
            return client.request(method, path, headers=headers, follow_redirects=False)


def _same(a: httpx.Response, b: httpx.Response) -> None:
    assert a.status_code == b.status_code
    assert a.content == b.content
    assert a.headers.multi_items() == b.headers.multi_items()


LANGUAGE_HEADERS = [
    {},
    {"accept-language": "ar-MA,ar;q=0.9"},
    {"accept-language": "es"},
    {"accept-language": "en-GB, fr;q=0.5"},
    {"cookie": f"{COOKIE_NAME}=ar"},
    {"cookie": f"{COOKIE_NAME}=en", "accept-language": "es"},
]


@pytest.mark.parametrize("headers", LANGUAGE_HEADERS)
@pytest.mark.parametrize("method", ["GET", "HEAD"])
@pytest.mark.parametrize("key", ["fr0", "ar1", "es0", "hostile"])
def test_found_article_is_the_routed_page(
    seeded: Seeded, answers: Answers, monkeypatch: pytest.MonkeyPatch,
    key: str, method: str, headers: dict[str, str],
) -> None:
    path = f"/articles/{seeded.ids[key]}"
    with _new_client(seeded) as client:
        fast = client.request(method, path, headers=headers)
    assert answers == [(path, True)]
    assert fast.status_code == 200
    _same(fast, _routed(seeded, monkeypatch, method, path, headers))


def test_query_string_is_kept(seeded: Seeded, answers: Answers,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    path = f"/articles/{seeded.ids['fr3']}"
    with _new_client(seeded) as client:
        fast = client.get(path + "?ref=rss&lang=es")
    assert answers == [(path, True)]
    _same(fast, _routed(seeded, monkeypatch, "GET", path + "?ref=rss&lang=es", {}))


@pytest.mark.parametrize("validator", ["etag", "other-etag", "date"])
def test_validators_give_the_routed_answer(
    seeded: Seeded, answers: Answers, monkeypatch: pytest.MonkeyPatch, validator: str
) -> None:
    path = f"/articles/{seeded.ids['fr1']}"
    with _new_client(seeded) as client:
        first = client.get(path)
    headers = {
        "etag": {"if-none-match": first.headers["etag"]},
        "other-etag": {"if-none-match": 'W/"nope"'},
        "date": {"if-modified-since": first.headers["last-modified"]},
    }[validator]
    with _new_client(seeded) as client:
        fast = client.get(path, headers=headers)
    assert answers == [(path, True), (path, True)]
    assert fast.status_code == (304 if validator == "etag" else 200)
    _same(fast, _routed(seeded, monkeypatch, "GET", path, headers))


def _remove(seeded: Seeded, key: str) -> None:
    with seeded.db.write() as conn:
        conn.execute(text("UPDATE articles SET status = 'removed' WHERE id = :id"),
                     {"id": seeded.ids[key]})


@pytest.mark.parametrize("headers", [{}, {"accept-language": "ar"}, {"accept": "application/json"}])
@pytest.mark.parametrize("method", ["GET", "HEAD"])
@pytest.mark.parametrize(
    "path", ["/articles/999999", "/articles/REMOVED", f"/articles/{MAX_ID}",
             "/articles/abc", "/articles/0", "/articles/007", f"/articles/{MAX_ID + 1}",
             "/articles/-3", "/articles/١٢", "/articles/1/"],
)
def test_everything_else_is_left_to_routing(
    seeded: Seeded, answers: Answers, monkeypatch: pytest.MonkeyPatch,
    path: str, method: str, headers: dict[str, str],
) -> None:
    _remove(seeded, "fr2")
    path = path.replace("REMOVED", str(seeded.ids["fr2"]))
    with _new_client(seeded) as client:
        fast = client.request(method, path, headers=headers, follow_redirects=False)
        again = client.request(method, path, headers=headers, follow_redirects=False)
    assert answers and not any(answered for _, answered in answers)
    assert fast.status_code in (404, 422, 307) or path == "/articles/007"  # routed: article 7
    if fast.status_code != 200:  # nothing cached: asked again, the same answer
        _same(fast, again)
    _same(fast, _routed(seeded, monkeypatch, method, path, headers))


def test_a_failing_render_is_left_to_routing(
    seeded: Seeded, answers: Answers, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("database gone")

    monkeypatch.setattr("jarida.web.pages.article_view", broken)
    with _new_client(seeded) as client:
        client_no_raise = TestClient(client.app, raise_server_exceptions=False)
        response = client_no_raise.get(f"/articles/{seeded.ids['fr0']}")
    assert answers == [(f"/articles/{seeded.ids['fr0']}", False)]
    assert response.status_code == 500


def test_the_rendered_page_fills_the_cache(seeded: Seeded, answers: Answers) -> None:
    path = f"/articles/{seeded.ids['ar0']}"
    with _new_client(seeded) as client:
        state: AppState = client.app.state.jarida  # type: ignore[attr-defined]
        first = client.get(path, headers={"accept-language": "ar"})
        hits = state.cache.hits
        second = client.get(path, headers={"accept-language": "ar"})
    assert answers == [(path, True)]  # the second never reached the shortcut: a cache hit
    assert state.cache.hits == hits + 1
    assert first.content == second.content  # the cached path orders its headers its own way:
    assert sorted(first.headers.multi_items()) == sorted(second.headers.multi_items())


def test_postgres_keeps_the_routed_worker_thread(seeded: Seeded, answers: Answers,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fastpath, "reads_are_local", lambda _state: False)
    with _new_client(seeded) as client:
        response = client.get(f"/articles/{seeded.ids['fr0']}")
    assert answers == [(f"/articles/{seeded.ids['fr0']}", False)]
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("path", "root_path", "expected"),
    [("/articles/1", "", 1), (f"/articles/{MAX_ID}", "", MAX_ID), ("/articles/12", "/x", None),
     ("/articles/", "", None), ("/articles/01", "", None), (f"/articles/{MAX_ID + 1}", "", None),
     ("/images/1/report", "", None), ("/articlesx/1", "", None),
     ("/articles/²", "", None), ("/articles/1e3", "", None)],
)
def test_article_id(path: str, root_path: str, expected: int | None) -> None:
    assert article_id({"path": path, "root_path": root_path}) == expected

