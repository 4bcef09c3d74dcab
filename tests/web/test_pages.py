"""Server-rendered pages: home ticker, article page, lists, archive, search, escaping."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient
from lxml import html as lxml_html

from tests.web.seeding import FRENCH_COUNT, HOSTILE_TITLE, Seeded


def doc(client: TestClient, path: str, **kw: object) -> lxml_html.HtmlElement:
    response = client.get(path, **kw)  # type: ignore[arg-type]
    assert response.status_code == 200, (path, response.status_code, response.text[:300])
    return lxml_html.fromstring(response.text)


def text_of(element: lxml_html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def test_home_has_ticker_of_latest_headlines_and_sections(client: TestClient) -> None:
    page = doc(client, "/")
    ticker = page.cssselect("section.ticker")[0]
    items = ticker.cssselect("ul.ticker-track > li")
    assert len(items) == 30
    assert "Actualité française 0" in text_of(items[0])
    assert ticker.cssselect("input#ticker-pause[type=checkbox]")
    assert ticker.cssselect("label[for=ticker-pause]")
    headings = [text_of(h) for h in page.cssselect("section.section-block h2")]
    assert {"Politique", "Économie", "سياسة", "Deportes"} <= set(headings)


def test_page_skeleton_is_accessible(client: TestClient) -> None:
    page = doc(client, "/")
    assert page.get("lang") == "fr" and page.get("dir") == "ltr"
    skip = page.cssselect("body > a.skip-link")[0]
    assert skip.get("href") == "#main" and page.cssselect("main#main")
    assert page.cssselect("header nav.main-nav") and page.cssselect("footer")
    assert page.cssselect('form[role="search"] label[for="header-q"]')
    for img in page.cssselect("img"):
        assert img.get("alt") is not None


def test_article_page_attribution_and_source_link(client: TestClient, seeded: Seeded) -> None:
    page = doc(client, f"/articles/{seeded.ids['fr0']}")
    assert text_of(page.cssselect("p.attribution")[0]) == "Publié dans Le Matin le 20 - 11 - 2026"
    link = page.cssselect("p.read-original a")[0]
    assert text_of(link) == "Cliquez ici pour lire l'article depuis sa source"
    assert link.get("href") == "https://news.example/fr0"
    assert "noopener" in link.get("rel", "")
    assert page.cssselect('link[rel="canonical"]')[0].get("href") == "https://news.example/fr0"
    assert page.cssselect('meta[property="og:title"]')[0].get("content") == "Actualité française 0"
    assert page.cssselect('meta[property="og:image"]')[0].get("content").startswith("https://")
    ld = json.loads(page.cssselect('script[type="application/ld+json"]')[0].text)
    assert ld["@type"] == "NewsArticle" and ld["headline"] == "Actualité française 0"
    assert ld["datePublished"].startswith("2026-11-20T09:00")
    facts = text_of(page.cssselect("dl.facts")[0])
    assert "Nadia Alami" in facts and "Économie" in facts and "français" in facts
    assert page.cssselect("details.report-image form button")
    assert "Signaler cette image" in text_of(page.cssselect("details.report-image summary")[0])


def test_arabic_article_keeps_rtl_inside_french_interface(
    client: TestClient, seeded: Seeded
) -> None:
    page = doc(client, f"/articles/{seeded.ids['ar0']}")
    assert page.get("lang") == "fr" and page.get("dir") == "ltr"
    article = page.cssselect("article.article")[0]
    assert article.get("lang") == "ar" and article.get("dir") == "rtl"
    assert page.cssselect("p.attribution")[0].get("dir") == "ltr"
    assert text_of(page.cssselect("p.attribution")[0]) == "Publié dans هسبريس le 20 - 11 - 2026"


def test_excerpt_mode_shows_only_the_excerpt(client: TestClient, seeded: Seeded) -> None:
    response = client.get(f"/articles/{seeded.ids['es0']}")
    assert "Extracto autorizado del artículo." in response.text
    assert "secreto" not in response.text and "Texto completo" not in response.text


def test_hostile_markup_is_escaped_or_removed(client: TestClient, seeded: Seeded) -> None:
    paths = ["/", "/articles", "/sources/lematin", f"/articles/{seeded.ids['hostile']}",
             "/search?q=Titre", "/archive/2026/11/18", "/search?q=sain"]
    for path in paths:
        body = client.get(path).text
        assert "<script>window" not in body, path
        page = lxml_html.fromstring(body)
        for script in page.iter("script"):
            assert script.get("src") == "/static/app.js" or (
                script.get("type") == "application/ld+json" and "<" not in (script.text or "")
            ), path
        for element in page.iter():
            for name, value in element.attrib.items():
                assert not name.lower().startswith("on"), (path, name)
                assert not value.strip().lower().startswith("javascript:"), (path, name)
    page = doc(client, f"/articles/{seeded.ids['hostile']}")
    assert text_of(page.cssselect("h1")[0]) == " ".join(HOSTILE_TITLE.split())
    body = page.cssselect("div.article-body")[0]
    assert not body.cssselect("script, iframe") and "Paragraphe sain." in text_of(body)
    assert not page.cssselect("figure.lead-image")  # a javascript: image URL is dropped


def test_content_security_policy_forbids_inline_scripts(client: TestClient) -> None:
    csp = client.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp


def test_lists_paginate_with_older_link(client: TestClient) -> None:
    page = doc(client, "/sources/lematin")
    assert text_of(page.cssselect("h1")[0]) == "Le Matin"
    first = [text_of(a) for a in page.cssselect("ol.cards h3 a")]
    assert len(first) == 20
    older = page.cssselect('nav.pager a[rel="next"]')[0].get("href")
    assert older.startswith("/sources/lematin?cursor=")
    rest = [text_of(a) for a in doc(client, older).cssselect("ol.cards h3 a")]
    assert len(first) + len(rest) == FRENCH_COUNT + 1 and not set(first) & set(rest)


def test_language_filter_and_section_and_unknown_source(client: TestClient) -> None:
    langs = {c.get("lang") for c in doc(client, "/articles?lang=ar").cssselect("li.card")}
    assert langs == {"ar"}
    sec = doc(client, "/sections/Deportes")
    assert len(sec.cssselect("li.card")) == 3
    assert client.get("/sources/nope").status_code == 404


def test_archive_day_uses_the_site_time_zone(client: TestClient) -> None:
    # Casablanca is UTC+1: 23:30 UTC on the 19th is already the 20th there.
    titles = [text_of(a) for a in doc(client, "/archive/2026/11/20").cssselect("li.card h3")]
    # fr10 is 23:00 UTC on the 19th (midnight local), fr11 one hour earlier.
    assert "Actualité française 0" in titles and "Actualité française 10" in titles
    assert "Actualité française 11" not in titles
    prev = [text_of(h) for h in doc(client, "/archive/2026/11/19").cssselect("li.card h3")]
    assert "Actualité française 11" in prev and "Actualité française 10" not in prev
    assert client.get("/archive/2026/02/30").status_code == 404
    assert client.get("/archive/2026/13/01").status_code == 404
    assert client.get("/archive/9999/12/31").status_code == 404  # no next day to link to
    assert client.get("/archive/1969/12/31").status_code == 404
    assert client.get("/archive/2026/1x/01").status_code == 404


def test_nul_in_a_source_slug_is_a_plain_404(client: TestClient) -> None:
    assert client.get("/sources/%00").status_code == 404
    assert client.get("/sources/%00/feed.rss").status_code == 404


def test_search_page_highlights_and_filters(client: TestClient) -> None:
    page = doc(client, "/search", params={"q": "réforme"})
    cards = page.cssselect("li.card")
    assert len(cards) == 1
    assert [text_of(m) for m in cards[0].cssselect("p.snippet mark")] == ["réforme"]
    none = doc(client, "/search", params={"q": "réforme", "source": "hespress"})
    assert not none.cssselect("li.card")
    assert text_of(none.cssselect("p.empty")[0]) == "Aucun article ne correspond à cette recherche."
    arabic = doc(client, "/search", params={"q": "البرلمان", "lang": "ar", "sort": "date"})
    assert len(arabic.cssselect("li.card")) == 3
    dated = doc(client, "/search", params={"q": "البرلمان", "since": "2026-11-21"})
    assert not dated.cssselect("li.card")
    assert client.get("/search", params={"q": "x", "since": "demain"}).status_code == 422


def test_unknown_page_is_a_friendly_404(client: TestClient) -> None:
    response = client.get("/articles/999999")
    assert response.status_code == 404 and "text/html" in response.headers["content-type"]
    assert "Cet article n'existe pas." in text_of(lxml_html.fromstring(response.text))


def test_unknown_address_and_bad_cursor_pages(client: TestClient) -> None:
    missing = client.get("/no/such/page", headers={"Accept-Language": "es"})
    assert missing.status_code == 404
    assert "No hay nada en esta dirección." in text_of(lxml_html.fromstring(missing.text))
    bad = client.get("/articles", params={"cursor": "bad"})
    assert bad.status_code == 400 and "text/html" in bad.headers["content-type"]
