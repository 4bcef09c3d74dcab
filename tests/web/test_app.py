"""The application factory: static files and what every page links to."""

from __future__ import annotations

from typing import Any


def test_static_files_are_served_locally(client: Any) -> None:
    for path in ("/static/style.css", "/static/app.js", "/static/icons/logo.svg"):
        response = client.get(path)
        assert response.status_code == 200, path
    css = client.get("/static/style.css").text
    assert "prefers-color-scheme: dark" in css and "prefers-reduced-motion" in css
    assert "http" not in client.get("/static/app.js").text  # nothing fetched from elsewhere
    home = client.get("/").text
    assert "cdn" not in home.lower() and "googleapis" not in home
