"""The application factory and `serve`, as `jarida serve` uses them."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI

from jarida.web import app as web_app
from tests.web.seeding import Seeded, make_settings


def test_serve_runs_uvicorn_on_the_given_address(
    seeded: Seeded, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[Any, dict[str, Any]]] = []
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    web_app.serve(make_settings(str(seeded.db.engine.url)), seeded.db, "127.0.0.1", 8123)
    (app, options), = calls
    assert isinstance(app, FastAPI)
    assert options["host"] == "127.0.0.1" and options["port"] == 8123


def test_static_files_are_served_locally(client: Any) -> None:
    for path in ("/static/style.css", "/static/app.js", "/static/icons/logo.svg"):
        response = client.get(path)
        assert response.status_code == 200, path
    css = client.get("/static/style.css").text
    assert "prefers-color-scheme: dark" in css and "prefers-reduced-motion" in css
    assert "http" not in client.get("/static/app.js").text  # nothing fetched from elsewhere
    home = client.get("/").text
    assert "cdn" not in home.lower() and "googleapis" not in home
