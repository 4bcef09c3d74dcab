"""Pages laid out with tables, and mastheads above the article."""

from __future__ import annotations

from jarida.extract import extract_article

PARAGRAPHS = [
    "La ligne 3 du tramway a transporté ses premiers voyageurs lundi matin, après trois ans "
    "de travaux et plusieurs reports qui avaient agacé les riverains du quartier.",
    "Longue de quatorze kilomètres, la ligne compte vingt-quatre stations et les rames "
    "passeront toutes les six minutes aux heures de pointe, selon l'exploitant.",
    "Un parking relais de six cents places a été aménagé près du terminus pour inciter les "
    "automobilistes à laisser leur voiture à l'entrée de la ville.",
]
LAYOUT_PAGE = f"""<html lang="fr"><head><title>Le tramway roule | L'Écho du Souss</title></head>
<body><table width="100%"><tr><td><h3>L'Écho du Souss</h3>Agadir, Souss et Anti-Atlas</td>
<td><a href="/">Accueil</a> <a href="/sport">Sport</a></td></tr>
<tr><td colspan="2"><h1>Le tramway roule</h1>
{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}</td></tr></table></body></html>"""
DATA_TABLE_PAGE = f"""<html lang="fr"><head><title>Résultats</title></head><body>
<h1>Résultats</h1><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>
<table><tr><th>Ville</th><th>Voyageurs</th></tr><tr><td>Rabat</td><td>40 000</td></tr>
<tr><td>Salé</td><td>25 000</td></tr></table></body></html>"""


def test_layout_table_gives_plain_paragraphs() -> None:
    extracted = extract_article(LAYOUT_PAGE, "https://echo.example.ma/tram.html")
    assert extracted.text == "\n".join(PARAGRAPHS)
    assert extracted.title == "Le tramway roule"
    assert "|" not in (extracted.text or "")


def test_data_tables_stay_tables() -> None:
    extracted = extract_article(DATA_TABLE_PAGE, "https://echo.example.ma/resultats.html")
    assert extracted.html is not None and "<table>" in extracted.html
    assert "Rabat" in (extracted.text or "")


NESTED_PAGE = f"""<html lang="fr"><head><title>Le tramway roule</title></head>
<body><table><tr><td><h1>Le tramway roule</h1>
{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}
<table><tr><th>Ville</th><th>Voyageurs</th></tr><tr><td>Rabat</td><td>40 000</td></tr>
<tr><td>Salé</td><td>25 000</td></tr></table></td></tr></table></body></html>"""


def test_data_table_nested_in_a_layout_cell_stays_a_table() -> None:
    extracted = extract_article(NESTED_PAGE, "https://echo.example.ma/tram.html")
    assert extracted.html is not None and "<table>" in extracted.html
    text = extracted.text or ""
    assert "Rabat" in text and "RabatSalé" not in text.replace(" ", "").replace("|", "")
