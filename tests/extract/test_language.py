"""Language: the declaration is trusted unless the text clearly says otherwise."""

from __future__ import annotations

import pytest

from jarida.extract import detect_language
from jarida.extract.language import normalise_language

FR = ("Le gouvernement a présenté mardi un projet de loi sur la protection des données "
      "personnelles, qui sera examiné par le Parlement au cours de la session d'automne.")
AR = ("قدمت الحكومة يوم الثلاثاء مشروع قانون يتعلق بحماية المعطيات الشخصية، على أن يناقشه "
      "البرلمان خلال الدورة الخريفية المقبلة.")
ES = ("El gobierno presentó el martes un proyecto de ley sobre la protección de datos "
      "personales, que será examinado por el Parlamento durante la sesión de otoño.")


@pytest.mark.parametrize(("text", "code"), [(FR, "fr"), (AR, "ar"), (ES, "es")])
def test_text_language_is_found(text: str, code: str) -> None:
    assert detect_language(text, None) == code


def test_a_wrong_template_declaration_is_overridden() -> None:
    assert detect_language(AR, "fr-FR") == "ar"


def test_declaration_decides_when_text_is_too_short() -> None:
    assert detect_language("Rabat, 24/11", "es-ES") == "es"


@pytest.mark.parametrize(
    ("declared", "code"),
    [("fr-FR", "fr"), ("ar_MA", "ar"), ("ES", "es"), ("fra", "fr"), ("", None), ("??", None)],
)
def test_declarations_are_normalised(declared: str, code: str | None) -> None:
    assert normalise_language(declared) == code
