"""The monitoring API: tokens and roles, lists, filters, cursors, CSV/XLSX, corrections."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy import select

from jarida.accounts.service import create_user, issue_api_token
from jarida.storage import Database
from jarida.storage import watch_subjects as subject_store
from jarida.storage.tables import audit_log
from jarida.watch.model import CompareSet, Term
from jarida.web.app import create_app
from tests.watch.corpus import BDS, add_subject, article, make_source, store
from tests.web.seeding import make_settings

RIVAL = replace(BDS, slug="credit-atlas", name="Crédit de l'Atlas",
                aliases=(Term("Crédit de l'Atlas"), Term("بنك الأطلس", "ar")), exclusions=())


@pytest.fixture
def api(db: Database) -> Iterator[tuple[TestClient, dict[str, str]]]:
    add_subject(db)
    add_subject(db, RIVAL)
    with db.write() as conn:
        subject_store.save_set(conn, CompareSet("banques", "Banques", ("banque-sahel",
                                                                      "credit-atlas")))
        tokens = {}
        for name, role in (("ana", "analyst"), ("mod", "moderator"), ("boss", "admin")):
            uid = create_user(conn, name, role, "correct horse battery", datetime.now(UTC))
            tokens[role] = issue_api_token(conn, uid, "test", datetime.now(UTC))
    sid, fid = make_source(db, "courrier")
    sid2, fid2 = make_source(db, "akhbar", "ar")
    store(db, [article(sid, fid, i, f"Note {i}", f"La Banque du Sahel et ses clients, jour {i}.",
                       hours=24 * i) for i in range(5)]
          + [article(sid, fid, 10, "=HYPERLINK(1)", "Le Crédit de l'Atlas ouvre une agence.")]
          + [article(sid2, fid2, 11, "بنك الساحل", "أعلن بنك الساحل عن نتائجه.", lang="ar",
                     hours=2)])
    app = create_app(make_settings(str(db.engine.url)), db, version_ttl=0)
    with TestClient(app, base_url="http://testserver") as client:
        yield client, tokens


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_tokens_and_roles(api: tuple[TestClient, dict[str, str]]) -> None:
    client, tokens = api
    assert client.get("/api/watch/subjects").status_code == 401
    assert client.get("/api/watch/subjects", headers=_auth("nope")).status_code == 401
    assert client.get("/api/watch/subjects", headers=_auth(tokens["moderator"])).status_code == 403
    for role in ("analyst", "admin"):
        answer = client.get("/api/watch/subjects", headers=_auth(tokens[role]))
        assert answer.status_code == 200
        assert {s["slug"]: s["mentions"] for s in answer.json()["items"]} == {
            "banque-sahel": 6, "credit-atlas": 1}
    assert client.patch("/api/watch/mentions/1", json={"tone": "positive"}).status_code == 401
    assert client.get("/veille", follow_redirects=False).status_code == 303


def test_mentions_filters_cursor_and_exports(api: tuple[TestClient, dict[str, str]]) -> None:
    client, tokens = api
    auth = _auth(tokens["analyst"])
    url = "/api/watch/subjects/banque-sahel/mentions"
    first = client.get(url, params={"limit": 4}, headers=auth).json()
    rest = client.get(url, params={"limit": 4, "cursor": first["next_cursor"]},
                      headers=auth).json()
    items = first["items"] + rest["items"]
    assert rest["next_cursor"] is None and len(items) == 6
    dates = [i["published_at"] for i in items]
    assert dates == sorted(dates, reverse=True)
    assert set(items[0]) >= {"id", "article_id", "title", "url", "page_url", "source",
                             "language", "published_at", "tone", "tone_score", "corrected",
                             "snippet", "duplicate_count"}
    assert (items[0]["count"], items[0]["where"]) == (1, "lead")
    arabic = client.get(url, params={"language": "ar"}, headers=auth).json()["items"]
    assert [i["snippet"] for i in arabic] == ["أعلن بنك الساحل عن نتائجه."]
    assert client.get(url, params={"source": "akhbar"}, headers=auth).json()["items"] == arabic
    window = client.get(url, params={"from": "2026-11-21", "to": "2026-11-22"},
                        headers=auth).json()["items"]
    assert [i["published_at"][:10] for i in window] == ["2026-11-22", "2026-11-21"]
    assert client.get(url, params={"from": "yesterday"}, headers=auth).status_code == 400
    assert client.get(url, params={"cursor": "garbage"}, headers=auth).status_code == 400
    rows = list(csv.DictReader(io.StringIO(
        client.get(url, params={"format": "csv"}, headers=auth).text)))
    assert len(rows) == 6 and rows[0]["page_url"].endswith(f"/articles/{rows[0]['article_id']}")
    book = load_workbook(io.BytesIO(client.get(url, params={"format": "xlsx"},
                                               headers=auth).content))
    sheet = list(book.active.values)
    assert sheet[0][0] == "id" and len(sheet) == 7
    rival = client.get("/api/watch/subjects/credit-atlas/mentions",
                       params={"format": "csv"}, headers=auth).text
    assert "'=HYPERLINK(1)" in rival  # a title that a spreadsheet would run is quoted
    assert client.get("/api/watch/subjects/nobody/mentions", headers=auth).status_code == 404


def test_timeline_share_of_voice_and_correction(api: tuple[TestClient, dict[str, str]],
                                                db: Database) -> None:
    client, tokens = api
    auth = _auth(tokens["analyst"])
    days = client.get("/api/watch/subjects/banque-sahel/timeline",
                      params={"interval": "day"}, headers=auth).json()["items"]
    assert [(d["period"], d["mentions"]) for d in days] == [
        ("2026-11-20", 2), ("2026-11-21", 1), ("2026-11-22", 1), ("2026-11-23", 1),
        ("2026-11-24", 1)]
    assert days[0]["corpus"] == 3 and days[0]["share"] == pytest.approx(2 / 3)
    text = client.get("/api/watch/subjects/banque-sahel/timeline",
                      params={"format": "csv"}, headers=auth).text
    assert text.splitlines()[0].startswith("period,mentions,negative,neutral,positive")
    assert client.get("/api/watch/subjects/banque-sahel/timeline",
                      params={"interval": "month"}, headers=auth).status_code == 400
    summary = client.get("/api/watch/subjects/banque-sahel/summary", headers=auth).json()
    assert (summary["mentions"], summary["mentions_with_copies"]) == (6, 6)
    top = summary["outlets"][0]
    assert (top["source"], top["name"], top["mentions"]) == ("courrier", "Courrier", 5)
    assert -1.0 <= top["net_tone"] <= 1.0  # scored once the tone model is installed
    assert summary["languages"] == [{"language": "fr", "mentions": 5},
                                    {"language": "ar", "mentions": 1}]
    voice = client.get("/api/watch/share-of-voice", params={"set": "banques"},
                       headers=auth).json()["items"]
    assert [(v["slug"], v["mentions"]) for v in voice] == [("banque-sahel", 6),
                                                           ("credit-atlas", 1)]
    assert voice[0]["share"] == pytest.approx(6 / 7)
    mention = voice and client.get("/api/watch/subjects/credit-atlas/mentions",
                                   headers=auth).json()["items"][0]
    changed = client.patch(f"/api/watch/mentions/{mention['id']}", json={"tone": "negative"},
                           headers=auth)
    assert changed.status_code == 200
    assert (changed.json()["tone"], changed.json()["corrected"]) == ("negative", True)
    assert client.patch(f"/api/watch/mentions/{mention['id']}", json={"tone": "angry"},
                        headers=auth).status_code == 400
    assert client.patch("/api/watch/mentions/999999", json={"tone": "neutral"},
                        headers=auth).status_code == 404
    with db.read() as conn:
        actions = conn.execute(select(audit_log.c.actor, audit_log.c.action)).all()
    assert ("ana", "watch.tone") in [tuple(a) for a in actions]


def test_subjects_through_the_api(api: tuple[TestClient, dict[str, str]]) -> None:
    client, tokens = api
    auth = _auth(tokens["analyst"])
    made = client.post("/api/watch/import", headers=auth, json={"subjects": [{
        "slug": "onee", "name": "Office de l'eau", "kind": "institution",
        "aliases": ["Office de l'eau", {"text": "ONEE", "case_sensitive": True}]}]})
    assert made.status_code == 201 and made.json()["added"] == 1
    assert made.json()["subjects"][0]["aliases"][1]["case_sensitive"] is True
    bad = client.post("/api/watch/import", headers=auth, json={"subjects": [
        {"slug": "ok", "name": "OK", "kind": "brand", "aliases": ["ok"]},
        {"slug": "x", "name": "X", "kind": "planet", "aliases": ["x"]}]})
    assert bad.status_code == 400 and "kind 'planet'" in bad.text
    names = [s["slug"] for s in client.get("/api/watch/subjects", headers=auth).json()["items"]]
    assert "ok" not in names and "onee" in names  # all or nothing
    assert client.post("/api/watch/import", json={"subjects": []}).status_code == 401
    assert client.delete("/api/watch/subjects/onee", headers=auth).status_code == 204
    assert client.delete("/api/watch/subjects/onee", headers=auth).status_code == 404
