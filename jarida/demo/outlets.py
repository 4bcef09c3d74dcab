"""The invented outlets of the demo web: names, languages, feed style, faults, authors."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FeedStyle = Literal["rss", "atom", "sitemap", "listing", "autodiscovery"]
Fault = Literal["none", "flaky", "charset", "hostile"]


@dataclass(frozen=True)
class Outlet:
    """One invented news site, served under /<slug>/ on the demo server."""

    slug: str
    name: str
    languages: tuple[str, ...]
    feed_style: FeedStyle
    date_style: str
    fault: Fault = "none"
    jsonld: bool = False
    og_published: bool = False
    authors: tuple[str, ...] = ()
    tagline: str = ""
    layout: str = ""  # template to borrow (generated outlets); empty means its own

    @property
    def template(self) -> str:
        """Key of the layout that draws this outlet's pages."""
        return self.layout or self.slug


OUTLETS: tuple[Outlet, ...] = (
    Outlet("courrier-atlas", "Le Courrier de l'Atlas", ("fr",), "rss", "fr_long",
           jsonld=True, og_published=True,
           authors=("Sophia Lahlou", "Mehdi Bennani", "Claire Moreau", "Yassine Kabbaj"),
           tagline="Le quotidien de toutes les régions"),
    Outlet("akhbar-maghrib", "Akhbar Al Maghrib", ("ar",), "rss", "ar_months", jsonld=True,
           authors=("محمد الصديقي", "فاطمة الزهراء العلوي", "عبد الله بنشقرون"),
           tagline="أخبار المغرب ساعة بساعة"),
    Outlet("diario-estrecho", "Diario del Estrecho", ("es",), "atom", "es_long", jsonld=True,
           authors=("Lucía Romero", "Javier Ortega", "Amal Haddad"),
           tagline="Noticias de las dos orillas"),
    Outlet("casablanca-business", "Casablanca Business", ("fr",), "sitemap", "fr_slash",
           og_published=True, authors=("Réda Guessous", "Nadia Skalli", "Thomas Girard"),
           tagline="L'économie au quotidien"),
    Outlet("rif-express", "Rif Express", ("fr", "ar"), "listing", "dotted",
           authors=("Hassan Azzouzi", "Samira Boudra", "نور الدين أمزيان"),
           tagline="L'info du Nord, en deux langues"),
    Outlet("echo-souss", "L'Écho du Souss", ("fr",), "autodiscovery", "fr_le",
           fault="charset", authors=("Brahim Oubella", "Élodie Ferrand"),
           tagline="Agadir, Souss et Anti-Atlas"),
    Outlet("maghreb-wire", "Maghreb Wire", ("fr", "ar", "es", "en"), "atom", "iso",
           jsonld=True, og_published=True, authors=("Maghreb Wire",),
           tagline="Agence d'information / وكالة المغرب للأنباء"),
    Outlet("atlas-tech", "Atlas Tech Review", ("en", "fr"), "rss", "en_long",
           fault="hostile", og_published=True,
           authors=("Dana Whitfield", "Anas Kettani", "Ines Chafik"),
           tagline="Technology, start-ups and the digital economy"),
    Outlet("phare-detroit", "Le Phare du Détroit", ("fr", "es"), "rss", "fr_dashes",
           fault="flaky", authors=("Karima Alami", "José Benítez", "Omar Senhaji"),
           tagline="Tanger, Tétouan et le Détroit"),
)

BY_SLUG: dict[str, Outlet] = {o.slug: o for o in OUTLETS}

RIF_LISTING_PATTERN = r"/rif-express/(?:fr|ar)/\d{4}/\d{2}/[a-z0-9-]+-\d+\.html$"
"""Regex selecting article links on Rif Express section (listing) pages."""
