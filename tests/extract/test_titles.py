"""Outlet names come off titles; real headlines with dashes stay whole."""

from __future__ import annotations

import pytest

from jarida.extract import clean_title


@pytest.mark.parametrize(
    ("raw", "site", "expected"),
    [
        ("Titre | Hespress", "Hespress", "Titre"),
        ("Hespress : Titre", "Hespress", "Titre"),
        ("Titre - Le Matin", "Le Matin", "Titre"),
        ("Titre – TelQuel", "TelQuel", "Titre"),
        ("Titre — Le360", "Le360", "Titre"),
        ("Titre - Hespress FR", "Hespress", "Titre"),
        ("عنوان الخبر | هسبريس", "هسبريس", "عنوان الخبر"),
        ("Un titre | Économie | Le Matin", "Le Matin", "Un titre"),
        ("Un titre | Yabiladi", None, "Un titre"),
        ("Tetuán inaugura un paseo – Diario Ejemplo", None, "Tetuán inaugura un paseo"),
        ("  Titre   avec   espaces | Hespress ", "Hespress", "Titre avec espaces"),
    ],
)
def test_decoration_is_removed(raw: str, site: str | None, expected: str) -> None:
    assert clean_title(raw, site) == expected


@pytest.mark.parametrize(
    ("raw", "site"),
    [
        ("Maroc - Espagne : un match nul à Rabat", "Le360"),
        ("Rabat - Le Maroc lance un programme d'irrigation", "Le Matin"),
        ("COP22 – Marrakech accueille le monde", "TelQuel"),
        ("Mort de l'écrivain - la réaction du ministre", None),
        ("Casablanca : le tramway prolongé jusqu'à Sidi Moumen", "Hespress"),
        ("Le 24 - 11 - 2020", None),
        ("Région : l'extension du port de pêche à Essaouira", "Presse Régionale 012"),
        ("Sport | Le Raja remporte la coupe", None),
    ],
)
def test_real_titles_are_not_cut(raw: str, site: str | None) -> None:
    assert clean_title(raw, site) == raw
