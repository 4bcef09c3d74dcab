"""What the encoder reads: the marked window around a mention, and the cut encoder."""

from __future__ import annotations

import numpy as np
import pytest

from jarida.tone.encoder import FULL_LAYERS, Encoder
from jarida.tone.model import read_head
from jarida.tone.window import around


def test_window_marks_the_mention_and_keeps_words_each_side() -> None:
    text = "un deux trois Paul Roy quatre cinq six"
    start = text.index("Paul Roy")
    end = start + len("Paul Roy")
    assert around(text, start, end, 2) == "deux trois Paul Roy quatre cinq"
    assert around(text, start, end, 2, mark=True) == "deux trois [Paul Roy] quatre cinq"
    arabic = "قال الوزير إن شركة الواحة خسرت السوق"
    s = arabic.index("شركة الواحة")
    assert around(arabic, s, s + len("شركة الواحة"), 1, mark=True) == "إن [شركة الواحة] خسرت"


def test_mark_inside_a_word_keeps_the_whole_word() -> None:
    text = "Hier, l'ARC a perdu."
    start = text.index("ARC")
    assert around(text, start, start + 3, 0, mark=True) == "l'[ARC]"


@pytest.mark.timeout(300)
def test_cut_encoder_reads_fewer_layers_and_leaves_the_full_one_alone() -> None:
    texts = ["Le maire [Paul Roy] a menti.", "El club [Valencia] ganó la final."]
    full = Encoder(threads=1).embed(texts)
    cut = Encoder(threads=1, layers=read_head().encoder_layers).embed(texts)
    again = Encoder(threads=1).embed(texts)
    assert cut.shape == full.shape == (2, 384)
    assert np.allclose(np.linalg.norm(cut, axis=1), 1.0, atol=1e-4)
    assert np.array_equal(full, again)  # the model file on disk was not changed
    assert read_head().encoder_layers < FULL_LAYERS
    assert not np.allclose(cut, full, atol=1e-2)
    with pytest.raises(ValueError, match="layers must be"):
        Encoder(threads=1, layers=FULL_LAYERS + 1)
