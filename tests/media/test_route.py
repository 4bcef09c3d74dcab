"""The image route's prepared answers: reused within a data version, dropped by a block in
every serving process, never kept for a file that is not there, and counted."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from jarida.media.store import MediaStore
from jarida.storage import blocking
from jarida.storage import images as image_store
from jarida.web import create_app
from tests.metrics.scrape import value
from tests.web.conftest import seeded, seeded_template  # noqa: F401 - fixtures
from tests.web.seeding import BASE_URL, Seeded, make_settings, store_lead_image


def _client(site: Seeded, media: Path) -> TestClient:
    settings = make_settings(str(site.db.engine.url), media_dir=str(media))
    return TestClient(create_app(settings, site.db, version_ttl=0), base_url=BASE_URL)


def test_a_block_reaches_every_process_that_prepared_the_answer(
    seeded: Seeded,  # noqa: F811
    tmp_path: Path
) -> None:
    settings = make_settings(str(seeded.db.engine.url), media_dir=str(tmp_path))
    image = store_lead_image(seeded.db, seeded.ids["fr0"], "https://x.example/a.jpg",
                             settings=settings)
    first, second = _client(seeded, tmp_path), _client(seeded, tmp_path)  # two processes
    path = f"/media/{image}/320.webp"
    for client in (first, second):
        for _ in range(2):  # the second answer comes from the prepared one
            answer = client.get(path)
            assert answer.status_code == 200 and answer.content[:4] == b"RIFF"
    with seeded.db.write() as conn:
        blocking.block_images(conn, [image], "test")
    for client in (first, second):
        withdrawn = client.get(path)
        assert withdrawn.status_code == 410
        assert withdrawn.headers["x-content-type-options"] == "nosniff"
        assert withdrawn.headers["content-security-policy"] == "default-src 'none'; sandbox"
        assert client.head(path).status_code == 410


def test_head_validators_and_headers_match_the_get(seeded: Seeded, tmp_path: Path) -> None:  # noqa: F811
    settings = make_settings(str(seeded.db.engine.url), media_dir=str(tmp_path))
    image = store_lead_image(seeded.db, seeded.ids["fr0"], "https://x.example/a.jpg",
                             settings=settings)
    client = _client(seeded, tmp_path)
    path = f"/media/{image}/640.webp"
    got, head = client.get(path), client.head(path)
    assert head.status_code == 200 and head.content == b""
    for name in ("content-type", "content-length", "etag", "cache-control",
                 "x-content-type-options", "content-security-policy"):
        assert head.headers[name] == got.headers[name]
    assert int(got.headers["content-length"]) == len(got.content)
    etag = got.headers["etag"]
    again = client.get(path, headers={"If-None-Match": f'"other", {etag}'})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag and again.headers["x-content-type-options"] == "nosniff"
    assert client.get(path, headers={"If-None-Match": '"other"'}).status_code == 200
    assert client.post(path).status_code in (404, 405)  # only GET and HEAD are answered


def test_a_missing_file_is_looked_for_again(seeded: Seeded, tmp_path: Path) -> None:  # noqa: F811
    settings = make_settings(str(seeded.db.engine.url), media_dir=str(tmp_path))
    image = store_lead_image(seeded.db, seeded.ids["fr0"], "https://x.example/a.jpg",
                             settings=settings)
    with seeded.db.read() as conn:
        shown = image_store.shown_image(conn, image)
    assert shown is not None and shown.sha256
    file = MediaStore(tmp_path).path(shown.sha256, 320, "webp")
    data = file.read_bytes()
    file.unlink()  # a shared media volume that is late, say
    client = _client(seeded, tmp_path)
    assert client.get(f"/media/{image}/320.webp").status_code == 404
    file.write_bytes(data)
    answer = client.get(f"/media/{image}/320.webp")  # same data version: not a kept 404
    assert answer.status_code == 200 and answer.content == data


def test_image_requests_are_counted(seeded: Seeded, tmp_path: Path) -> None:  # noqa: F811
    settings = make_settings(str(seeded.db.engine.url), media_dir=str(tmp_path))
    image = store_lead_image(seeded.db, seeded.ids["fr0"], "https://x.example/a.jpg",
                             settings=settings)
    client = _client(seeded, tmp_path)
    before = client.get("/metrics").text
    for _ in range(3):
        assert client.get(f"/media/{image}/320.webp").status_code == 200
    assert client.get("/media/999999/320.webp").status_code == 404
    after = client.get("/metrics").text

    def moved(status: str) -> float:
        return (value(after, "jarida_http_requests_total", route="media", status=status)
                - value(before, "jarida_http_requests_total", route="media", status=status))

    assert moved("2xx") == 3 and moved("4xx") == 1


def test_odd_paths_are_not_kept(seeded: Seeded, tmp_path: Path) -> None:  # noqa: F811
    settings = make_settings(str(seeded.db.engine.url), media_dir=str(tmp_path))
    app = create_app(settings, seeded.db, version_ttl=0)
    client = TestClient(app, base_url=BASE_URL)
    for n in range(20):
        assert client.get(f"/media/{'x' * 2000}{n}").status_code == 404
    assert client.get("/media/999999/320.webp").status_code == 404  # a well-formed id: kept
    assert len(app.media) == 1  # type: ignore[attr-defined]
