"""A small news site for crawl tests: article pages with boilerplate and an RSS feed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape

from tests.webserver import TestServer

T0 = datetime(2026, 11, 2, 8, 30, tzinfo=UTC)

PARAGRAPHS = [
    "Le conseil de la ville a adopté mardi soir un plan de mobilité qui prévoit trois "
    "nouvelles lignes de bus à haut niveau de service d'ici la fin de l'année prochaine.",
    "Selon l'adjoint chargé des transports, le coût total du projet atteint 1,2 milliard "
    "de dirhams, financé en partie par un prêt de la Banque africaine de développement.",
    "Les associations d'usagers saluent une avancée, tout en demandant des horaires "
    "élargis le soir et une meilleure desserte des quartiers périphériques de la ville.",
    "Les travaux doivent commencer au printemps, après une concertation publique de six "
    "semaines dans les arrondissements concernés par le tracé des nouvelles lignes.",
]


def article_page(n: int, title: str, extra: str = "") -> str:
    body = "".join(f"<p>{escape(p)} (article {n})</p>" for p in PARAGRAPHS)
    return f"""<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>{escape(title)} | Le Journal Test</title>
<meta property="og:title" content="{escape(title)}">
<meta property="article:published_time" content="{(T0 - timedelta(hours=n)).isoformat()}">
</head><body>
<header><nav><a href="/">Accueil</a> <a href="/politique">Politique</a></nav></header>
<div class="cookie">Nous utilisons des cookies. <button>Accepter</button></div>
<main><article><h1>{escape(title)}</h1>
<p class="byline">Par Salma Idrissi</p>{body}{extra}</article></main>
<aside><h3>Les plus lus</h3><ul><li><a href="/a/99">Autre sujet</a></li></ul></aside>
<footer>© Le Journal Test — Tous droits réservés</footer></body></html>"""


def rss(items: list[dict[str, str]]) -> str:
    parts = []
    for it in items:
        parts.append(
            "<item>"
            f"<title>{escape(it['title'])}</title><link>{escape(it['link'])}</link>"
            f"<guid isPermaLink=\"false\">{escape(it['guid'])}</guid>"
            f"<pubDate>{it.get('date', format_datetime(T0))}</pubDate>"
            f"<description>{escape(it.get('summary', ''))}</description>"
            "</item>"
        )
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            "<title>Le Journal Test</title><link>http://example/</link>"
            f"<description>Test</description>{''.join(parts)}</channel></rss>")


def publish(web: TestServer, count: int = 4, etag: str | None = '"v1"',
            delay: float = 0.0) -> list[dict[str, str]]:
    items = []
    for n in range(1, count + 1):
        title = f"Mobilité urbaine : le plan numéro {n} adopté"
        web.route(f"/a/{n}", article_page(n, title),
                  headers={"Content-Type": "text/html; charset=utf-8"}, delay=delay)
        items.append({"title": title, "link": web.url(f"/a/{n}?utm_source=rss"),
                      "guid": f"guid-{n}", "date": format_datetime(T0 - timedelta(hours=n))})
    web.route("/feed.xml", rss(items), headers={"Content-Type": "application/rss+xml"},
              etag=etag)
    return items
