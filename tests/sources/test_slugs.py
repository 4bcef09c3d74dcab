"""Slugs are what readers type and link to, so they must be stable and readable."""

from __future__ import annotations

import pytest

from jarida.sources.checks import SLUG_RE
from jarida.sources.slugs import MAX_SLUG_LENGTH, host_slug, slugify, unique_slug


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Hespress FR", "hespress-fr"),
        ("L'Économiste", "leconomiste"),
        ("Aujourd’hui le Maroc", "aujourdhui-le-maroc"),
        ("La Vie éco", "la-vie-eco"),
        ("Médias24", "medias24"),
        ("Cœur & Âme — Ça va ?", "coeur-ame-ca-va"),
        ("  --Le   Matin--  ", "le-matin"),
        ("Hespress Español", "hespress-espanol"),
    ],
)
def test_slugify_latin_names(name: str, expected: str) -> None:
    assert slugify(name) == expected


def test_arabic_name_falls_back_to_homepage_host() -> None:
    assert slugify("اليوم 24", "https://alyaoum24.com/") == "alyaoum24"
    assert slugify("هسبريس", "https://www.hespress.com") == "hespress"
    assert slugify("هبة بريس", "https://ar.hibapress.com") == "ar-hibapress"


def test_arabic_name_without_homepage_still_gives_a_valid_slug() -> None:
    assert slugify("هبة بريس") == "source"


def test_arabic_indic_digits_become_ascii() -> None:
    assert slugify("Le360 ٢٤") == "le360-24"


def test_host_slug_handles_junk() -> None:
    assert host_slug("https://www.le360.ma/fr") == "le360"
    assert host_slug("not a url") == ""


def test_long_names_are_trimmed_at_a_word_boundary() -> None:
    slug = slugify("Association marocaine " * 10)
    assert len(slug) <= MAX_SLUG_LENGTH
    assert SLUG_RE.fullmatch(slug)
    assert not slug.endswith("-")


def test_unique_slug_counts_up() -> None:
    assert unique_slug("le360", set()) == "le360"
    assert unique_slug("le360", {"le360"}) == "le360-2"
    assert unique_slug("le360", {"le360", "le360-2"}) == "le360-3"


def test_unique_slug_respects_length_limit() -> None:
    base = "a" * MAX_SLUG_LENGTH
    assert unique_slug(base, {base}) == "a" * (MAX_SLUG_LENGTH - 2) + "-2"
