"""Feeds, sitemaps and OPML stay well-formed XML whatever the stored text and the query
(control characters, lone surrogates, U+FFFE...): parsed by lxml without recovery."""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import quote

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from jarida.model import Article, Source
from jarida.web.feeds import Credit, FeedMeta, build_atom, build_rss
from jarida.web.sitemaps import build_news_sitemap, build_opml, build_sitemap

HOSTILE = ["\x00", "\x01", "\x08", "\x0b", "\x1f", "\x7f", "\ud800", "\udfff", "\ufffe",
           "\uffff", "]", ">", "<", "&", '"', "\u202e"]
# A list of characters joined: st.text() would silently drop the lone surrogates.
texts = st.lists(st.one_of(st.characters(), st.sampled_from(HOSTILE)), max_size=40).map("".join)
STRICT = etree.XMLParser(recover=False, resolve_entities=False, no_network=True)
WHEN = datetime(2026, 11, 20, 9, tzinfo=UTC)


def _strict(document: bytes) -> etree._Element:
    return etree.fromstring(document, STRICT)


def _article(title: str, name: str, excerpt: str, section: str, lang: str) -> Article:
    return Article(
        id=1, source_id=1, feed_id=None,
        url="https://news.example/a?x=" + quote(title.encode("utf-8", "surrogatepass")),
        canonical_url="https://news.example/a", guid=None, title=title, text="", html="",
        excerpt=excerpt, author=name, published_at=WHEN, fetched_at=WHEN, updated_at=WHEN,
        language=lang, section=section, image_url=None, content_hash="h", status="ok",
        source_slug=name, source_name=name,
    )


@settings(max_examples=150, deadline=None)
@given(title=texts, name=texts, excerpt=texts, section=texts, lang=texts, query=texts)
def test_every_document_parses_strictly(
    title: str, name: str, excerpt: str, section: str, lang: str, query: str
) -> None:
    article = _article(title, name, excerpt, section, lang)
    meta = FeedMeta(title=f"« {query} » · {name}", self_url="https://j.example/feed?q=" + query,
                    home_url="https://j.example/", description=section, language=lang)

    def credit(a: Article) -> Credit:
        return Credit(outlet=a.source_name, outlet_feed="https://j.example/" + a.source_slug,
                      original=a.url, line=f"Publié dans {a.source_name} le {query}")

    for build in (build_rss, build_atom):
        _strict(build(meta, [article], lambda a: f"https://j.example/{a.title}", credit))
    _strict(build_sitemap([f"https://j.example/{section}"], [article], lambda a: a.title))
    _strict(build_news_sitemap([article], lambda a: a.title, name))
    source = Source(id=1, slug=name, name=name, homepage=title, languages=(lang,),
                    country=None, section=section, mode="full", timezone=None, verified=False,
                    created_at=WHEN)
    _strict(build_opml(query, [source], lambda s: s.name))


FEED_PATHS = ["/feed.atom", "/feed.rss", "/sources/lematin/feed.atom",
              "/sections/Deportes/feed.atom", "/archive/2026/11/20/feed.atom"]


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=texts, name=st.sampled_from(["lang", "q", "section", "source", "since"]),
       path=st.sampled_from(FEED_PATHS))
def test_any_parameter_gives_a_strict_feed_or_a_plain_refusal(
    client: TestClient, value: str, name: str, path: str
) -> None:
    encoded = quote(value.encode("utf-8", "surrogatepass"), safe="")
    response = client.get(f"{path}?{name}={encoded}")
    if response.status_code == 200:
        _strict(response.content)
    else:
        assert response.status_code in (404, 422), (path, name, value, response.status_code)
        assert "public" not in response.headers.get("cache-control", "")


def test_a_control_character_in_lang_is_refused_and_not_cached(client: TestClient) -> None:
    for path in FEED_PATHS:
        response = client.get(f"{path}?lang=%01")
        assert response.status_code == 422, path
        assert "\x01" not in response.text
        assert "public" not in response.headers.get("cache-control", "")
    assert client.get("/feed.atom?lang=xx-").status_code == 422
    good = client.get("/feed.atom?lang=pt-BR")
    assert good.status_code == 200 and 'xml:lang="pt-BR"' in good.text
