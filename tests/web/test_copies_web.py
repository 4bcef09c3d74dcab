"""Syndicated copies on the site and in the API: the original once, its outlets named."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient

from bench.copies_set import load
from jarida.dedup.copies import link_articles
from jarida.storage import articles as store
from tests.web.seeding import T0, Seeded, _record


def _wire_story(seeded: Seeded) -> tuple[int, list[int]]:
    """The octopus dispatch at Le Matin, then two copies at the other French outlets."""
    items = [i for i in load() if i.group == "octopus-season:fr"]
    original = next(i for i in items if i.kind == "original")
    copies = [i for i in items if i.kind == "copy"][:2]
    sources = [sid for slug, sid in seeded.source_ids.items() if slug != "lematin"]
    ids = []
    with seeded.db.write() as conn:
        for n, (item, sid) in enumerate([(original, seeded.source_ids["lematin"]),
                                         *zip(copies, sources, strict=False)]):
            rec = _record(sid, None, f"octopus{n}", text=item.text, html="",
                          title="Poulpe : un quota réduit", published_at=T0 + timedelta(
                              hours=1, minutes=n))
            ids.append(store.save_articles(conn, [rec])[0].article_id)
        link_articles(conn, ids)
    return ids[0], ids[1:]


def test_api_gives_duplicate_of_and_lists_the_original_once(
    client: TestClient, seeded: Seeded
) -> None:
    original, copies = _wire_story(seeded)
    assert client.get(f"/api/articles/{original}").json()["duplicate_of"] is None
    for copy in copies:
        assert client.get(f"/api/articles/{copy}").json()["duplicate_of"] == original
    listed = [i["id"] for i in client.get("/api/articles", params={"limit": 100}).json()["items"]]
    assert original in listed and not set(copies) & set(listed)
    everything = client.get("/api/articles", params={"limit": 100, "copies": "true"}).json()
    by_id = {i["id"]: i for i in everything["items"]}
    assert {by_id[c]["duplicate_of"] for c in copies} == {original}
    # an outlet's own list keeps its copy
    slug = by_id[copies[0]]["source"]
    own = client.get("/api/articles", params={"source": slug, "limit": 100}).json()["items"]
    assert copies[0] in [i["id"] for i in own]


def test_home_and_lists_show_the_outlets_and_every_copy_keeps_its_page(
    client: TestClient, seeded: Seeded
) -> None:
    original, copies = _wire_story(seeded)
    client.cookies.set("jarida_lang", "fr")
    names = [client.get(f"/api/articles/{c}").json()["source_name"] for c in copies]
    for path in ("/", "/articles"):
        html = client.get(path).text
        assert f'href="/articles/{original}"' in html
        assert "Également publié par" in html
        for copy, name in zip(copies, names, strict=True):
            assert f'<a href="/articles/{copy}">{name}</a>' in html
    page = client.get(f"/articles/{copies[0]}")
    assert page.status_code == 200
    assert f'href="/articles/{original}" data-original' in page.text
    assert "dépêche publiée d" in page.text  # (the apostrophes are escaped)
    english = client.get(f"/articles/{original}", cookies={"jarida_lang": "en"}).text
    assert "Also published by" in english
