"""Dates as Moroccan outlets print them, returned in UTC."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from jarida.extract import parse_date

CASA = "Africa/Casablanca"  # UTC+1 in November 2020


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("24 - 11 - 2020", datetime(2020, 11, 23, 23, 0, tzinfo=UTC)),
        ("Publié le mardi 24 novembre 2020 à 10h30", datetime(2020, 11, 24, 9, 30, tzinfo=UTC)),
        ("الثلاثاء 24 نونبر 2020", datetime(2020, 11, 23, 23, 0, tzinfo=UTC)),
        ("الثلاثاء 24 نونبر 2020 - 18:45", datetime(2020, 11, 24, 17, 45, tzinfo=UTC)),
        ("24 دجنبر 2020", datetime(2020, 12, 23, 23, 0, tzinfo=UTC)),
        ("3 يوليوز 2019", datetime(2019, 7, 2, 23, 0, tzinfo=UTC)),
        ("5 غشت 2019", datetime(2019, 8, 4, 23, 0, tzinfo=UTC)),
        ("24 de noviembre de 2020", datetime(2020, 11, 23, 23, 0, tzinfo=UTC)),
        ("Publicado el martes, 24 de noviembre de 2020 a las 10:30",
         datetime(2020, 11, 24, 9, 30, tzinfo=UTC)),
        ("2020-11-24T10:30:00+01:00", datetime(2020, 11, 24, 9, 30, tzinfo=UTC)),
        ("2020-11-24T10:30:00Z", datetime(2020, 11, 24, 10, 30, tzinfo=UTC)),
        # recent years: Morocco is UTC+1 (pytz-based conversions get this wrong)
        ("05 - 10 - 2026", datetime(2026, 10, 4, 23, 0, tzinfo=UTC)),
        ("Publié le 06.10.2026 à 01:40 — Samira Boudra", datetime(2026, 10, 6, 0, 40, tzinfo=UTC)),
        ("Le 5 octobre 2026, par Brahim Oubella", datetime(2026, 10, 4, 23, 0, tzinfo=UTC)),
        ("الاثنين ٥ أكتوبر ٢٠٢٦ - ٢٣:٢٤", datetime(2026, 10, 5, 22, 24, tzinfo=UTC)),
    ],
)
def test_publisher_formats(text: str, expected: datetime) -> None:
    found = parse_date(text, languages=("fr", "ar", "es"), timezone=CASA)
    assert found == expected
    assert found is not None and found.tzinfo is UTC


def test_naive_times_use_the_given_zone() -> None:
    paris = parse_date("24/11/2020 10:30", languages=("fr",), timezone="Europe/Paris")
    utc = parse_date("24/11/2020 10:30", languages=("fr",), timezone="UTC")
    assert paris == datetime(2020, 11, 24, 9, 30, tzinfo=UTC)
    assert utc == datetime(2020, 11, 24, 10, 30, tzinfo=UTC)


@pytest.mark.parametrize("text", ["", "   ", "Accueil", "Tous droits réservés", "hier soir"])
def test_no_date_gives_none(text: str) -> None:
    assert parse_date(text, languages=("fr", "ar", "es"), timezone=CASA) is None


def test_placeholder_dates_are_not_publication_dates() -> None:
    """Content systems write 0001-01-01 for "no date"; the next candidate is used instead."""
    from jarida.extract.dates import first_date

    assert first_date(["0001-01-01T00:00:00"], machine=True) is None
    found = first_date(["0001-01-01T00:00:00", "2026-11-24T10:30:00+01:00"], machine=True)
    assert found is not None and found.isoformat() == "2026-11-24T09:30:00+00:00"
