"""Tone of a mention towards its target: negative, neutral or positive, with a score.

`score_mention(text, target, start, end, language)` is the one entry point (the
`watch` room calls it for each mention; `jarida watch tone` exposes it on the command
line). Offsets are in characters of TEXT, END exclusive; the span TEXT[START:END] is
the mention. The score is signed: P(positive) − P(negative), in [−1, 1]; the tone is
the most probable class. The model is loaded lazily, once per process; nothing is
downloaded at run time (see docs/tone.md).
"""

from __future__ import annotations

from jarida.tone.api import LANGUAGES, TONES, ToneInputError, ToneResult, score_many, score_mention

__all__ = ["LANGUAGES", "TONES", "ToneInputError", "ToneResult", "score_many", "score_mention"]
