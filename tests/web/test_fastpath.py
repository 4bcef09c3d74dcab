"""The ASGI fast path (jarida.web.fastpath): a cached page answered before routing must be
indistinguishable from the routed answer, never cross languages and never outlive its data."""

from __future__ import annotations

import gc
import threading
import time
import weakref
from dataclasses import replace
from datetime import timedelta

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Connection
from starlette.types import Scope, Send

from jarida.storage import Database
from jarida.storage.web_queries import DataVersion, data_version
from jarida.web import create_app
from jarida.web.caching import Rendered, VersionWatch
from jarida.web.deps import AppState
from jarida.web.fastpath import CONTENT_SECURITY_POLICY, PreparedHeaders, answer_from_cache
from jarida.web.i18n import COOKIE_NAME
from tests.web.livesite import live_server
from tests.web.seeding import T0, Seeded, add_french_article, make_settings

# Everything a cache, a browser or a security scanner looks at; Date and Server are left out.
RELEVANT = (
    "etag",
    "cache-control",
    "last-modified",
    "vary",
    "content-type",
    "content-length",
    "content-encoding",
    "content-security-policy",
    "x-content-type-options",
    "referrer-policy",
)
PAGES = ["/", "/articles", "/articles?page=2", "/search?q=r%C3%A9forme"]


