"""The admin area: login, roles, CSRF, and moderators' decisions seen on the site."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from jarida.accounts.service import create_user
from jarida.cli import main
from jarida.storage.tables import audit_log, users
from tests.moderation.conftest import new_reader, report
from tests.web.seeding import BASE_URL, Seeded, picture, store_lead_image

PASSWORD = "correct horse battery"
GET_ROUTES = {
    "/admin": ("admin", "moderator"),
    "/admin/articles": ("admin", "moderator"),
    "/admin/sources": ("admin", "moderator"),
    "/admin/crawl": ("admin", "moderator", "analyst"),
    "/admin/audit": ("admin", "moderator"),
    "/admin/users": ("admin",),
}
POST_ROUTES = ["/admin/images/1/confirm", "/admin/images/1/restore", "/admin/images/1/block",
               "/admin/articles/1/hide", "/admin/articles/1/unhide",
               "/admin/sources/lematin/pause", "/admin/sources/lematin/resume", "/admin/logout"]


def add_user(seeded: Seeded, name: str, role: str) -> None:
    with seeded.db.write() as conn:
        create_user(conn, name, role, PASSWORD, datetime.now(UTC))


def login(app: FastAPI, name: str, password: str = PASSWORD, network: str = "192.0.2.10"
          ) -> TestClient:
    client = TestClient(app, base_url=BASE_URL, client=("127.0.0.1", 40000),
                        follow_redirects=False)
    page = client.get("/admin/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert token
    answer = client.post("/admin/login", data={"name": name, "password": password,
                                                "csrf": token[1], "next": "/admin"},
                         headers={"X-Forwarded-For": network})
    client.headers["X-Forwarded-For"] = network
    client.last_login = answer  # type: ignore[attr-defined]
    return client


def csrf_of(client: TestClient, path: str = "/admin/crawl") -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', client.get(path).text)
    assert found
    return found[1]


def test_create_user_command(seeded: Seeded, tmp_path: Path) -> None:
    secret = tmp_path / "pw"
    secret.write_text(PASSWORD + "\n")
    url = str(seeded.db.engine.url)
    import os

    os.environ["JARIDA_DATABASE_URL"] = url
    try:
        assert main(["admin", "create-user", "amina", "--role", "moderator",
                     "--password-file", str(secret)]) == 0
        assert main(["admin", "create-user", "amina", "--role", "moderator",
                     "--password-file", str(secret)]) == 2
        assert main(["admin", "create-user", "x", "--role", "king",
                     "--password-file", str(secret)]) == 2
    finally:
        del os.environ["JARIDA_DATABASE_URL"]
    with seeded.db.read() as conn:
        row = conn.execute(select(users).where(users.c.name == "amina")).one()
    assert row.role == "moderator" and row.password_hash.startswith("$argon2id$")
    assert PASSWORD not in row.password_hash


def test_every_admin_route_needs_login_and_the_right_role(app: FastAPI, seeded: Seeded
                                                           ) -> None:
    anonymous = TestClient(app, base_url=BASE_URL, follow_redirects=False)
    for path in GET_ROUTES:
        answer = anonymous.get(path)
        assert answer.status_code == 303 and answer.headers["location"].startswith(
            "/admin/login"), path
    for path in POST_ROUTES:
        assert anonymous.post(path, data={"csrf": "x"}).status_code == 303, path
    for role in ("admin", "moderator", "analyst"):
        add_user(seeded, f"u-{role}", role)
        client = login(app, f"u-{role}")
        assert client.last_login.status_code == 303  # type: ignore[attr-defined]
        cookie = client.last_login.headers["set-cookie"]  # type: ignore[attr-defined]
        assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" in cookie
        for path, roles in GET_ROUTES.items():
            expected = 200 if role in roles else 403
            assert client.get(path).status_code == expected, (role, path)
    analyst = login(app, "u-analyst")
    token = csrf_of(analyst)
    assert analyst.post("/admin/articles/1/hide", data={"csrf": token}).status_code == 403


def test_a_form_without_its_csrf_token_is_refused(app: FastAPI, seeded: Seeded) -> None:
    add_user(seeded, "mod", "moderator")
    client = login(app, "mod")
    assert client.post("/admin/articles/1/hide", data={}).status_code == 403
    assert client.post("/admin/articles/1/hide", data={"csrf": "forged"}).status_code == 403
    assert new_reader(app).get("/articles/1").status_code == 200
    assert client.post("/admin/articles/1/hide",
                       data={"csrf": csrf_of(client)}).status_code == 303
    assert new_reader(app).get("/articles/1").status_code == 410
    # the login form has its own token
    bare = TestClient(app, base_url=BASE_URL, follow_redirects=False)
    assert bare.post("/admin/login", data={"name": "mod", "password": PASSWORD}
                     ).status_code == 403


def test_lockout_and_no_difference_between_unknown_user_and_wrong_password(
    app: FastAPI, seeded: Seeded
) -> None:
    add_user(seeded, "mod", "moderator")
    unknown = login(app, "nobody", network="198.51.100.1").last_login  # type: ignore[attr-defined]
    wrong = login(app, "mod", "bad password!", network="198.51.100.2").last_login  # type: ignore[attr-defined]
    assert unknown.status_code == wrong.status_code == 401
    assert unknown.text.replace("nobody", "") .count("role=\"alert\"") == 1
    for n in range(4):
        login(app, "mod", "bad password!", network=f"203.0.{n}.1")
    locked = login(app, "mod", PASSWORD, network="192.0.2.200")
    assert locked.last_login.status_code == 401  # type: ignore[attr-defined]
    with seeded.db.write() as conn:
        conn.execute(users.update().values(locked_until=None))
    assert login(app, "mod", network="192.0.2.201").last_login.status_code == 303  # type: ignore[attr-defined]


def _block(app: FastAPI, image: int) -> None:
    for net in ("203.0.113.1", "198.51.100.1", "192.0.2.1"):
        report(new_reader(app), image, net)


def test_restored_image_reappears_and_its_reporters_count_less(app: FastAPI, seeded: Seeded
                                                                ) -> None:
    add_user(seeded, "mod", "moderator")
    reader = new_reader(app)
    image = reader.get(f"/api/articles/{seeded.ids['fr0']}").json()["image_id"]
    _block(app, image)
    assert reader.get(f"/media/{image}/320.webp").status_code == 410
    mod = login(app, "mod")
    queue = mod.get("/admin").text
    assert f"image {image}" in queue and "violence" in queue
    answer = mod.post(f"/admin/images/{image}/restore",
                      data={"csrf": csrf_of(mod), "reason": "news photo"})
    assert answer.status_code == 303
    assert reader.get(f"/media/{image}/320.webp").status_code == 200
    item = reader.get(f"/api/articles/{seeded.ids['fr0']}").json()
    assert item["image_blocked"] is False and item["image_url"]
    # The same three networks, with new cookies, now count for less than three readers.
    _block(app, image)
    assert reader.get(f"/media/{image}/320.webp").status_code == 200
    with seeded.db.read() as conn:
        actions = [r.action for r in conn.execute(select(audit_log))]
    assert "image.blocked_by_reports" in actions and "image.restored" in actions


def test_a_banned_picture_in_a_new_article_is_never_shown(app: FastAPI, seeded: Seeded) -> None:
    add_user(seeded, "mod", "moderator")
    reader = new_reader(app)
    image = reader.get(f"/api/articles/{seeded.ids['fr0']}").json()["image_id"]
    _block(app, image)
    mod = login(app, "mod")
    assert mod.post(f"/admin/images/{image}/confirm",
                    data={"csrf": csrf_of(mod)}).status_code == 303
    again = store_lead_image(seeded.db, seeded.ids["fr5"], "https://elsewhere.example/p.jpg",
                             picture())
    assert reader.get(f"/media/{again}/320.webp").status_code == 410
    page = reader.get(f"/articles/{seeded.ids['fr5']}").text
    assert "image-withdrawn" in page and f"/media/{again}/" not in page


def test_a_hidden_article_is_gone_everywhere(app: FastAPI, seeded: Seeded) -> None:
    add_user(seeded, "mod", "moderator")
    mod = login(app, "mod")
    target = seeded.ids["fr3"]
    reader = new_reader(app)
    title = reader.get(f"/api/articles/{target}").json()["title"]
    assert mod.post(f"/admin/articles/{target}/hide",
                    data={"csrf": csrf_of(mod), "reason": "court order"}).status_code == 303
    assert reader.get(f"/articles/{target}").status_code == 410
    assert reader.get(f"/api/articles/{target}").status_code == 410
    ids = [a["id"] for a in reader.get("/api/articles", params={"limit": 100}).json()["items"]]
    assert target not in ids
    for path in ("/", "/articles", "/feed.rss", "/feed.atom", "/sitemap.xml"):
        assert f"/articles/{target}<" not in reader.get(path).text.replace('"', "<"), path
    found = reader.get("/api/search", params={"q": title}).json()["items"]
    assert target not in [a["id"] for a in found]
    listed = mod.get("/admin/articles", params={"hidden": "1"}).text
    assert title in listed
    assert mod.post(f"/admin/articles/{target}/unhide",
                    data={"csrf": csrf_of(mod)}).status_code == 303
    assert reader.get(f"/articles/{target}").status_code == 200


def test_the_audit_log_is_append_only(seeded: Seeded) -> None:
    with seeded.db.write() as conn:
        conn.execute(audit_log.insert().values(at=datetime.now(UTC), actor="t", action="x",
                                               target="y"))
    for statement in ("UPDATE audit_log SET actor = 'z'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError), seeded.db.write() as conn:
            conn.execute(text(statement))


def test_api_tokens_are_hashed_at_rest_and_revocable(app: FastAPI, seeded: Seeded) -> None:
    from jarida.accounts.service import issue_api_token
    from jarida.storage.accounts import revoke_api_token
    from jarida.storage.tables import api_tokens

    add_user(seeded, "ana", "analyst")
    with seeded.db.write() as conn:
        user = conn.execute(select(users.c.id).where(users.c.name == "ana")).scalar_one()
        token = issue_api_token(conn, user, "monitoring", datetime.now(UTC))
        stored = conn.execute(select(api_tokens)).one()
    assert token not in " ".join(str(v) for v in stored)
    client = new_reader(app)
    assert client.get("/api/account").status_code == 401
    assert client.get("/api/account", headers={"Authorization": "Bearer jrd_nope"}
                      ).status_code == 401
    ok = client.get("/api/account", headers={"Authorization": f"Bearer {token}"})
    assert ok.status_code == 200 and ok.json() == {"name": "ana", "role": "analyst"}
    with seeded.db.write() as conn:
        assert revoke_api_token(conn, stored.id, datetime.now(UTC))
    assert client.get("/api/account", headers={"Authorization": f"Bearer {token}"}
                      ).status_code == 401


def test_crawl_status_shows_the_crawl_loops_health(app: FastAPI, seeded: Seeded) -> None:
    from jarida.storage.crawl_passes import PassRecord, record_pass

    now = datetime.now(UTC)
    with seeded.db.write() as conn:
        record_pass(conn, PassRecord("host:1", now, now, True, feeds=2))
        record_pass(conn, PassRecord("host:1", now, now, False,
                                     "OperationalError: database or disk is full"))
    add_user(seeded, "watcher", "moderator")
    page = login(app, "watcher").get("/admin/crawl")
    assert page.status_code == 200
    health = page.text[page.text.index('class="crawl-health"'):]
    assert "database or disk is full" in health and "<dd>1</dd>" in health
