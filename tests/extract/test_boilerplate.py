"""The pruning rules on small, readable cases."""

from __future__ import annotations

from jarida.extract.boilerplate import link_density, norm


def test_link_density_counts_whole_link_texts_only() -> None:
    anchors = {"la": ("la bourse de casablanca en hausse",)}
    assert link_density(norm("La Bourse de Casablanca en hausse"), anchors) == 1.0
    text = norm("Selon la bourse de casablanca en hausse hier, les valeurs ont progressé")
    assert 0.3 < link_density(text, anchors) < 0.6
    assert link_density(norm("la bourse de casablanca en hausseX"), anchors) == 0.0
    assert link_density("", anchors) == 0.0


def test_norm_ignores_case_and_punctuation() -> None:
    assert norm("L'Été, à  Rabat !") == "l été à rabat"
