"""Captioned photo reels are not the article; a single captioned photo is."""

from __future__ import annotations

from jarida.extract import extract_article

STORY = [
    "La ligne 3 du tramway a transporté ses premiers voyageurs lundi matin, après trois ans "
    "de travaux et plusieurs reports qui avaient agacé les riverains du quartier.",
    "Longue de quatorze kilomètres, la ligne compte vingt-quatre stations et les rames "
    "passeront toutes les six minutes aux heures de pointe, selon l'exploitant.",
    "Un parking relais de six cents places a été aménagé près du terminus pour inciter les "
    "automobilistes à laisser leur voiture à l'entrée de la ville.",
]
CAPTION = ("Le port de pêche au lever du jour, quand les barques rentrent avec les prises "
           "de la nuit et que les mareyeurs attendent sur le quai pour les premières enchères.")


def _page(extra: str) -> str:
    story = "".join(f"<p>{p}</p>" for p in STORY)
    return (f"<html lang='fr'><head><title>Le tramway roule</title></head><body>"
            f"<article><h1>Le tramway roule</h1>{story}</article>{extra}</body></html>")


def test_reel_of_captioned_photos_is_dropped() -> None:
    items = "".join(f"<li><h2>{i}/8 Image {i}</h2><p>{CAPTION} Photo {i}.</p></li>"
                    for i in range(1, 9))
    reel = f"<div class='full-Gallery'><ul class='legends'>{items}</ul></div>"
    text = extract_article(_page(reel), "https://echo.example.ma/tram.html").text or ""
    assert "mareyeurs" not in text
    assert STORY[0] in text and STORY[2] in text


def test_a_single_captioned_photo_is_not_a_reel() -> None:
    figure = (f"<div class='slideshow'><figure><img src='/a.jpg'>"
              f"<figcaption>{CAPTION}</figcaption></figure></div>")
    page = _page("").replace("</article>", figure + "</article>")
    from lxml import html as lxml_html

    from jarida.extract.galleries import drop_photo_galleries

    tree = lxml_html.fromstring(page)
    assert drop_photo_galleries(tree) == 0


def test_a_gallery_holding_the_headline_stays() -> None:
    from lxml import html as lxml_html

    from jarida.extract.galleries import drop_photo_galleries

    items = "".join(f"<li>{CAPTION} {i}</li>" for i in range(6))
    tree = lxml_html.fromstring(f"<html><body><div class='gallery-page'><h1>Le port en "
                                f"images</h1><ul>{items}</ul></div></body></html>")
    assert drop_photo_galleries(tree) == 0
