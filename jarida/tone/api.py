"""The public interface: input checks, then the model."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

TONES: tuple[str, str, str] = ("negative", "neutral", "positive")
LANGUAGES: frozenset[str] = frozenset({"fr", "ar", "es", "en"})
# Other codes are accepted and scored by the same multilingual model, unevaluated.
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})?")


class ToneInputError(ValueError):
    """A mention the model cannot score as given (bad offsets, language, types)."""


@dataclass(frozen=True)
class ToneResult:
    """TONE is "negative", "neutral" or "positive"; SCORE is P(positive) − P(negative)."""

    tone: str
    score: float


@dataclass(frozen=True)
class Mention:
    """One checked input: TEXT[START:END] is the mention of TARGET, in LANGUAGE."""

    text: str
    target: str
    start: int
    end: int
    language: str


def check_mention(text: object, target: object, start: object, end: object,
                  language: object) -> Mention:
    """The mention, or ToneInputError naming the first thing wrong with it."""
    if not isinstance(text, str):
        raise ToneInputError(f"text must be a string, not {type(text).__name__}")
    if not isinstance(target, str):
        raise ToneInputError(f"target must be a string, not {type(target).__name__}")
    for name, value in (("start", start), ("end", end)):
        if not isinstance(value, int) or isinstance(value, bool):
            raise ToneInputError(f"{name} must be an integer, not {type(value).__name__}")
    assert isinstance(start, int) and isinstance(end, int)
    if not isinstance(language, str) or not _LANGUAGE_CODE.fullmatch(language):
        raise ToneInputError(
            f"language must be a language code ({', '.join(sorted(LANGUAGES))}), "
            f"not {language!r}")
    if not text.strip():
        raise ToneInputError("text is empty")
    if not target.strip():
        raise ToneInputError("target is empty")
    if not 0 <= start < end <= len(text):
        raise ToneInputError(
            f"offsets {start}..{end} are outside the text (0..{len(text)}) or empty; "
            "start must be < end (end exclusive, in characters)")
    if not text[start:end].strip():
        raise ToneInputError(f"the span {start}..{end} holds only spaces")
    return Mention(text, target, start, end, language)


def score_mention(text: str, target: str, start: int, end: int, language: str) -> ToneResult:
    """Tone of TEXT towards TARGET, the mention at TEXT[START:END] (characters, end excl.)."""
    return score_many([(text, target, start, end, language)])[0]


def score_many(mentions: Iterable[Sequence[object] | Mention]) -> list[ToneResult]:
    """score_mention for each (text, target, start, end, language), batched."""
    from jarida.tone.model import load_model

    checked = [m if isinstance(m, Mention) else check_mention(*_five(m)) for m in mentions]
    if not checked:
        return []
    probabilities = load_model().probabilities(checked)
    results = []
    for row in probabilities:
        best = int(row.argmax())
        results.append(ToneResult(TONES[best], round(float(row[2] - row[0]), 4)))
    return results


def _five(item: Sequence[object]) -> tuple[object, object, object, object, object]:
    if len(item) != 5:
        raise ToneInputError(
            "each mention is (text, target, start, end, language), "
            f"got {len(item)} fields")
    return item[0], item[1], item[2], item[3], item[4]
