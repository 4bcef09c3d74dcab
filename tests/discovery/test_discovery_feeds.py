"""RSS 0.9x/1.0/2.0 and Atom reading: fields, cleaning, dates, duplicates, speed."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from jarida.crawl.discovery import parse_feed
from jarida.crawl.discovery.entries import build_entry
from jarida.crawl.discovery.feeds import read_with_feedparser

DATA = Path(__file__).parent / "data"


def _rss(items: str, extra_ns: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0" {extra_ns}><channel>'
        f"<title>T</title><link>https://t.example/</link>{items}</channel></rss>"
    ).encode()


def test_rss2_fields() -> None:
    feed = parse_feed((DATA / "rss2.xml").read_bytes(), "https://www.journal.example/rss")
    assert feed.kind == "rss" and feed.error is None
    assert feed.title == "Le Journal & Co" and feed.language == "fr"
    first, second, third = feed.entries
    assert first.url == "https://www.journal.example/economie/2025/01/budget-2025-adopte-12345.html"
    assert first.guid == "journal-12345"
    assert first.title == "Rabat : le budget 2025 adopté"
    assert first.summary == "Le Parlement a adopté le budget. Suite"
    assert first.content_html == '<p>Texte <a href="/x">complet</a>.</p>'
    assert first.author == "Amina El Idrissi"
    assert first.published == datetime(2025, 1, 14, 8, 30, tzinfo=UTC)
    assert first.image == "https://cdn.journal.example/img/budget.jpg"  # media:content wins
    assert second.author == "La Rédaction"
    assert second.image == "https://www.journal.example/img/seisme.png"  # relative enclosure
    assert third.url == "https://www.journal.example/culture/festival-de-fes-2025"  # permalink guid


def test_rss1_rdf() -> None:
    feed = parse_feed((DATA / "rss1.rdf").read_bytes(), "https://rdf.example/index.rdf")
    assert feed.kind == "rss" and feed.title == "RDF Site" and feed.language == "es"
    assert [e.url for e in feed.entries] == [
        "https://rdf.example/noticias/2024/11/elecciones-municipales",
        "https://rdf.example/noticias/otra",
    ]
    assert feed.entries[0].guid == "https://rdf.example/noticias/2024/11/elecciones-municipales"
    assert feed.entries[0].summary == "Resumen & más"
    assert feed.entries[0].author == "Lucía Pérez"
    assert feed.entries[0].published == datetime(2024, 11, 20, 17, 45, tzinfo=UTC)


def test_atom() -> None:
    feed = parse_feed((DATA / "atom.xml").read_bytes(), "https://atom.example/feed")
    assert feed.kind == "atom" and feed.title == "أخبار اليوم" and feed.language == "ar"
    first, second = feed.entries
    assert first.url == "https://atom.example/ar/politique/2025/02/article-1"  # xml:base
    assert first.title == "عنوان المقال"
    assert first.summary == "ملخص" and first.content_html == "<p>النص الكامل</p>"
    assert first.published == datetime(2025, 2, 1, 9, 0, tzinfo=UTC)
    assert first.updated == datetime(2025, 2, 1, 10, 30, tzinfo=UTC)
    assert first.image == "https://atom.example/media/photo.jpg"
    assert first.author == "Youssef" and first.language == "ar"
    assert second.url == "https://other.atom.example/en/world/story-2"  # entry xml:base
    assert second.updated == datetime(2025, 2, 1, 7, 59, 59, tzinfo=UTC)


@pytest.mark.parametrize(
    ("name", "base"),
    [
        ("rss2.xml", "https://www.journal.example/rss"),
        ("rss1.rdf", "https://rdf.example/index.rdf"),
        ("atom.xml", "https://atom.example/feed"),
    ],
)
def test_fast_path_agrees_with_feedparser(name: str, base: str) -> None:
    data = (DATA / name).read_bytes()
    fast = parse_feed(data, base).entries
    slow = [build_entry(item) for item in read_with_feedparser(data, base, None).items]
    assert [e.url for e in fast] == [e.url for e in slow if e]
    for mine, theirs in zip(fast, slow, strict=True):
        assert theirs is not None
        assert (mine.title, mine.guid, mine.published, mine.image, mine.author) == (
            theirs.title, theirs.guid, theirs.published, theirs.image, theirs.author
        )


def test_script_in_title_and_body_never_survives_as_markup() -> None:
    items = (
        "<item><title>&lt;script&gt;alert(1)&lt;/script&gt;Vrai &amp;amp;lt;b&amp;amp;gt;titre"
        "</title><link>https://t.example/a/un-titre-vrai</link>"
        "<description>&lt;script&gt;steal()&lt;/script&gt;&lt;p&gt;Corps&lt;/p&gt;"
        "</description></item>"
        "<item><title><![CDATA[<img src=x onerror=alert(1)>Deux <script>x()</script>]]></title>"
        "<link>https://t.example/a/deux</link></item>"
    )
    feed = parse_feed(_rss(items), "https://t.example/rss")
    first, second = feed.entries
    assert first.title == "Vrai titre"
    assert first.summary == "Corps"
    assert second.title == "Deux"
    for entry in feed.entries:
        for text in (entry.title, entry.summary):
            assert text is None or ("<" not in text and "alert" not in text and "&lt;" not in text)


def test_relative_links_resolve_against_final_url() -> None:
    items = (
        "<item><title>a</title><link>../politique/a-1</link></item>"
        "<item><title>b</title><link>/b-2</link></item>"
        "<item><title>c</title><link>//cdn.t.example/c-3</link></item>"
        "<item><title>d</title><link>javascript:alert(1)</link></item>"
    )
    feed = parse_feed(_rss(items), "https://t.example/fr/rss/index.xml")
    assert [e.url for e in feed.entries] == [
        "https://t.example/fr/politique/a-1",
        "https://t.example/b-2",
        "https://cdn.t.example/c-3",
    ]


def test_dates_in_various_zones_become_utc() -> None:
    dates = [
        "Tue, 14 Jan 2025 09:30:00 +0100",
        "Tue, 14 Jan 2025 03:30:00 EST",
        "2025-01-14T08:30:00Z",
        "2025-01-14T13:30:00+05:00",
        "2025-01-14T09:30:00",  # naive: taken in the source's zone (UTC+1 in January)
    ]
    items = "".join(
        f"<item><title>{i}</title><link>https://t.example/{i}</link>"
        f"<guid>{i}</guid><pubDate>{d}</pubDate></item>"
        for i, d in enumerate(dates)
    )
    feed = parse_feed(_rss(items), "https://t.example/rss", default_tz=ZoneInfo("Africa/Lagos"))
    expected = datetime(2025, 1, 14, 8, 30, tzinfo=UTC)
    assert [e.published for e in feed.entries] == [expected] * len(dates)
    assert all(e.published is not None and e.published.tzinfo is UTC for e in feed.entries)


def test_duplicate_guids_collapse_to_latest_update() -> None:
    items = (
        "<item><title>old</title><link>https://t.example/x-1</link><guid>g1</guid>"
        "<pubDate>Mon, 13 Jan 2025 10:00:00 GMT</pubDate></item>"
        "<item><title>other</title><link>https://t.example/y-2</link><guid>g2</guid></item>"
        "<item><title>new</title><link>https://t.example/x-1</link><guid>g1</guid>"
        "<pubDate>Mon, 13 Jan 2025 12:00:00 GMT</pubDate></item>"
        "<item><title>stale copy</title><link>https://t.example/x-1</link><guid>g1</guid>"
        "<pubDate>Mon, 13 Jan 2025 08:00:00 GMT</pubDate></item>"
    )
    feed = parse_feed(_rss(items), "https://t.example/rss")
    assert [(e.guid, e.title) for e in feed.entries] == [("g1", "new"), ("g2", "other")]


def test_malformed_xml_reports_error_and_recovers_entries() -> None:
    body = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Broken & co</title>'
        b"<item><title>One</title><link>https://t.example/one-1</link></item>"
        b"<item><title>Two <b>bold</title><link>https://t.example/two-2</link></item>"
        b"</channel>"
    )
    feed = parse_feed(body, "https://t.example/rss")
    assert feed.error is not None and feed.error.startswith("malformed XML")
    assert "\n" not in feed.error
    assert "https://t.example/one-1" in [e.url for e in feed.entries]


def test_html_entities_and_bare_ampersands_are_repaired() -> None:
    items = (
        "<item><title>AT&T&nbsp;rach\u00e8te &eacute;l&egrave;ve &amp; co &#233; &bogus;</title>"
        "<link>https://t.example/a?x=1&y=2</link></item>"
    )
    feed = parse_feed(_rss(items), "https://t.example/rss")
    assert feed.error is None
    (entry,) = feed.entries
    assert entry.title == "AT&T rachète élève & co é &bogus;"
    assert entry.url == "https://t.example/a?x=1&y=2"


def test_garbage_is_an_error_not_an_exception() -> None:
    feed = parse_feed(b"\x00\x01 not xml at all", "https://t.example/rss")
    assert feed.entries == [] and feed.error


def test_html_page_instead_of_feed() -> None:
    feed = parse_feed(b"<!DOCTYPE html><html><body>hi</body></html>", "https://t.example/")
    assert feed.error == "expected a feed or sitemap but got an HTML page"


def test_rss091_with_external_doctype_is_read() -> None:
    body = (
        b'<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"'
        b' "http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel>'
        b"<title>Old</title><item><title>Vieux</title><link>https://old.example/a-1</link>"
        b"</item></channel></rss>"
    )
    feed = parse_feed(body, "https://old.example/rss")
    assert feed.error is None and [e.title for e in feed.entries] == ["Vieux"]


def test_five_thousand_entries_fast() -> None:
    items = "".join(
        f"<item><title>Titre {i} &amp; suite</title><link>/a/article-{i}</link><guid>g{i}</guid>"
        f"<pubDate>Mon, 02 Jan 2006 15:04:05 +0100</pubDate>"
        f"<description>&lt;p&gt;Résumé {i}&lt;/p&gt;</description>"
        f"<content:encoded><![CDATA[<p>Corps {i}</p>]]></content:encoded>"
        f"<media:content url='/i/{i}.jpg' medium='image'/></item>"
        for i in range(5000)
    )
    ns = 'xmlns:media="http://search.yahoo.com/mrss/" ' \
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"'
    body = _rss(items, ns)
    start = time.perf_counter()
    feed = parse_feed(body, "https://t.example/rss")
    elapsed = time.perf_counter() - start
    assert len(feed.entries) == 5000
    assert feed.entries[4999].title == "Titre 4999 & suite"
    assert feed.entries[4999].image == "https://t.example/i/4999.jpg"
    assert elapsed < 2.0, f"5,000 entries took {elapsed:.2f}s"


def test_declared_and_wide_encodings() -> None:
    latin = (
        '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Été</title>'
        "<item><title>Crème brûlée</title><link>https://t.example/creme-1</link></item>"
        "</channel></rss>"
    )
    utf16 = latin.replace("ISO-8859-1", "UTF-16")
    for body in (latin.encode("latin-1"), utf16.encode("utf-16")):
        feed = parse_feed(body, "https://t.example/rss")
        assert feed.error is None and feed.title == "Été"
        assert feed.entries[0].title == "Crème brûlée"
    arabic = latin.replace("ISO-8859-1", "windows-1256").replace("Crème brûlée", "خبر عاجل")
    feed = parse_feed(arabic.replace("Été", "أخبار").encode("cp1256"), "https://t.example/rss")
    assert (feed.title, feed.entries[0].title) == ("أخبار", "خبر عاجل")


def test_image_choice() -> None:
    ns = 'xmlns:media="http://search.yahoo.com/mrss/"'
    items = (
        "<item><title>a</title><link>https://t.example/a-1</link>"
        "<media:content url='https://t.example/v.mp4' medium='video'/>"
        "<media:thumbnail url='/thumb.jpg'/></item>"
        "<item><title>b</title><link>https://t.example/b-2</link>"
        "<enclosure url='https://t.example/podcast.mp3' type='audio/mpeg'/>"
        "<media:group><media:content url='https://t.example/big.webp' type='image/webp'/>"
        "</media:group></item>"
        "<item><title>c</title><link>https://t.example/c-3</link>"
        "<enclosure url='https://t.example/podcast.mp3' type='audio/mpeg'/></item>"
    )
    feed = parse_feed(_rss(items, ns), "https://t.example/rss")
    assert [e.image for e in feed.entries] == [
        "https://t.example/thumb.jpg",
        "https://t.example/big.webp",
        None,
    ]
