"""Feeds name the outlet of every item, carry its attribution and link to the original."""

from __future__ import annotations

from fastapi.testclient import TestClient
from lxml import etree

from tests.web.seeding import BASE_URL

ATOM = "{http://www.w3.org/2005/Atom}"


def _xml(client: TestClient, path: str) -> etree._Element:
    response = client.get(path)
    assert response.status_code == 200, path
    return etree.fromstring(response.content, etree.XMLParser(recover=False))


def test_a_source_feed_is_titled_with_the_outlet_name(client: TestClient) -> None:
    rss = _xml(client, "/sources/lematin/feed.rss")
    assert rss.findtext("channel/title") == "Le Matin · Jarida"
    atom = _xml(client, "/sources/hespress/feed.atom")
    assert atom.findtext(f"{ATOM}title") == "هسبريس · Jarida"


def test_rss_items_carry_source_and_attribution(client: TestClient) -> None:
    rss = _xml(client, "/feed.rss?lang=fr")
    item = next(i for i in rss.iter("item") if i.findtext("title") == "Actualité française 0")
    source = item.find("source")
    assert source is not None and source.text == "Le Matin"
    assert source.get("url") == f"{BASE_URL}/sources/lematin/feed.rss"
    description = etree.fromstring(f"<div>{item.findtext('description')}</div>")
    link = description.find("p/a")
    assert link is not None and link.get("href") == "https://news.example/fr0"
    assert link.text == "Publié dans Le Matin le 20 - 11 - 2026"


def test_atom_entries_carry_source_in_the_article_language(client: TestClient) -> None:
    atom = _xml(client, "/feed.atom?lang=ar")
    entry = atom.find(f"{ATOM}entry")
    assert entry is not None
    assert entry.findtext(f"{ATOM}source/{ATOM}title") == "هسبريس"
    summary = entry.findtext(f"{ATOM}summary") or ""
    assert "نشر في هسبريس يوم" in summary and 'href="https://news.example/ar' in summary
    assert entry.find(f"{ATOM}link[@rel='via']").get("href").startswith("https://news.example/")


def test_unknown_section_feed_is_404(client: TestClient) -> None:
    assert client.get("/sections/Nope/feed.rss").status_code == 404
