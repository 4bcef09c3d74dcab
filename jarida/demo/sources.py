"""The registry entries (SourceSpec) a crawler needs to find every demo outlet's articles."""

from __future__ import annotations

from jarida.demo.outlets import OUTLETS, RIF_LISTING_PATTERN, Outlet
from jarida.demo.scale import ScaleWeb
from jarida.model import FeedSpec, SourceSpec


def _feeds(o: Outlet, root: str) -> tuple[FeedSpec, ...]:
    """Feeds as an operator would register them (none for the autodiscovery outlet)."""
    if o.slug == "courrier-atlas":
        return (FeedSpec(f"{root}/rss.xml", "rss", title="À la une"),
                FeedSpec(f"{root}/rss/sport.xml", "rss", section="Sport", title="Sport"),
                FeedSpec(f"{root}/rss/economie.xml", "rss", section="Économie", title="Économie"))
    if o.slug == "akhbar-maghrib":
        return (FeedSpec(f"{root}/feed/", "rss"),)
    if o.slug == "diario-estrecho":
        return (FeedSpec(f"{root}/atom.xml", "atom"),)
    if o.slug == "casablanca-business":
        return (FeedSpec(f"{root}/sitemap-news.xml", "sitemap", title="Google News sitemap"),)
    if o.slug == "rif-express":
        return tuple(FeedSpec(f"{root}/{lang}/", "listing", listing_pattern=RIF_LISTING_PATTERN,
                              title=f"Rif Express ({lang})") for lang in o.languages)
    if o.slug == "maghreb-wire":
        return tuple(FeedSpec(f"{root}/{lang}/atom.xml", "atom", title=f"Maghreb Wire {lang}")
                     for lang in o.languages)
    if o.slug == "atlas-tech":
        return (FeedSpec(f"{root}/feed.xml", "rss"),)
    if o.slug == "phare-detroit":
        return tuple(FeedSpec(f"{root}/{lang}/rss.xml", "rss") for lang in o.languages)
    return ()  # echo-souss: only <link rel="alternate"> on its homepage


def source_specs(base: str, scale: ScaleWeb) -> list[SourceSpec]:
    """One SourceSpec per outlet (hand-written ones first, then generated ones)."""
    specs = [
        SourceSpec(slug=o.slug, name=o.name, homepage=f"{base}/{o.slug}/",
                   languages=o.languages, country="MA", timezone="Africa/Casablanca",
                   feeds=_feeds(o, f"{base}/{o.slug}"))
        for o in OUTLETS
    ]
    specs += [
        SourceSpec(slug=o.slug, name=o.name, homepage=f"{base}/{o.slug}/",
                   languages=o.languages, country="MA", timezone="Africa/Casablanca",
                   feeds=(FeedSpec(f"{base}/{o.slug}/sitemap-index.xml", "sitemap"),))
        for o in scale.outlets
    ]
    return specs
