"""Redirects are followed by hand: bounded, loop-safe, vetted at every hop."""

from __future__ import annotations

from tests.crawl.conftest import fetch_once, make_settings
from tests.webserver import TestServer


def test_redirect_is_followed_and_final_url_reported(web: TestServer) -> None:
    web.redirect("/old", "/new", status=302)
    web.route("/new", body="here")
    result = fetch_once(web.url("/old"))
    assert result.status == 200 and result.body == b"here"
    assert result.url == web.url("/old") and result.final_url == web.url("/new")
    assert result.permanent_redirect is None  # 302 is temporary: keep the stored URL


def test_permanent_redirect_target_is_reported(web: TestServer) -> None:
    web.redirect("/feed", "/rss.xml", status=301)
    web.redirect("/rss.xml", "/rss2.xml", status=308)
    web.route("/rss2.xml", body="<rss/>")
    result = fetch_once(web.url("/feed"))
    assert result.status == 200 and result.permanent_redirect == web.url("/rss2.xml")


def test_only_the_permanent_prefix_of_a_chain_counts(web: TestServer) -> None:
    web.redirect("/feed", "/moved", status=301)
    web.redirect("/moved", "/today", status=302)
    web.route("/today", body="x")
    assert fetch_once(web.url("/feed")).permanent_redirect == web.url("/moved")


def test_redirect_loop_is_detected(web: TestServer) -> None:
    web.redirect("/a", "/b")
    web.redirect("/b", "/a")
    result = fetch_once(web.url("/a"))
    assert result.error_kind == "redirects" and "loop" in (result.error or "")
    assert web.count("/a") == 1 and web.count("/b") == 1


def test_too_many_redirects(web: TestServer) -> None:
    for i in range(10):
        web.redirect(f"/r{i}", f"/r{i + 1}")
    result = fetch_once(web.url("/r0"), make_settings(max_redirects=3))
    assert result.error_kind == "redirects" and "more than 3" in (result.error or "")
    assert web.count("/r3") == 1 and web.count("/r4") == 0


def test_redirect_to_metadata_service_is_refused(web: TestServer) -> None:
    web.redirect("/innocent", "http://169.254.169.254/latest/meta-data/")
    result = fetch_once(web.url("/innocent"))
    assert result.error_kind == "ssrf" and "169.254.169.254" in (result.error or "")
    assert result.final_url == "http://169.254.169.254/latest/meta-data/"


def test_redirect_to_other_scheme_is_refused(web: TestServer) -> None:
    web.redirect("/x", "file:///etc/passwd")
    assert fetch_once(web.url("/x")).error_kind == "scheme"


def test_credentials_are_dropped_across_origins(web: TestServer, web2: TestServer) -> None:
    web.redirect("/same", "/landing")
    web.redirect("/away", web2.url("/landing"))
    web.route("/landing", body="a")
    web2.route("/landing", body="b")
    secrets = {"Authorization": "Bearer s3cret", "Cookie": "session=1"}
    assert fetch_once(web.url("/same"), headers=secrets).body == b"a"
    assert fetch_once(web.url("/away"), headers=secrets).body == b"b"
    same = web.requests_for("/landing")[0].headers
    assert same["authorization"] == "Bearer s3cret" and same["cookie"] == "session=1"
    away = web2.requests_for("/landing")[0].headers
    assert "authorization" not in away and "cookie" not in away


def test_redirect_target_obeys_its_robots(web: TestServer, web2: TestServer) -> None:
    web.redirect("/go", web2.url("/private"))
    web2.route("/robots.txt", "User-agent: *\nDisallow: /private\n")
    web2.route("/private", body="no")
    assert fetch_once(web.url("/go")).error_kind == "robots"
    assert web2.count("/private") == 0
