"""Captioned photo reels are not the article; a single captioned photo is."""

from __future__ import annotations

from jarida.extract import extract_article

STORY = [
    "Les pêcheurs artisanaux d'Essaouira ont obtenu cette semaine un nouveau quai de "
    "débarquement, attendu depuis dix ans par les coopératives de la ville.",
    "L'ouvrage, long de deux cents mètres, permettra d'accueillir quarante barques à la fois "
    "et d'y installer une halle réfrigérée pour la vente du poisson.",
    "Les travaux ont été financés pour moitié par la région, le reste venant d'un prêt "
    "accordé par une banque publique à la chambre des pêches maritimes.",
]
CAPTION = ("Le port de pêche au lever du jour, quand les barques rentrent avec les prises "
           "de la nuit et que les mareyeurs attendent sur le quai pour les premières enchères.")


def _page(extra: str) -> str:
    story = "".join(f"<p>{p}</p>" for p in STORY)
    return (f"<html lang='fr'><head><title>Un nouveau quai à Essaouira</title></head><body>"
            f"<article><h1>Un nouveau quai à Essaouira</h1>{story}</article>{extra}</body></html>")


def test_reel_of_captioned_photos_is_dropped() -> None:
    items = "".join(f"<li><h2>{i}/8 Image {i}</h2><p>{CAPTION} Photo {i}.</p></li>"
                    for i in range(1, 9))
    reel = f"<div class='full-Gallery'><ul class='legends'>{items}</ul></div>"
    text = extract_article(_page(reel), "https://echo.example.ma/quai.html").text or ""
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


def test_the_names_test_never_hides_a_gallery() -> None:
    """`may_hold_galleries` may only skip pages where the walk would find no gallery class:
    upper case and unquoted attributes still pass; the word in the text does not."""
    from lxml import html as lxml_html

    from jarida.extract.galleries import may_hold_galleries
    from jarida.extract.names import page_names

    items = "".join(f"<li>{CAPTION} {i}</li>" for i in range(6))
    for reel in (f"<div class='Photo-GALLERY'><ul>{items}</ul></div>",
                 f"<DIV CLASS=slideshow><ul>{items}</ul></DIV>",
                 f"<div id='x' class=\"a carousel b\"><ul>{items}</ul></div>"):
        assert may_hold_galleries(page_names(lxml_html.fromstring(_page(reel))))
    plain = _page("<p class='story'>Une galerie de photos est en ligne: see our gallery.</p>"
                  "<div id='gallery'>x</div>")
    assert not may_hold_galleries(page_names(lxml_html.fromstring(plain)))
