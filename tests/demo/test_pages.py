"""Article pages carry the metadata, date formats, direction and traps they promise."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable

import httpx
from lxml import html as lhtml
from PIL import Image
from protego import Protego

from jarida.demo import DemoWeb

GetOk = Callable[[httpx.Client, str], httpx.Response]


def _page(client: httpx.Client, url: str) -> str:
    for _ in range(3):  # Le Phare du Détroit answers 500 once in three tries per path
        resp = client.get(url)
        if resp.status_code != 500:
            break
    return resp.content.decode("utf-8", errors="replace")


def test_every_article_has_canonical_og_and_image(
    web: DemoWeb, client: httpx.Client, get_ok: GetOk
) -> None:
    for rec in web.articles():
        resp = get_ok(client, rec.url)
        assert resp.status_code == 200, rec.url
        tree = lhtml.fromstring(resp.content)
        assert tree.xpath("//link[@rel='canonical']/@href") == [rec.url]
        assert tree.xpath("//meta[@property='og:title']/@content")
        image = tree.xpath("//meta[@property='og:image']/@content")[0]
        assert image.startswith(web.base_url)
        assert 15_000 <= len(resp.content) <= 120_000


def test_arabic_pages_are_rtl(web: DemoWeb, client: httpx.Client, get_ok: GetOk) -> None:
    arabic = [r for r in web.articles() if r.language == "ar"]
    for rec in arabic[:8]:
        tree = lhtml.fromstring(get_ok(client, rec.url).content)
        assert tree.get("dir") == "rtl" and tree.get("lang") == "ar"


def test_metadata_styles_differ_by_outlet(web: DemoWeb, client: httpx.Client) -> None:
    first = {r.outlet: r for r in reversed(web.articles())}
    courrier = _page(client, first["courrier-atlas"].url)
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', courrier, re.S)
    assert ld and json.loads(ld.group(1))["@type"] == "NewsArticle"
    assert 'property="article:published_time"' in courrier
    assert re.search(
        r"(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d{1,2} \w+ "
        r"20\d\d à \d{1,2}h\d\d",
        courrier,
    )
    phare = _page(client, first["phare-detroit"].url)
    assert re.search(r"\d\d - \d\d - 20\d\d", phare)
    assert "article:published_time" not in phare and "ld+json" not in phare
    akhbar = _page(client, first["akhbar-maghrib"].url)
    assert re.search(
        "(يناير|فبراير|مارس|أبريل|ماي|يونيو|يوليوز|غشت|شتنبر|أكتوبر|نونبر|دجنبر)", akhbar
    )
    diario = _page(client, first["diario-estrecho"].url)
    assert re.search(r"\d{1,2} de \w+ de 20\d\d", diario)


def test_boilerplate_is_present(web: DemoWeb, client: httpx.Client) -> None:
    page = _page(client, web.articles()[0].url)
    for marker in (
        "<nav",
        "<footer",
        'id="comments"',
        "adsbydemo",
        'role="dialog"',
        "share.example.invalid",
        "/admin/login",
    ):
        assert marker in page, marker


def test_hostile_outlet_really_is_hostile(
    web: DemoWeb, client: httpx.Client, get_ok: GetOk
) -> None:
    hostile = [r for r in web.articles() if r.hostile]
    assert hostile and all(r.outlet == "atlas-tech" for r in hostile)
    page = _page(client, hostile[0].url)
    for needle in (
        "<script>alert('title')</script>",
        "onerror=",
        "javascript:",
        "<iframe",
        "<svg onload=",
    ):
        assert needle in page, needle
    feed = get_ok(client, f"{web.base_url}/atlas-tech/feed.xml").text
    assert "onerror" in feed and "javascript:" in feed
    assert "&lt;script&gt;alert('title')" in feed


def test_broken_charset_outlet(web: DemoWeb, client: httpx.Client) -> None:
    rec = next(r for r in web.articles() if r.outlet == "echo-souss")
    resp = client.get(rec.url)
    assert "charset" not in resp.headers["content-type"]
    assert b'<meta charset="utf-8">' in resp.content
    try:
        resp.content.decode("utf-8")
        raise AssertionError("page should not be valid UTF-8")
    except UnicodeDecodeError:
        pass
    assert rec.title in resp.content.decode("cp1252")


def test_robots_and_images(web: DemoWeb, client: httpx.Client, get_ok: GetOk) -> None:
    robots = Protego.parse(client.get(f"{web.base_url}/robots.txt").text)
    rec = web.articles()[0]
    assert robots.can_fetch(rec.url, "Jarida")
    assert not robots.can_fetch(f"{web.base_url}/{rec.outlet}/admin/login", "Jarida")
    tree = lhtml.fromstring(get_ok(client, rec.url).content)
    image = tree.xpath("//meta[@property='og:image']/@content")[0]
    img = Image.open(io.BytesIO(get_ok(client, image).content))
    assert img.format == "JPEG" and img.size == (480, 270)