class FastPathSpy:
    """Records, per request path, whether `answer_from_cache` answered it (True) or not."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, bool]] = []

    def last(self) -> bool:
        assert self.calls, "the fast path was never consulted"
        return self.calls[-1][1]


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> FastPathSpy:
    recorder = FastPathSpy()

    async def recording(state: AppState, scope: Scope, send: Send) -> bool:
        answered = await answer_from_cache(state, scope, send)
        recorder.calls.append((scope["path"], answered))
        return answered

    monkeypatch.setattr("jarida.web.app.answer_from_cache", recording)
    return recorder


def _relevant(response: httpx.Response) -> dict[str, str]:
    return {name: response.headers[name] for name in RELEVANT if name in response.headers}


def _assert_security_headers(response: httpx.Response) -> None:
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"


def _no_duplicates(response: httpx.Response) -> None:
    names = [name.lower() for name, _ in response.headers.multi_items()]
    repeated = {name for name in names if names.count(name) > 1 and name != "set-cookie"}
    assert not repeated, f"headers sent twice: {sorted(repeated)}"


@pytest.mark.parametrize("path", PAGES)
def test_cached_page_is_identical_to_the_routed_one(
    client: TestClient, spy: FastPathSpy, path: str
) -> None:
    routed = client.get(path)
    assert routed.status_code == 200 and not spy.last()
    fast = client.get(path)
    assert spy.last(), "the second request for a page must be answered by the fast path"
    assert fast.status_code == routed.status_code
    assert fast.content == routed.content
    assert _relevant(fast) == _relevant(routed)
    assert set(_relevant(fast)) == set(RELEVANT)
    assert fast.headers["content-type"] == "text/html; charset=utf-8"
    assert fast.headers["content-encoding"] == "br"  # the test client accepts brotli
    assert fast.headers["content-length"] == str(fast.num_bytes_downloaded)
    _assert_security_headers(fast)
    _no_duplicates(fast)
    _no_duplicates(routed)


@pytest.mark.parametrize("path", ["/feed.rss", "/feed.atom"])
def test_cached_feed_is_identical_to_the_first_answer(
    client: TestClient, spy: FastPathSpy, path: str
) -> None:
    first = client.get(path)
    second = client.get(path)
    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    assert _relevant(second) == _relevant(first)
    assert {"etag", "cache-control", "last-modified", "content-type"} <= set(_relevant(first))
    assert "max-age=300" in first.headers["cache-control"]
    _assert_security_headers(second)
    _no_duplicates(second)
    # Feeds are cached under their own keys, not page_key: routing answers them each time.
    assert [answered for seen, answered in spy.calls if seen == path] == [False, False]


@pytest.mark.parametrize("path", ["/", "/articles?page=2"])
def test_if_none_match_gives_the_same_304_on_both_paths(
    client: TestClient, seeded: Seeded, spy: FastPathSpy, path: str
) -> None:
    etag = client.get(path).headers["etag"]
    # A second app over the same data has an empty cache: its first answer is routed.
    fresh = create_app(make_settings(str(seeded.db.engine.url)), seeded.db, version_ttl=0)
    with TestClient(fresh) as other:
        routed = other.get(path, headers={"If-None-Match": etag})
        assert not spy.last()
        fast = other.get(path, headers={"If-None-Match": etag})
        assert spy.last()
    for response in (routed, fast):
        assert response.status_code == 304
        assert response.content == b""
        assert "content-length" not in response.headers or response.headers["content-length"] == "0"
        assert "content-type" not in response.headers
        _assert_security_headers(response)
    assert _relevant(fast) == _relevant(routed)
    assert fast.headers["etag"] == etag
    assert fast.headers["vary"] == "Cookie, Accept-Language, Accept-Encoding"


def test_etag_lists_and_star_match_on_the_fast_path(client: TestClient, spy: FastPathSpy) -> None:
    etag = client.get("/").headers["etag"]
    strong = etag.removeprefix("W/")
    for header in (f'W/"other", {etag}', strong, "*"):
        response = client.get("/", headers={"If-None-Match": header})
        assert spy.last()
        assert response.status_code == 304, header
    mismatch = client.get("/", headers={"If-None-Match": 'W/"other"'})
    assert spy.last() and mismatch.status_code == 200 and mismatch.content


def test_if_modified_since_alone_does_not_validate_a_page(
    client: TestClient, spy: FastPathSpy
) -> None:
    """Pages vary by language, so only their ETag revalidates them, on the fast path too."""
    first = client.get("/")
    again = client.get("/", headers={"If-Modified-Since": first.headers["last-modified"]})
    assert spy.last()
    assert again.status_code == 200 and again.content == first.content


@pytest.mark.parametrize("path", ["/", "/articles"])
def test_head_on_both_paths(client: TestClient, spy: FastPathSpy, path: str) -> None:
    routed_head = client.head(path)
    assert not spy.last()
    fast_head = client.head(path)
    assert spy.last()
    get = client.get(path)
    assert spy.last()
    for head in (routed_head, fast_head):
        assert head.status_code == 200
        assert head.content == b""
        assert _relevant(head) == _relevant(get)
        assert head.headers["content-length"] == get.headers["content-length"]
    head_304 = client.head(path, headers={"If-None-Match": get.headers["etag"]})
    assert spy.last() and head_304.status_code == 304 and head_304.content == b""


def test_head_on_the_live_server_sends_no_body(app: FastAPI, spy: FastPathSpy) -> None:
    """Through the real server, whose HTTP parser would notice a body sent after a HEAD."""
    with live_server(app) as base, httpx.Client(base_url=base) as http:
        routed = http.get("/")
        fast_head = http.head("/")
        fast_get = http.get("/")
        # the same keep-alive connection still works after the HEAD
        assert http.get("/articles").status_code == 200
    assert [answered for seen, answered in spy.calls if seen == "/"] == [False, True, True]
    assert fast_head.status_code == 200 and fast_head.content == b""
    assert fast_get.content == routed.content
    assert _relevant(fast_head) == _relevant(routed) == _relevant(fast_get)


LANGUAGE_REQUESTS: list[tuple[str, dict[str, str], dict[str, str]]] = [
    ("fr", {}, {}),
    ("ar", {"Accept-Language": "ar"}, {}),
    ("es", {"Accept-Language": "es-ES,es;q=0.9"}, {}),
    ("en", {"Accept-Language": "en-GB, fr;q=0.5"}, {}),
    ("ar", {"Accept-Language": "fr"}, {COOKIE_NAME: "ar"}),
    ("es", {}, {COOKIE_NAME: "es"}),
]


def _html_lang(body: str) -> str:
    start = body.index("<html")
    tag = body[start : body.index(">", start)]
    return tag.split('lang="', 1)[1].split('"', 1)[0]


def test_each_language_gets_its_own_cached_page(app: FastAPI, spy: FastPathSpy) -> None:
    """Warm the cache in every language, then ask again in every order: never the wrong one."""
    first: dict[tuple[str, str], bytes] = {}
    with TestClient(app) as client:
        for lang, headers, cookies in LANGUAGE_REQUESTS:
            client.cookies.clear()
            client.cookies.update(cookies)
            response = client.get("/", headers=headers)
            assert _html_lang(response.text) == lang
            first.setdefault((lang, "body"), response.content)
            assert first[(lang, "body")] == response.content
        assert len({first[(lang, "body")] for lang, _, _ in LANGUAGE_REQUESTS}) == 4
        for lang, headers, cookies in [*reversed(LANGUAGE_REQUESTS), *LANGUAGE_REQUESTS]:
            client.cookies.clear()
            client.cookies.update(cookies)
            response = client.get("/", headers=headers)
            assert spy.last(), (lang, headers, cookies)
            assert response.content == first[(lang, "body")], (lang, headers, cookies)


def test_other_language_etag_is_not_a_304(client: TestClient, spy: FastPathSpy) -> None:
    fr = client.get("/")
    client.get("/", headers={"Accept-Language": "ar"})  # warm the Arabic page
    ar = client.get("/", headers={"Accept-Language": "ar", "If-None-Match": fr.headers["etag"]})
    assert spy.last()
    assert ar.status_code == 200 and _html_lang(ar.text) == "ar"


def test_cookie_among_other_cookies_still_chooses_the_language(
    client: TestClient, spy: FastPathSpy
) -> None:
    client.cookies.update({"theme": "dark", COOKIE_NAME: "ar", "other": "x"})
    routed = client.get("/", headers={"Accept-Language": "es"})
    fast = client.get("/", headers={"Accept-Language": "es"})
    assert spy.last()
    assert _html_lang(routed.text) == _html_lang(fast.text) == "ar"
    assert fast.content == routed.content


def test_new_data_is_never_hidden_by_the_fast_path(
    client: TestClient, seeded: Seeded, spy: FastPathSpy
) -> None:
    before = client.get("/")
    client.get("/")
    assert spy.last()
    add_french_article(seeded, "breaking", T0 + timedelta(minutes=5))
    after = client.get("/")
    assert not spy.last(), "a page of the old data version was answered from the cache"
    assert "Titre breaking" in after.text and "Titre breaking" not in before.text
    assert after.headers["etag"] != before.headers["etag"]
    assert after.headers["last-modified"] != before.headers["last-modified"]
    revalidated = client.get("/", headers={"If-None-Match": before.headers["etag"]})
    assert spy.last()
    assert revalidated.status_code == 200 and revalidated.content == after.content


def test_uncached_requests_fall_through(client: TestClient, spy: FastPathSpy) -> None:
    """POSTs, API answers and errors never come from the page cache."""
    client.get("/")
    assert client.post("/").status_code == 405
    not_found = client.get("/no-such-page")
    assert not_found.status_code == 404
    _assert_security_headers(not_found)
    client.get("/api/articles?limit=2")
    api = client.get("/api/articles?limit=2")
    assert api.status_code == 200
    _assert_security_headers(api)
    answered = {seen: ok for seen, ok in spy.calls}
    assert answered == {"/no-such-page": False, "/api/articles": False, "/": False}


def test_query_string_is_part_of_the_key(client: TestClient, spy: FastPathSpy) -> None:
    one = client.get("/articles?page=1")
    two = client.get("/articles?page=2")
    assert one.content != two.content
    again = client.get("/articles?page=2")
    assert spy.last() and again.content == two.content
    plain = client.get("/articles")
    assert not spy.last()  # "" and "page=1" are different keys: routed, not mixed up
    assert plain.status_code == 200


class QueryCounter:
    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0

        def counting(conn: Connection) -> DataVersion:
            self.count += 1
            return data_version(conn)

        monkeypatch.setattr("jarida.web.caching.data_version", counting)


def _write_from_another_connection(seeded: Seeded, key: str) -> None:
    other = Database.open(str(seeded.db.engine.url))
    try:
        add_french_article(replace(seeded, db=other), key, T0 + timedelta(hours=3))
    finally:
        other.close()


def test_background_watch_does_not_query_while_the_files_are_unchanged(
    seeded: Seeded, monkeypatch: pytest.MonkeyPatch
) -> None:
    queries = QueryCounter(monkeypatch)
    now = [0.0]
    watch = VersionWatch(seeded.db, ttl=1.0, clock=lambda: now[0], background=True)
    first = watch.current()
    assert queries.count == 1  # the first call waits for the version
    for _ in range(200):
        now[0] += 5.0  # every call is past the ttl
        assert watch.current() == first
    assert not [t for t in threading.enumerate() if t.name == "jarida-data-version"]
    assert queries.count == 1


def test_background_watch_picks_up_another_connections_write(
    seeded: Seeded, monkeypatch: pytest.MonkeyPatch
) -> None:
    queries = QueryCounter(monkeypatch)
    watch = VersionWatch(seeded.db, ttl=0.05, background=True)  # the real clock
    first = watch.current()
    idle_until = time.monotonic() + 0.3
    while time.monotonic() < idle_until:  # six ttl periods with no write
        assert watch.current() == first
        time.sleep(0.01)
    assert queries.count == 1

    _write_from_another_connection(seeded, "elsewhere")
    written = time.monotonic()
    seen = first
    while seen == first and time.monotonic() - written < 5.0:
        time.sleep(0.01)
        seen = watch.current()
    elapsed = time.monotonic() - written
    assert seen != first, "the write of another connection was not noticed within 5 s"
    assert elapsed < 2.0
    assert seen.last_changed is not None and first.last_changed is not None
    assert seen.last_changed > first.last_changed
    assert queries.count == 2  # exactly one refresh for the one write

    settled = queries.count
    idle_until = time.monotonic() + 0.3
    while time.monotonic() < idle_until:
        assert watch.current() == seen
        time.sleep(0.01)
    assert queries.count == settled


def test_background_refresh_never_makes_a_caller_wait(
    seeded: Seeded, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the refresh query runs, callers get the known version at once."""
    release = threading.Event()
    started = threading.Event()

    def slow(conn: Connection) -> DataVersion:
        if watch_ready.is_set():
            started.set()
            release.wait(10)
        return data_version(conn)

    watch_ready = threading.Event()
    monkeypatch.setattr("jarida.web.caching.data_version", slow)
    now = [0.0]
    watch = VersionWatch(seeded.db, ttl=1.0, clock=lambda: now[0], background=True)
    first = watch.current()
    watch_ready.set()
    _write_from_another_connection(seeded, "slowly")
    now[0] += 2.0
    try:
        assert watch.current() == first  # starts the refresh, returns the known version
        assert started.wait(5)
        for _ in range(20):
            now[0] += 2.0
            began = time.monotonic()
            assert watch.current() == first
            assert time.monotonic() - began < 0.5
    finally:
        release.set()
    deadline = time.monotonic() + 5
    while watch.current() == first and time.monotonic() < deadline:
        time.sleep(0.01)
    assert watch.current() != first


