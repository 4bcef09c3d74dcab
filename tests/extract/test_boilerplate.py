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


def test_link_inside_the_story_goes_only_when_it_reads_like_a_headline() -> None:
    from lxml import etree

    from jarida.extract.boilerplate import BoilerplateHints, anchor_texts, prune_blocks

    story = ("Le conseil de la ville a voté mardi le budget de l'année prochaine, qui prévoit "
             "de nouvelles lignes de bus, la rénovation de trois marchés couverts et un "
             "programme d'éclairage public pour les quartiers périphériques de la ville.")
    page = etree.fromstring(
        "<html><body>"
        "<a href='/a'>Lire aussi le port de Tanger bat son record de trafic</a>"
        "<a href='/b'>marché central</a></body></html>", etree.HTMLParser())
    hints = BoilerplateHints(anchors=anchor_texts(page))
    body = etree.fromstring(
        f"<body><p>{story}</p><p>Lire aussi le port de Tanger bat son record de trafic</p>"
        f"<p>Marché central</p><p>{story}</p></body>")
    prune_blocks(body, hints)
    texts = ["".join(p.itertext()) for p in body]
    assert "Marché central" in texts
    assert not any("record de trafic" in t for t in texts)


def test_breadcrumb_before_the_story_goes_and_a_comparison_in_it_stays() -> None:
    from lxml import etree

    from jarida.extract.boilerplate import BoilerplateHints, prune_blocks

    story = ("Le conseil de la ville a voté mardi le budget de l'année prochaine, qui prévoit "
             "de nouvelles lignes de bus, la rénovation de trois marchés couverts et un "
             "programme d'éclairage public pour les quartiers périphériques de la ville.")
    body = etree.fromstring(
        f"<body><p>Accueil &gt; Régions &gt; Souss-Massa &gt; Agadir</p><p>{story}</p>"
        f"<p>Recettes 2025 &gt; recettes 2024 &gt; recettes 2023, selon le rapport.</p>"
        f"<p>{story}</p></body>")
    prune_blocks(body, BoilerplateHints())
    texts = ["".join(p.itertext()) for p in body]
    assert not any(t.startswith("Accueil") for t in texts)
    assert any(t.startswith("Recettes 2025") for t in texts)


def test_a_sentence_opening_with_a_one_word_title_stays() -> None:
    """A headline repeated with its site name goes; a short sentence that merely contains
    a one-word title ("Marrakech") is text."""
    from lxml import etree

    from jarida.extract.boilerplate import BoilerplateHints, prune_blocks

    story = ("Le conseil de la ville a voté mardi le budget de l'année prochaine, qui prévoit "
             "de nouvelles lignes de bus, la rénovation de trois marchés couverts et un "
             "programme d'éclairage public pour les quartiers périphériques de la ville.")
    for title, long_title in (("Marrakech", False), ("Le budget de Marrakech est voté", True)):
        body = etree.fromstring(
            f"<body><p>{title} | Le Quotidien</p><p>Marrakech accueille le sommet.</p>"
            f"<p>{story}</p></body>")
        prune_blocks(body, BoilerplateHints(titles=(title,)))
        texts = ["".join(p.itertext()) for p in body]
        assert "Marrakech accueille le sommet." in texts, title
        assert not long_title or not any(t.startswith(f"{title} |") for t in texts), title
