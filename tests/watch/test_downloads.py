"""The dashboard's downloads (/veille/{slug}/mentions.csv|.xlsx, timeline.csv): on the
analyst's session, with the dashboard's filters; nothing for anyone else."""

from __future__ import annotations

import csv
import io

import openpyxl
from fastapi.testclient import TestClient

from jarida.web.watch_api import MENTION_COLUMNS, TIMELINE_COLUMNS
from tests.watch.test_pages import _login, site  # noqa: F401 - the fixture


def test_downloads_need_an_analyst_and_follow_the_filters(site: TestClient) -> None:  # noqa: F811
    for path in ("/veille/banque-sahel/mentions.csv", "/veille/banque-sahel/timeline.csv"):
        assert site.get(path).headers["location"].startswith("/admin/login")
    _login(site, "mod", "/veille")
    assert site.get("/veille/banque-sahel/mentions.csv").status_code == 403
    site.cookies.clear()
    _login(site, "ana", "/veille/banque-sahel")

    every = site.get("/veille/banque-sahel/mentions.csv")
    assert every.status_code == 200 and every.headers["content-type"].startswith("text/csv")
    assert 'filename="banque-sahel-mentions.csv"' in every.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(every.text.lstrip("\ufeff"))))
    assert tuple(rows[0]) == MENTION_COLUMNS and len(rows) == 1 + 3
    book = openpyxl.load_workbook(io.BytesIO(site.get(
        "/veille/banque-sahel/mentions.xlsx").content))
    assert len(list(book.active.iter_rows(values_only=True))) == 1 + 3

    dated = site.get("/veille/banque-sahel/mentions.csv?language=fr&from=2000-01-01&to=2000-01-02")
    assert len(list(csv.reader(io.StringIO(dated.text.lstrip("\ufeff"))))) == 1  # header
    weeks = list(csv.DictReader(io.StringIO(site.get(
        "/veille/banque-sahel/timeline.csv?interval=week").text.lstrip("\ufeff"))))
    assert tuple(weeks[0]) == TIMELINE_COLUMNS and sum(int(w["mentions"]) for w in weeks) == 3

    assert site.get("/veille/banque-sahel/mentions.pdf").status_code == 404
    assert site.get("/veille/nobody/mentions.csv").status_code == 404
    assert site.get("/veille/banque-sahel/mentions.csv?from=yesterday").status_code == 400
    page = site.get("/veille/banque-sahel?language=fr", headers={"Accept-Language": "fr"}).text
    assert 'href="/veille/banque-sahel/mentions.xlsx?language=fr"' in page
