"""Dates that used to be stored wrong: future, relative, outlet datelines, explicit
offsets, day/month order, and Atom's <updated>."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from jarida.crawl.discovery import parse_feed
from jarida.crawl.discovery.feeddates import to_utc as feed_to_utc
from jarida.extract import extract_article, parse_date
from jarida.extract.datelines import dateline_date_text
from jarida.model import Entry
from jarida.pipeline.publication import FUTURE_MARGIN, trusted_publication
from jarida.web.i18n import Interface

CASA, NEW_YORK = "Africa/Casablanca", "America/New_York"
NOW = datetime(2026, 12, 2, 3, 8, tzinfo=UTC)  # 04:08 in Casablanca, 22:08 the day before in NY
ENGLISH = "".join(
    f"<p>The city council adopted an ambitious transport plan for the town, with new bus "
    f"lines and cycle lanes across every district, paragraph {n}.</p>" for n in range(4))
PARAGRAPHS = "".join(
    f"<p>Le conseil municipal a adopté un plan de transport ambitieux pour la ville, "
    f"avec de nouvelles lignes de bus et des pistes cyclables, paragraphe {n}.</p>"
    for n in range(4))


# --- future dates -----------------------------------------------------------------------
def test_a_date_far_in_the_future_is_not_trusted() -> None:
    assert trusted_publication(datetime(2100, 1, 1, tzinfo=UTC), NOW) is None
    assert trusted_publication(NOW + FUTURE_MARGIN + timedelta(minutes=1), NOW) is None


def test_a_date_slightly_ahead_is_clamped_and_past_dates_kept() -> None:
    assert trusted_publication(NOW + timedelta(hours=2), NOW) == NOW
    past = NOW - timedelta(days=3)
    assert trusted_publication(past, NOW) == past
    assert trusted_publication(None, NOW) is None


# --- relative dates ---------------------------------------------------------------------
@pytest.mark.parametrize("zone", [CASA, NEW_YORK])
@pytest.mark.parametrize(("text", "languages"), [
    ("il y a 3 heures", ("fr",)), ("منذ 3 ساعات", ("ar",)), ("hace 3 horas", ("es",)),
    ("3 hours ago", ("en",)), ("Publié il y a 3 heures", ("fr", "ar", "es")),
])
def test_relative_dates_count_back_from_now_in_any_zone(zone: str, text: str,
                                                        languages: tuple[str, ...]) -> None:
    assert parse_date(text, languages=languages, timezone=zone, now=NOW) == NOW - timedelta(hours=3)


# --- datelines naming the outlet --------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Publié dans Hespress le 24 - 11 - 2020",
    "نشر في هسبريس يوم 24 - 11 - 2020",
    "Publicado en El País el 24 - 11 - 2020",
    "Published in Le Matin on 24 - 11 - 2020",
])
def test_outlet_datelines_parse_to_their_date(text: str) -> None:
    expected = datetime(2020, 11, 23, 23, 0, tzinfo=UTC)  # midnight in Casablanca (UTC+1)
    assert parse_date(text, languages=("fr", "ar", "es", "en"), timezone=CASA) == expected


@pytest.mark.parametrize("lang", ["fr", "ar", "es", "en"])
def test_the_sites_own_attribution_is_read_back(lang: str) -> None:
    when = datetime(2020, 11, 24, 9, 30, tzinfo=UTC)
    markup = str(Interface(lang=lang, timezone=CASA).attribution("Hespress", when))
    line = re.sub(r"<[^>]+>", "", markup)
    assert dateline_date_text(line) == "24 - 11 - 2020", line
    assert parse_date(line, languages=(lang,), timezone=CASA) == datetime(
        2020, 11, 23, 23, 0, tzinfo=UTC)


@pytest.mark.parametrize("dateline", [
    "Publié dans Hespress le 24 - 11 - 2020",
    'Publié dans <cite class="source-name">Hespress</cite> le <time>24 - 11 - 2020</time>',
])
def test_a_dateline_is_parsed_and_left_out_of_text_and_excerpt(dateline: str) -> None:
    page = (f'<html lang="fr"><head><title>Plan de transport</title></head><body><article>'
            f"<h1>Plan de transport</h1>{PARAGRAPHS}<p>{dateline}</p></article></body></html>")
    extracted = extract_article(page, "https://j.example/a/1", timezone=CASA)
    assert extracted.published == datetime(2020, 11, 23, 23, 0, tzinfo=UTC)
    for field in (extracted.text, extracted.html, extracted.excerpt):
        assert field and "Hespress" not in field and "24 - 11" not in field
    assert extracted.text and "paragraphe 3" in extracted.text


# --- explicit offsets in feeds ----------------------------------------------------------
@pytest.mark.parametrize("raw", [
    "Wed, 04 Mar 2020 10:00:00 +0100", "Wed, 04 Mar 2020 10:00:00 CET",
    "Wed, 04 Mar 2020 10:00:00 GMT+1", "Wed, 04 Mar 2020 10:00:00 GMT+01:00",
    "2020-03-04T10:00:00+01:00", "2020-03-04 10:00:00 CET", "Wed, 04 Mar 2020 10:00:00 UTC+1",
])
def test_explicit_offsets_win_over_the_source_zone(raw: str) -> None:
    assert feed_to_utc(raw, ZoneInfo(NEW_YORK)) == datetime(2020, 3, 4, 9, 0, tzinfo=UTC)


def test_naive_feed_dates_still_use_the_source_zone() -> None:
    assert feed_to_utc("Wed, 04 Mar 2020 10:00:00", ZoneInfo(NEW_YORK)) == datetime(
        2020, 3, 4, 15, 0, tzinfo=UTC)


# --- day-first or month-first, by the page's language -----------------------------------
def _page(lang: str, meta_date: str | None, printed: str | None) -> str:
    meta = f'<meta property="article:published_time" content="{meta_date}">' if meta_date else ""
    line = f'<p class="date">{printed}</p>' if printed else ""
    return (f'<html lang="{lang}"><head><title>T</title>{meta}</head><body><article><h1>T</h1>'
            f"{line}{ENGLISH if lang == 'en' else PARAGRAPHS}</article></body></html>")


@pytest.mark.parametrize(("lang", "month", "day"), [("fr", 4, 3), ("en", 3, 4)])
def test_metadata_and_page_text_read_03_04_the_same_way(lang: str, month: int, day: int) -> None:
    expected = datetime(2020, month, day, tzinfo=ZoneInfo("UTC"))
    languages = (lang,)
    from_meta = extract_article(_page(lang, "03/04/2020", None), "https://j.example/a",
                                timezone="UTC", languages=languages)
    from_text = extract_article(_page(lang, None, "03/04/2020"), "https://j.example/a",
                                timezone="UTC", languages=languages)
    assert from_meta.published == expected
    assert from_text.published == expected


def test_year_first_dates_are_never_read_day_first() -> None:
    page = _page("fr", "2020/03/04 10:00", None)
    found = extract_article(page, "https://j.example/a", timezone="UTC").published
    assert found == datetime(2020, 3, 4, 10, 0, tzinfo=UTC)


# --- Atom's <updated> is not a publication date -----------------------------------------
def test_atom_updated_is_not_taken_as_published() -> None:
    doc = (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
           b"<entry><title>A</title><id>urn:a</id><link href='https://j.example/a'/>"
           b"<updated>2026-12-01T10:00:00Z</updated></entry></feed>")
    entry = parse_feed(doc, "https://j.example/feed").entries[0]
    assert entry.updated == datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
    assert entry.published is None
    undated = ('<html lang="fr"><head><title>T</title></head><body><article><h1>T</h1>'
               f"{PARAGRAPHS}</article></body></html>")
    fallback = Entry(url="https://j.example/a", updated=datetime(2026, 12, 1, 10, tzinfo=UTC))
    assert extract_article(undated, "https://j.example/a", fallback=fallback).published is None


def test_a_sentence_citing_another_outlet_is_left_alone() -> None:
    sentence = ("Le rapport, publié dans Le Monde le 24 - 11 - 2020, a depuis été repris "
                "par plusieurs ministères.")
    page = (f'<html lang="fr"><head><title>T</title></head><body><article><h1>T</h1>'
            f"{PARAGRAPHS}<p>{sentence}</p></article></body></html>")
    extracted = extract_article(page, "https://j.example/a/1", timezone=CASA)
    assert extracted.text and sentence in extracted.text
    assert extracted.published is None
