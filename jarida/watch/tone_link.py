"""The one door from monitoring to the tone model (room `tone`: jarida.tone.score_mention).

Mentions are stored with the model's tone when the model is installed; without it they
are stored unscored (tone None) and `jarida watch rescore` scores them later. An
operator's correction is never overwritten (storage.watch_mentions.set_scores)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from jarida.watch.model import FoundMention

Scorer = Callable[[str, str, int, int, str], tuple[str, float]]


@lru_cache(maxsize=1)
def model_scorer() -> Scorer | None:
    """The tone model, or None when the `jarida.tone` package is absent."""
    try:
        from jarida.tone import score_mention
    except ImportError:
        return None

    def score(text: str, target: str, start: int, end: int, language: str
              ) -> tuple[str, float]:
        result = score_mention(text, target, start, end, language)
        return str(result.tone), float(result.score)

    return score


def score_found(found: FoundMention, language: str, scorer: Scorer | None = None
                ) -> tuple[str | None, float | None]:
    """The tone of one found mention from its snippet (None, None without a model)."""
    scorer = scorer or model_scorer()
    if scorer is None:
        return None, None
    target = found.snippet[found.target_start:found.target_end]
    return scorer(found.snippet, target, found.target_start, found.target_end,
                  language[:2] or "en")
