"""Readers' reports: who counts, the threshold, and the block seen everywhere at once."""

from __future__ import annotations

import io
import typing

from fastapi import FastAPI
from fastapi.testclient import TestClient
from PIL import Image
from sqlalchemy import select

from jarida.moderation.identity import client_address, network_of
from jarida.moderation.reporting import REASONS
from jarida.storage.tables import reports
from jarida.web.reports import Reason
from tests.moderation.conftest import new_reader, report
from tests.web.seeding import Seeded, picture, store_lead_image


def _image_id(client: TestClient, article_id: int) -> int:
    value = client.get(f"/api/articles/{article_id}").json()["image_id"]
    assert isinstance(value, int)
    return value


def test_three_readers_on_three_networks_block_it_everywhere(
    app: FastAPI, seeded: Seeded
) -> None:
    article = seeded.ids["fr0"]
    first = new_reader(app)
    image = _image_id(first, article)
    src = f"/media/{image}/320.webp"
    assert first.get(src).status_code == 200
    assert src in first.get(f"/articles/{article}").text
    assert src in first.get("/").text  # the home page's cards show it too
    assert f"/media/{image}/800.webp" in first.get("/feed.rss").text  # an enclosure
    assert f"/media/{image}/800.webp" in first.get("/feed.atom").text
    assert report(first, image, "203.0.113.7") == {"status": "recorded", "blocked": False}
    assert report(first, image, "203.0.113.7")["status"] == "already_reported"
    assert report(new_reader(app), image, "198.51.100.20")["blocked"] is False
    assert report(new_reader(app), image, "192.0.2.99") == {"status": "recorded",
                                                             "blocked": True}
    reader = new_reader(app)
    page = reader.get(f"/articles/{article}").text
    assert "image-withdrawn" in page and src not in page
    assert src not in reader.get("/").text and "image-withdrawn" in reader.get("/").text
    item = reader.get(f"/api/articles/{article}").json()
    assert item["image_url"] is None and item["image_blocked"] is True
    listed = reader.get("/api/articles").json()["items"][0]
    assert listed["id"] == article and listed["image_blocked"] is True
    for width in (320, 640, 800):
        assert reader.get(f"/media/{image}/{width}.webp").status_code == 410
    assert f"/media/{image}/" not in reader.get("/feed.rss").text
    assert f"/media/{image}/" not in reader.get("/feed.atom").text


def test_fifty_cookies_from_one_network_never_block(app: FastAPI, seeded: Seeded) -> None:
    image = _image_id(new_reader(app), seeded.ids["fr0"])
    outcomes = []
    for n in range(50):
        response = new_reader(app).post(
            f"/api/images/{image}/reports", json={"reason": "hatred"},
            headers={"X-Forwarded-For": f"203.0.113.{n + 1}"})  # one /24, 50 addresses
        outcomes.append(response.status_code)
        if response.status_code == 202:
            assert response.json()["blocked"] is False
    assert set(outcomes) <= {202, 429} and 429 in outcomes  # rate-limited per network
    assert new_reader(app).get(f"/media/{image}/320.webp").status_code == 200


def test_one_reader_on_many_networks_counts_once(app: FastAPI, seeded: Seeded) -> None:
    image = _image_id(new_reader(app), seeded.ids["fr0"])
    same = new_reader(app)
    for net in ("203.0.113.1", "198.51.100.1", "192.0.2.1"):
        body = report(same, image, net)
    assert body == {"status": "already_reported", "blocked": False}


def test_no_raw_identity_at_rest(app: FastAPI, seeded: Seeded) -> None:
    client = new_reader(app)
    image = _image_id(client, seeded.ids["fr0"])
    report(client, image, "203.0.113.77")
    cookie = client.cookies.get("jarida_reader")
    assert cookie
    with seeded.db.read() as conn:
        row = conn.execute(select(reports)).one()
    stored = " ".join(str(v) for v in row)
    assert "203.0.113" not in stored and cookie not in stored
    assert len(row.reporter) == len(row.network) == 64


def test_forwarded_for_is_ignored_from_untrusted_peers() -> None:
    assert str(client_address("198.51.100.5", ["203.0.113.9"], [])) == "198.51.100.5"
    assert str(client_address("198.51.100.5", ["203.0.113.9"], ["10.0.0.0/8"])) \
        == "198.51.100.5"
    assert str(client_address("10.1.2.3", ["203.0.113.9, 10.9.9.9"], ["10.0.0.0/8"])) \
        == "203.0.113.9"
    assert network_of(client_address("2001:db8:1:2::5", [], [])) == "2001:db8:1::/48"


def test_bad_reports_are_problems(reader: TestClient, seeded: Seeded) -> None:
    image = _image_id(reader, seeded.ids["fr0"])
    bad = reader.post(f"/api/images/{image}/reports", json={"reason": "boring"})
    assert bad.status_code == 422
    assert bad.headers["content-type"].startswith("application/problem+json")
    long = reader.post(f"/api/images/{image}/reports",
                       json={"reason": "other", "comment": "x" * 501})
    assert long.status_code == 422
    missing = reader.post("/api/images/999999/reports", json={"reason": "other"})
    assert missing.status_code == 404 and missing.json()["status"] == 404
    text = reader.post(f"/api/images/{image}/reports", content=b'{"reason": "other"}',
                       headers={"content-type": "text/plain"})
    assert text.status_code == 422  # what a cross-site form could send
    assert set(typing.get_args(Reason)) == set(REASONS)


def test_the_form_works_without_javascript_and_thanks_the_reader(
    reader: TestClient, seeded: Seeded
) -> None:
    image = _image_id(reader, seeded.ids["fr0"])
    page = reader.get(f"/articles/{seeded.ids['fr0']}", headers={"Accept-Language": "ar"})
    assert f'action="/images/{image}/report"' in page.text
    answer = reader.post(f"/images/{image}/report", data={"reason": "private", "comment": ""},
                         headers={"Origin": "https://jarida.example",
                                  "Accept-Language": "ar", "X-Forwarded-For": "203.0.113.5"})
    assert answer.status_code == 200 and 'dir="rtl"' in answer.text
    assert "role=\"status\"" in answer.text
    cross = reader.post(f"/images/{image}/report", data={"reason": "private"},
                        headers={"Origin": "https://evil.example"})
    assert cross.status_code == 403


def test_a_copy_in_another_article_is_blocked_too(app: FastAPI, seeded: Seeded) -> None:
    client = new_reader(app)
    original = _image_id(client, seeded.ids["fr0"])
    shrunk = Image.open(io.BytesIO(picture())).resize((640, 360))
    out = io.BytesIO()
    shrunk.save(out, format="JPEG", quality=60)  # the same picture, resized and re-encoded
    smaller = out.getvalue()
    copy = store_lead_image(seeded.db, seeded.ids["fr1"], "https://other.example/c.jpg",
                            smaller)
    other = store_lead_image(seeded.db, seeded.ids["fr2"], "https://other.example/o.jpg",
                             picture(colour=(200, 200, 20), seed=9))
    for net in ("203.0.113.1", "198.51.100.1", "192.0.2.1"):
        report(new_reader(app), original, net)
    assert client.get(f"/media/{copy}/320.webp").status_code == 410
    assert client.get(f"/media/{other}/320.webp").status_code == 200
