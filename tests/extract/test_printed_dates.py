"""The regex reading of common printed dates agrees with dateparser, and declines the rest."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

import jarida.extract.dates as dates
from jarida.extract import parse_date
from jarida.extract.printed_dates import quick_printed_date

CASA = "Africa/Casablanca"
LANGS = ("fr", "ar", "es", "en")


@pytest.mark.parametrize(
    ("text", "languages", "order", "expected"),
    [
        ("24 novembre 2020", ("fr",), "DMY", datetime(2020, 11, 24)),
        ("1er novembre 2026", ("fr",), "DMY", datetime(2026, 11, 1)),
        ("mardi 24 novembre 2020 10:30", ("fr",), "DMY", datetime(2020, 11, 24, 10, 30)),
        ("martes, 24 de noviembre de 2020, 10:30", ("es",), "DMY",
         datetime(2020, 11, 24, 10, 30)),
        ("السبت 7 نوفمبر 2026 - 22:29", ("ar",), "DMY", datetime(2026, 11, 7, 22, 29)),
        ("November 24, 2020", ("en",), "MDY", datetime(2020, 11, 24)),
        ("24.11.2020 10:30", ("fr",), "DMY", datetime(2020, 11, 24, 10, 30)),
        ("11/24/2020", ("en",), "MDY", datetime(2020, 11, 24)),
    ],
)
def test_common_layouts(text: str, languages: tuple[str, ...], order: str,
                        expected: datetime) -> None:
    assert quick_printed_date(text, languages, order) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "languages"),
    [
        ("il y a 3 heures", ("fr",)),          # relative: dateparser's
        ("24 novembre 2020", ("es",)),         # a French month on a Spanish page
        ("31/02/2020", ("fr",)),               # no such day
        ("25/12/2020", ("en",)),               # month first in American English: no 25th month
        ("24 nov. 20", ("fr",)),               # two-digit year
        ("24 novembre 2020 12:00 CET", ("fr",)),  # a zone
    ],
)
def test_declines_what_it_cannot_vouch_for(text: str, languages: tuple[str, ...]) -> None:
    order = dates.date_order(languages)
    assert quick_printed_date(text, languages, order) is None


@pytest.mark.parametrize(
    "text",
    [
        "Publié le 06.10.2026 à 01:40 — Samira Boudra",
        "Le 5 octobre 2026, par Brahim Oubella",
        "الاثنين ٥ أكتوبر ٢٠٢٦ - ٢٣:٢٤",
        "Publicado el martes, 24 de noviembre de 2020 a las 10:30",
        "15 - 10 - 2026",
        "Monday, March 2, 2020 10:05",
        "8 de octubre de 2026, 10:43",
    ],
)
def test_same_answer_as_dateparser(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    quick = parse_date(text, languages=LANGS, timezone=CASA)
    monkeypatch.setattr(dates, "quick_printed_date", lambda *args: None)
    slow = parse_date(text, languages=LANGS, timezone=CASA)
    assert quick is not None and quick == slow and quick.tzinfo is UTC
