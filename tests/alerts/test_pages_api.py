"""Alerts in the monitoring area: the alert rules and the history through the JSON API
(token, analyst) and the /veille/alertes pages (session, CSRF, plain forms, four
languages), on the jarida.alerts storage the CLI uses."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from jarida.accounts.service import create_user, issue_api_token
from jarida.alerts.service import evaluate_and_queue
from jarida.alerts.subscriptions import subscribe
from jarida.storage import Database, audit
from jarida.storage import alerts as store
from jarida.web.app import create_app
from tests.alerts.world import NOW, World, alert_settings
from tests.watch.test_pages import PASSWORD, _login
from tests.web.seeding import BASE_URL

HOOK = "https://hooks.example.org/jarida"


@pytest.fixture
def client(db: Database, world: World) -> Iterator[tuple[TestClient, dict[str, str]]]:
    """A spike of Banque du Sahel today, evaluated once; an analyst, a moderator."""
    bank = world.subject("banque-sahel", "Banque du Sahel")
    world.subject("credit-atlas", "Crédit de l'Atlas")
    world.daily(bank, [1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 12])
    settings = alert_settings(database_url=str(db.engine.url), base_url=BASE_URL,
                              media_dir="/tmp/jarida-test-media")
    with db.write() as conn:
        subscribe(conn, target="veille@example.org", rules=["spike"], now=NOW)
    evaluate_and_queue(db, settings, NOW)
    tokens = {}
    with db.write() as conn:
        for name, role in (("ana", "analyst"), ("mod", "moderator")):
            uid = create_user(conn, name, role, PASSWORD, datetime.now(UTC))
            tokens[role] = issue_api_token(conn, uid, "test", datetime.now(UTC))
    with TestClient(create_app(settings, db, version_ttl=0), base_url=BASE_URL,
                    follow_redirects=False) as c:
        yield c, tokens


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_api_lists_history_and_manages_rules(client: tuple[TestClient, dict[str, str]],
                                             db: Database) -> None:
    c, tokens = client
    ana = _auth(tokens["analyst"])
    assert c.get("/api/watch/alerts").status_code == 401
    assert c.get("/api/watch/alerts/rules", headers=_auth(tokens["moderator"])
                 ).status_code == 403

    history = c.get("/api/watch/alerts", headers={**ana, "Accept-Language": "fr"}).json()
    spike = next(i for i in history["items"] if i["rule"] == "spike")
    assert spike["subject"] == "banque-sahel"
    assert spike["headline"] == "Pic de mentions : Banque du Sahel"
    assert spike["details"]["observed"] == 12
    assert [(d["channel"], d["state"]) for d in spike["deliveries"]] == [("email", "pending")]
    assert c.get("/api/watch/alerts", headers=ana, params={"rule": "negative"}
                 ).json()["items"] == []
    assert c.get("/api/watch/alerts", headers=ana, params={"subject": "credit-atlas"}
                 ).json()["items"] == []
    csv_text = c.get("/api/watch/alerts", headers=ana, params={"format": "csv"}).text
    assert csv_text.startswith("id,rule,created_at,subject,headline")

    made = c.post("/api/watch/alerts/rules", headers=ana, json={
        "target": HOOK, "rules": ["spike", "negative"], "subject": "banque-sahel",
        "mode": "digest", "language": "ar"})
    assert made.status_code == 201
    rule = made.json()
    assert len(rule["secret"]) == 64 and rule["channel"] == "webhook"
    assert rule["subject"] == "banque-sahel" and rule["mode"] == "digest"
    listed = c.get("/api/watch/alerts/rules", headers=ana).json()["items"]
    assert [r["target"] for r in listed] == ["veille@example.org", HOOK]
    assert all("secret" not in r for r in listed)

    bad = c.post("/api/watch/alerts/rules", headers=ana, json={"target": "nobody",
                                                                "rules": ["spike"]})
    assert bad.status_code == 400 and "e-mail" in bad.json()["detail"]
    assert c.post("/api/watch/alerts/rules", headers=ana, json={
        "target": HOOK, "rules": ["earthquake"]}).status_code == 400
    assert c.post("/api/watch/alerts/rules", headers=ana, json={
        "target": HOOK, "subject": "nobody"}).status_code == 400

    edited = c.patch(f"/api/watch/alerts/rules/{rule['id']}", headers=ana,
                     json={"rules": ["new_outlet"], "active": False})
    assert edited.status_code == 200
    assert edited.json()["rules"] == ["new_outlet"] and edited.json()["active"] is False
    assert edited.json()["target"] == HOOK and edited.json()["subject"] == "banque-sahel"
    with db.read() as conn:
        stored = store.subscription_by_id(conn, rule["id"])
    assert stored is not None and stored.secret == rule["secret"]  # the secret stays
    assert c.patch("/api/watch/alerts/rules/999", headers=ana, json={"active": True}
                   ).status_code == 404
    assert c.patch(f"/api/watch/alerts/rules/{rule['id']}", headers=ana,
                   json={"colour": "red"}).status_code == 400

    remove = f"/api/watch/alerts/rules/{rule['id']}"
    assert c.delete(remove, headers=ana).status_code == 204
    assert c.delete(remove, headers=ana).status_code == 404
    assert c.delete(f"{remove}/remove", headers=ana).status_code == 404  # the former path
    wrong = c.put("/api/watch/alerts/rules", headers=ana, json={})
    assert wrong.status_code == 405 and wrong.headers["allow"] == "GET, POST"
    assert len(c.get("/api/watch/alerts/rules", headers=ana).json()["items"]) == 1

    saved = c.post("/api/watch/alerts/queries", headers=ana,
                   json={"name": "ports", "query": '"port de Tanger"'})
    assert saved.status_code == 201 and saved.json()["name"] == "ports"
    assert c.post("/api/watch/alerts/queries", headers=ana,
                  json={"name": "ports", "query": "x"}).status_code == 400
    # The first paths of the API still answer (deprecated in the OpenAPI document).
    assert c.post("/api/watch/alerts/new-query", headers=ana,
                  json={"name": "ports", "query": "x"}).status_code == 400
    assert c.post("/api/watch/alerts/new-rule", headers=ana, json={
        "target": HOOK, "rules": ["query"], "query": "ports"}).json()["query"] == "ports"
    spec = c.get("/openapi.json").json()["paths"]
    assert spec["/api/watch/alerts/new-rule"]["post"]["deprecated"] is True
    assert "deprecated" not in spec["/api/watch/alerts/rules"]["post"]
    assert c.delete("/api/watch/alerts/queries/ports", headers=ana).status_code == 204
    assert c.get("/api/watch/alerts/queries", headers=ana).json()["items"] == []


def _csrf(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found
    return found[1]


def test_pages_show_history_and_manage_rules_with_forms(
        client: tuple[TestClient, dict[str, str]]) -> None:
    c, _ = client
    assert c.get("/veille/alertes").headers["location"].startswith("/admin/login")
    _login(c, "mod", "/veille/alertes")
    assert c.get("/veille/alertes").status_code == 403
    c.cookies.clear()
    _login(c, "ana", "/veille/alertes")
    page = c.get("/veille/alertes", headers={"Accept-Language": "fr"})
    assert page.status_code == 200 and "no-store" in page.headers["cache-control"]
    html = page.text
    row = re.search(r'<tr id="alert-\d+" data-rule="spike">.*?</tr>', html, re.S)
    assert row and "Pic de mentions : Banque du Sahel" in row[0]
    assert "12 mentions" in row[0] and "Courriel" in row[0] and "en attente" in row[0]
    csrf = _csrf(html)

    form = {"csrf": csrf, "target": HOOK, "rules": ["spike", "negative"],
            "subject": "banque-sahel", "mode": "immediate", "language": "es"}
    assert c.post("/veille/alertes/regles", data={**form, "csrf": "forged"}
                  ).status_code == 403
    made = c.post("/veille/alertes/regles", data=form, headers={"Accept-Language": "fr"})
    assert made.status_code == 201
    secret = re.search(r'<code dir="ltr">([0-9a-f]{64})</code>', made.text)
    assert secret and "Règle d&#39;alerte 2 ajoutée." in made.text
    assert 'id="rule-2"' in made.text and "Pic de mentions, Montée du ton négatif" in made.text
    assert secret[1] not in c.get("/veille/alertes").text  # shown once only

    refused = c.post("/veille/alertes/regles", data={**form, "target": "nobody"})
    assert refused.status_code == 400 and 'role="alert"' in refused.text
    assert 'value="nobody"' in refused.text  # the form keeps what was typed

    edit = c.get("/veille/alertes/regles/2")
    assert edit.status_code == 200 and f'value="{HOOK}"' in edit.text
    saved = c.post("/veille/alertes/regles/2", data={**form, "rules": ["new_outlet"]})
    assert saved.status_code == 303 and saved.headers["location"] == "/veille/alertes#rule-2"
    rules = c.get("/veille/alertes", headers={"Accept-Language": "en"}).text
    row = re.search(r'<tr id="rule-2">.*?</tr>', rules, re.S)
    assert row and "New outlet" in row[0] and "paused" in row[0]  # "active" left unticked
    assert c.get("/veille/alertes/regles/99").status_code == 404
    assert c.post("/veille/alertes/regles/99", data=form).status_code == 404
    wrong = c.post("/veille/alertes/regles/2", data={**form, "target": "nobody"})
    assert wrong.status_code == 400 and 'role="alert"' in wrong.text
    assert 'value="nobody"' in wrong.text  # the edit form again, as typed

    assert c.post("/veille/alertes/requetes", data={"csrf": csrf, "name": "ports",
                                                    "search": "port"}).status_code == 303
    assert "<th scope=\"row\">ports</th>" in c.get("/veille/alertes").text
    assert c.post("/veille/alertes/requetes", data={"csrf": csrf, "name": "ports",
                                                    "search": "x"}).status_code == 400
    assert c.post("/veille/alertes/requetes/supprimer",
                  data={"csrf": csrf, "name": "ports"}).status_code == 303

    assert c.post("/veille/alertes/regles/2/supprimer", data={"csrf": csrf}
                  ).status_code == 303
    assert 'id="rule-2"' not in c.get("/veille/alertes").text
    assert c.post("/veille/alertes/regles/2/supprimer", data={"csrf": csrf}
                  ).status_code == 404


def test_alert_pages_in_arabic_are_right_to_left(
        client: tuple[TestClient, dict[str, str]]) -> None:
    c, _ = client
    _login(c, "ana", "/veille/alertes")
    html = c.get("/veille/alertes", headers={"Accept-Language": "ar"}).text
    assert 'dir="rtl"' in html and "سجل التنبيهات" in html and "قواعد التنبيه" in html
    # The spike's day keeps its order inside Arabic text (left to right, isolated).
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\d" dir="ltr">\d{4}-\d\d-\d\d</time>', html)
    es = c.get("/veille/alertes", headers={"Accept-Language": "es"}).text
    assert "Historial de alertas" in es
    assert c.get("/veille/banque-sahel").status_code == 200  # subjects still reachable
    taken = c.post("/veille/import", data={"csrf": _csrf(html), "yaml": (
        "subjects:\n- {slug: alertes, name: Alertes, kind: topic, aliases: [alerte]}\n")})
    assert taken.status_code == 400 and "reserved word alertes" in taken.text
    since = (NOW - timedelta(days=1)).date().isoformat()
    assert "Alertas" in c.get("/veille/banque-sahel", params={"from": since},
                              headers={"Accept-Language": "es"}).text


def _audited(db: Database, action: str) -> list[tuple[str, str, str | None]]:
    with db.read() as conn:
        return [(e.actor, e.target, e.reason) for e in audit.recent_entries(conn)
                if e.action == action]


def test_api_edits_a_saved_query_checked_as_a_new_one(
        client: tuple[TestClient, dict[str, str]], db: Database) -> None:
    c, tokens = client
    ana = _auth(tokens["analyst"])
    assert c.post("/api/watch/alerts/queries", headers=ana,
                  json={"name": "ports", "query": '"port de Tanger"'}).status_code == 201
    assert c.post("/api/watch/alerts/queries", headers=ana,
                  json={"name": "grues", "query": "grue"}).status_code == 201
    rule = c.post("/api/watch/alerts/rules", headers=ana, json={
        "target": HOOK, "rules": ["query"], "query": "ports"}).json()
    edit = "/api/watch/alerts/queries/ports"
    assert c.patch(edit, json={"name": "x"}).status_code == 401
    assert c.patch(edit, headers=_auth(tokens["moderator"]), json={"name": "x"}
                   ).status_code == 403

    changed = c.patch(edit, headers=ana, json={"name": "ports du nord",
                                               "query": '"Tanger Med" OR Nador',
                                               "language": "fr"})
    assert changed.status_code == 200, changed.text
    body = changed.json()
    assert (body["name"], body["query"], body["language"]) == (
        "ports du nord", '"Tanger Med" OR Nador', "fr")
    listed = c.get("/api/watch/alerts/queries", headers=ana).json()["items"]
    assert [q["name"] for q in listed] == ["ports du nord", "grues"]
    assert listed[0]["id"] == body["id"]  # the same query, renamed in place
    rules = {r["id"]: r for r in c.get("/api/watch/alerts/rules", headers=ana).json()["items"]}
    assert rules[rule["id"]]["query"] == "ports du nord"  # its rule follows it
    only_language = c.patch("/api/watch/alerts/queries/ports du nord", headers=ana,
                            json={"language": None})
    assert only_language.json()["language"] is None
    assert only_language.json()["query"] == '"Tanger Med" OR Nador'  # the rest stays
    assert _audited(db, "alerts.query.edit")[-1] == (
        "ana", "query:ports du nord",
        "was 'ports': '\"port de Tanger\"' (any language)")

    # the checks of creation, as problem details
    for payload, detail in (
            ({"name": "grues"}, "a saved query named 'grues' exists"),
            ({"query": "  "}, "a saved query needs a name and search words"),
            ({"language": "de"}, "language must be one of fr, ar, es, en"),
            ({"colour": "red"}, "unknown field(s): colour"),
            ({"query": 3}, "name, query and language must be strings")):
        refused = c.patch("/api/watch/alerts/queries/ports du nord", headers=ana,
                          json=payload)
        assert refused.status_code == 400, payload
        assert refused.headers["content-type"].startswith("application/problem+json")
        assert refused.json()["detail"] == detail
    assert c.patch("/api/watch/alerts/queries/ports du nord", headers=ana,
                   content=b"{", ).status_code == 400
    missing = c.patch(edit, headers=ana, json={"query": "x"})
    assert missing.status_code == 404 and missing.json()["detail"] == "no saved query 'ports'"
    with db.read() as conn:  # nothing refused was written
        assert store.query_by_name(conn, "ports du nord") is not None
        assert [q.query for q in store.list_queries(conn)] == ['"Tanger Med" OR Nador', "grue"]


def test_pages_edit_a_saved_query_with_a_form(
        client: tuple[TestClient, dict[str, str]], db: Database) -> None:
    c, _ = client
    _login(c, "ana", "/veille/alertes")
    csrf = _csrf(c.get("/veille/alertes").text)
    for name, search in (("ports", "port"), ("grues", "grue")):
        assert c.post("/veille/alertes/requetes", data={
            "csrf": csrf, "name": name, "search": search}).status_code == 303
    with db.read() as conn:
        ports = store.query_by_name(conn, "ports")
    assert ports is not None
    home = c.get("/veille/alertes", headers={"Accept-Language": "fr"}).text
    row = re.search(rf'<tr id="query-{ports.id}">.*?</tr>', home, re.S)
    assert row and f'href="/veille/alertes/requetes/{ports.id}">Modifier</a>' in row[0]

    page = c.get(f"/veille/alertes/requetes/{ports.id}", headers={"Accept-Language": "fr"})
    assert page.status_code == 200 and 'value="port"' in page.text
    url = f"/veille/alertes/requetes/{ports.id}"
    form = {"csrf": csrf, "name": "ports du nord", "search": '"Tanger Med"', "language": "es"}
    assert c.post(url, data={**form, "csrf": "forged"}).status_code == 403
    taken = c.post(url, data={**form, "name": "grues"})
    assert taken.status_code == 400 and 'role="alert"' in taken.text
    assert "a saved query named &#39;grues&#39; exists" in taken.text
    assert 'value="grues"' in taken.text and "Tanger Med" in taken.text  # form kept
    saved = c.post(url, data=form)
    assert saved.status_code == 303
    assert saved.headers["location"] == f"/veille/alertes#query-{ports.id}"
    home = c.get("/veille/alertes").text
    row = re.search(rf'<tr id="query-{ports.id}">.*?</tr>', home, re.S)
    assert row and "ports du nord" in row[0] and "&#34;Tanger Med&#34;" in row[0]
    assert ">espagnol<" in row[0]  # the language by its name
    assert _audited(db, "alerts.query.edit") == [
        ("ana", "query:ports du nord", "was 'ports': 'port' (any language)")]
    assert c.get("/veille/alertes/requetes/999").status_code == 404
    assert c.post("/veille/alertes/requetes/999", data=form).status_code == 404


def test_a_saved_querys_path_names_every_method_it_takes(
        client: tuple[TestClient, dict[str, str]]) -> None:
    # PATCH and DELETE share /queries/{name}: a method it does not take is answered 405
    # with both in Allow (Starlette's router names only the first route that matched).
    c, tokens = client
    ana = _auth(tokens["analyst"])
    for method in ("GET", "POST", "PUT"):
        refused = c.request(method, "/api/watch/alerts/queries/ports", headers=ana)
        assert refused.status_code == 405, method
        assert refused.headers["allow"] == "DELETE, PATCH"
        assert refused.headers["content-type"].startswith("application/problem+json")
    assert c.patch("/api/watch/alerts/queries/ports/edit", headers=ana,
                   json={"query": "x"}).status_code == 404  # the old path is gone
