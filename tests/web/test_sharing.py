"""What a shared link shows: cleaned canonical address, OpenGraph and Twitter cards."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from lxml import html as lxml_html

from jarida.model import ArticleRecord
from jarida.storage import articles as store
from tests.web.seeding import BASE_URL, T0, Seeded

CLEAN = "https://news.example/clean-story"
TRACKED = CLEAN + "?utm_source=rss&utm_medium=feed"


def _meta(page: lxml_html.HtmlElement, key: str) -> str | None:
    found = page.xpath(f"//meta[@property='{key}' or @name='{key}']/@content")
    return str(found[0]) if found else None


def _get(client: TestClient, path: str, lang: str = "fr") -> lxml_html.HtmlElement:
    response = client.get(path, headers={"Accept-Language": lang})
    assert response.status_code == 200, path
    return lxml_html.fromstring(response.text)


def test_article_links_use_the_cleaned_canonical_address(
    client: TestClient, seeded: Seeded
) -> None:
    with seeded.db.write() as conn:
        (saved,) = store.save_articles(conn, [ArticleRecord(
            source_id=seeded.source_ids["lematin"], feed_id=None, url=TRACKED,
            canonical_url=CLEAN, title="Une histoire propre", text="Texte.", html="<p>Texte.</p>",
            excerpt="Résumé propre.", content_hash="h-clean", fetched_at=T0, published_at=T0,
            language="fr")])
    page = _get(client, f"/articles/{saved.article_id}")
    assert page.xpath("//link[@rel='canonical']/@href") == [CLEAN]
    assert _meta(page, "og:url") == CLEAN
    assert page.cssselect("p.read-original a")[0].get("href") == CLEAN
    assert "utm_" not in page.cssselect("script[type='application/ld+json']")[0].text


def test_article_cards(client: TestClient, seeded: Seeded) -> None:
    with_image = _get(client, f"/articles/{seeded.ids['fr0']}")
    assert _meta(with_image, "twitter:card") == "summary_large_image"
    # Jarida's own copy of the picture (the moderation area): never the outlet's address.
    assert re.fullmatch(r"https://jarida\.example/media/\d+/\d+\.webp",
                        _meta(with_image, "twitter:image") or "")
    assert _meta(with_image, "og:locale") == "fr_FR"
    without = _get(client, f"/articles/{seeded.ids['ar0']}")
    assert _meta(without, "twitter:card") == "summary"
    assert _meta(without, "og:locale") == "ar_MA"  # the article's language, with its region
    assert _meta(without, "og:description") == "صادق مجلس النواب على مشروع القانون."


@pytest.mark.parametrize("path", [
    "/", "/articles", "/sources", "/sources/lematin", "/sections/Deportes",
    "/archive/2026/11/20", "/search?q=r%C3%A9forme",
])
@pytest.mark.parametrize(("lang", "locale"), [("fr", "fr_FR"), ("ar", "ar_MA"), ("es", "es_ES")])
def test_every_page_type_has_description_and_opengraph(
    client: TestClient, path: str, lang: str, locale: str
) -> None:
    page = _get(client, path, lang)
    description = _meta(page, "description")
    assert description and description == _meta(page, "og:description")
    assert _meta(page, "og:title") and _meta(page, "og:site_name") == "Jarida"
    assert _meta(page, "og:url") == BASE_URL + path
    assert page.xpath("//link[@rel='canonical']/@href") == [BASE_URL + path]
    assert _meta(page, "og:locale") == locale
    assert _meta(page, "twitter:card") == "summary"
