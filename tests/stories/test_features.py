"""What the clustering reads: name skeletons across scripts, numbers, dates, places."""

from __future__ import annotations

import pytest

from jarida.stories.features import features
from jarida.stories.numbers import calendar_keys, numbers_in
from jarida.stories.skeleton import skeleton


@pytest.mark.parametrize(("latin", "arabic"), [
    ("Benslimane", "بنسليمان"), ("Kettani", "الكتاني"), ("Marrakech", "مراكش"),
    ("Agadir", "أكادير"), ("Kénitra", "القنيطرة"), ("Chraibi", "الشرايبي"),
    ("Sénégal", "السنغال"), ("Ouazzani", "الوزاني"),
])
def test_a_name_has_one_skeleton_in_both_scripts(latin: str, arabic: str) -> None:
    assert skeleton(latin) == skeleton(arabic) != ""


def test_distinct_names_keep_distinct_skeletons() -> None:
    assert skeleton("Benslimane") != skeleton("Kettani")
    assert skeleton("Marrakech") != skeleton("Agadir")


def test_numbers_agree_across_scales_and_digit_sets() -> None:
    fr = {k for k, _ in numbers_in("un contrat de 2,4 milliards et 40 000 tonnes")}
    en = {k for k, _ in numbers_in("a 2.4 billion deal and 40,000 tonnes")}
    ar = {k for k, _ in numbers_in("صفقة بقيمة ٢٫٤ مليار")}
    assert fr == en == {"#24", "#4"}
    assert ar == {"#24"}
    assert dict(numbers_in("en 2027"))["y2027"] < dict(numbers_in("9,1 %"))["#91"] + 1


def test_dates_in_four_languages_share_a_key() -> None:
    for words in (["14", "decembre"], ["december", "14"], ["14", "de", "diciembre"],
                  ["14", "دجنبر"]):
        assert ("@12-14", 1.5) in calendar_keys(words)


def test_places_are_found_under_every_spelling() -> None:
    for lang, title in (("fr", "Séisme à Al Hoceïma"), ("es", "Terremoto en Alhucemas"),
                        ("ar", "زلزال في الحسيمة")):
        assert "g:alhoceima" in features(lang, title, "").cross


def test_the_lead_alone_is_read() -> None:
    far = "x " * 2000 + "Benslimane"
    assert "n:BNSLMN" not in features("fr", "Titre", far).cross