def _version(fingerprint: str, minutes: int) -> DataVersion:
    return DataVersion(fingerprint, T0 + timedelta(minutes=minutes))


def test_prepared_headers_follow_the_item_and_the_version() -> None:
    """The memoised header lines of a 200 are those `validate` gives for that very item."""
    prepared = PreparedHeaders()
    old = Rendered(b"<p>old</p>", "text/html; charset=utf-8", 'W/"old"')
    v1 = _version("v1", 0)
    first = prepared.get("key", old, v1, old.body, None)
    assert prepared.get("key", old, v1, old.body, None) is first  # built once
    assert (b"etag", b'W/"old"') in first and (b"content-length", b"10") in first
    assert (b"last-modified", b"Fri, 20 Nov 2026 09:00:00 GMT") in first
    # Another item under the same key (a new render), then another version object.
    new = Rendered(b"<p>newer</p>", "text/html; charset=utf-8", 'W/"new"', vary="Cookie")
    second = prepared.get("key", new, v1, new.body, None)
    assert (b"etag", b'W/"new"') in second and (b"content-length", b"12") in second
    assert (b"vary", b"Cookie, Accept-Encoding") in second
    third = prepared.get("key", new, _version("v1", 7), new.body, None)
    assert (b"last-modified", b"Fri, 20 Nov 2026 09:07:00 GMT") in third
    for raw in (first, second, third):
        names = [name for name, _ in raw]
        assert len(names) == len(set(names))
        assert {b"content-security-policy", b"content-type", b"cache-control"} <= set(names)


def test_prepared_headers_keep_no_body_alive_and_stay_bounded() -> None:
    prepared = PreparedHeaders(max_entries=4)
    version = _version("v", 0)
    item = Rendered(b"x" * 100_000, "text/html; charset=utf-8", 'W/"x"')
    prepared.get("gone", item, version, item.body, None)
    ref = weakref.ref(item)
    del item
    gc.collect()
    assert ref() is None, "an evicted page's body must not be kept alive by its headers"
    keep = [Rendered(b"%d" % n, "text/plain", f'W/"{n}"') for n in range(10)]
    for n, page in enumerate(keep):
        prepared.get(n, page, version, page.body, None)
        assert len(prepared) <= 4
