"""The interface room `watch` calls: results, input checks, scripts."""

from __future__ import annotations

import dataclasses

import pytest

from jarida.tone import TONES, ToneInputError, ToneResult, score_many, score_mention


def _at(text: str, target: str) -> tuple[int, int]:
    start = text.index(target)
    return start, start + len(target)


def test_result_is_a_frozen_tone_and_signed_score() -> None:
    text = "Le ministre Karim Ouali a été hué par une foule en colère après le scandale."
    result = score_mention(text, "Karim Ouali", *_at(text, "Karim Ouali"), "fr")
    assert isinstance(result, ToneResult)
    assert result.tone in TONES and -1.0 <= result.score <= 1.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.tone = "positive"  # type: ignore[misc]


@pytest.mark.parametrize(("language", "text", "target", "tone"), [
    ("fr", "Les habitants remercient chaleureusement la maire Odile Vasseur pour "
     "la réussite du nouveau parc.", "Odile Vasseur", "positive"),
    ("es", "La empresa Ferrocarril Andino fue multada por contaminar el río y "
     "engañar a sus clientes.", "Ferrocarril Andino", "negative"),
    ("ar", "أشاد المواطنون بالطبيب سليم ناصر الذي أنقذ عشرات المرضى خلال الفيضانات.",
     "سليم ناصر", "positive"),
    ("en", "Prosecutors charged Dana Holt with fraud after investors lost their savings.",
     "Dana Holt", "negative"),
])
def test_clear_cases_in_each_language(language: str, text: str, target: str,
                                      tone: str) -> None:
    result = score_mention(text, target, *_at(text, target), language)
    assert result.tone == tone, result
    assert (result.score > 0) == (tone == "positive")


def test_batch_equals_one_at_a_time() -> None:
    items = []
    for text, target, language in [
        ("The council met on Tuesday to discuss the budget of Marlow Port.", "Marlow Port",
         "en"),
        ("تعرضت شركة الواحة لانتقادات واسعة بعد انقطاع المياه.", "شركة الواحة", "ar"),
        ("Nadia Benali a inauguré la bibliothèque, saluée par tous.", "Nadia Benali", "fr"),
    ]:
        items.append((text, target, *_at(text, target), language))
    batch = score_many(items)
    assert batch == [score_mention(*item) for item in items]
    assert score_many([]) == []


def test_arabic_right_to_left_with_marks_and_mixed_scripts() -> None:
    # a right-to-left mark and a Latin acronym inside Arabic, offsets in characters
    text = "\u200fقال مدير CAP إن شركة النخيل حققت أرباحا قياسية هذا العام."
    start, end = _at(text, "شركة النخيل")
    result = score_mention(text, "شركة النخيل", start, end, "ar")
    assert result.tone in TONES
    mixed = "Le groupe النخيل Holding a publié ses comptes annuels à Casablanca."
    result = score_mention(mixed, "النخيل Holding", *_at(mixed, "النخيل Holding"), "fr")
    assert result.tone in TONES


def test_target_span_changes_the_answer() -> None:
    # one sentence, two targets with opposite tones (held-out style, not in training)
    text = ("Devant Lorient Marine, le club de Valence Étoile a sombré et perdu 4-0, "
            "tandis que Lorient Marine a brillé.")
    loser = score_mention(text, "Valence Étoile", *_at(text, "Valence Étoile"), "fr")
    winner_at = text.rindex("Lorient Marine")
    winner = score_mention(text, "Lorient Marine", winner_at, winner_at + 14, "fr")
    assert loser.score < winner.score


@pytest.mark.parametrize(("text", "start", "end", "language", "fragment"), [
    ("", 0, 0, "fr", "text is empty"),
    ("   ", 0, 1, "fr", "text is empty"),
    ("Acme grew.", 0, 40, "en", "outside the text"),
    ("Acme grew.", -1, 4, "en", "outside the text"),
    ("Acme grew.", 4, 4, "en", "start must be < end"),
    ("Acme grew.", 4, 5, "en", "only spaces"),
    ("Acme grew.", 0, 4, "english", "language"),
    ("Acme grew.", 0, 4, "", "language"),
])
def test_bad_input_is_one_clear_error(text: str, start: int, end: int, language: str,
                                      fragment: str) -> None:
    with pytest.raises(ToneInputError, match=fragment):
        score_mention(text, "Acme", start, end, language)


def test_wrong_types_and_empty_target() -> None:
    with pytest.raises(ToneInputError, match="start must be an integer"):
        score_mention("Acme grew.", "Acme", "0", 4, "en")  # type: ignore[arg-type]
    with pytest.raises(ToneInputError, match="start must be an integer"):
        score_mention("Acme grew.", "Acme", True, 4, "en")
    with pytest.raises(ToneInputError, match="target is empty"):
        score_mention("Acme grew.", " ", 0, 4, "en")
    with pytest.raises(ToneInputError, match="fields"):
        score_many([("Acme grew.", "Acme", 0, 4)])
