"""No page body: the feed entry speaks instead, and says so; nothing at all means nothing stored."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from jarida.extract import extract_article
from jarida.model import Entry

URL = "https://news.example.ma/societe/eau.html"
ENTRY = Entry(
    url=URL,
    title="Coupures d'eau à Casablanca | Hespress",
    summary="<p>Des coupures d'eau sont prévues <b>mercredi</b> dans plusieurs quartiers de "
            "Casablanca, a annoncé la régie <script>x()</script>.</p>",
    author="Rédaction",
    published=datetime(2020, 11, 24, 10, 30),  # naive: the source's local time
    image="/img/eau.jpg",
    language="fr",
)
EMPTY_PAGE = b"<html><body><nav><a href='/'>Accueil</a></nav></body></html>"


def test_unfetchable_page_falls_back_to_the_entry() -> None:
    extracted = extract_article(b"", URL, fallback=ENTRY)
    assert extracted.from_feed is True
    assert extracted.text is not None and "coupures d'eau" in extracted.text
    assert "x()" not in (extracted.html or "")
    assert extracted.title == "Coupures d'eau à Casablanca"
    assert extracted.published == datetime(2020, 11, 24, 9, 30, tzinfo=UTC)
    assert extracted.image == "https://news.example.ma/img/eau.jpg"
    assert extracted.language == "fr"
    assert extracted.author == "Rédaction"


def test_page_without_body_falls_back_to_the_entry() -> None:
    extracted = extract_article(EMPTY_PAGE, URL, fallback=ENTRY)
    assert extracted.from_feed is True
    assert extracted.text is not None and "mercredi" in extracted.text


def test_no_body_and_no_entry_is_never_an_empty_article() -> None:
    for page in (b"", "   ", EMPTY_PAGE):
        extracted = extract_article(page, URL)
        assert not extracted.text  # the caller must not store it
        assert extracted.url == URL


def test_entry_content_is_preferred_to_its_summary() -> None:
    entry = Entry(url=URL, summary="<p>court</p>", content_html="<p>Le texte complet de "
                  "l'article, tel que publié dans le flux.</p>")
    extracted = extract_article(b"", URL, fallback=entry)
    assert extracted.text == "Le texte complet de l'article, tel que publié dans le flux."


def test_page_date_wins_and_entry_fills_the_gaps() -> None:
    page = b"""<html lang="fr"><head><title>Un titre</title>
    <meta property="article:published_time" content="2020-11-20T08:00:00Z"></head><body>
    <p>Premier paragraphe assez long pour faire un article complet avec des phrases entieres
    et des informations utiles aux lecteurs de la presse marocaine en ligne.</p>
    <p>Second paragraphe qui complete le premier et donne encore quelques details sur
    les faits rapportes par le journaliste dans cette depeche du matin.</p></body></html>"""
    extracted = extract_article(page, URL, fallback=ENTRY)
    assert extracted.from_feed is False
    assert extracted.published == datetime(2020, 11, 20, 8, 0, tzinfo=UTC)
    assert extracted.author == "Rédaction"
    assert extracted.image == "https://news.example.ma/img/eau.jpg"


def test_json_ld_body_is_used_when_the_page_shows_none() -> None:
    declared = {
        "@type": "NewsArticle",
        "headline": "Titre",
        "articleBody": "Premier paragraphe du texte declare dans les donnees structurees.\n"
                       "Second paragraphe, lui aussi assez long pour compter.",
    }
    page = ('<html><head><title>Titre</title><script type="application/ld+json">'
            f"{json.dumps(declared)}</script></head><body><div id='app'></div></body></html>")
    extracted = extract_article(page, URL)
    assert extracted.from_feed is False
    assert extracted.text == declared["articleBody"]
    assert extracted.html is not None and extracted.html.count("<p>") == 2


@pytest.mark.parametrize(
    "page",
    [b"\x00\xff\xfe", b"<html>", "plain text, no markup", b"<div>" * 3000 + b"<p>x</p>",
     "<?xml version='1.0'?><rss><channel><item><title>x</title></item></channel></rss>"],
)
def test_garbage_never_raises(page: bytes | str) -> None:
    extracted = extract_article(page, URL)
    assert not extracted.text
