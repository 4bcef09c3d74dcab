"""The shipped Moroccan catalogue loads, is honest about verification, and covers fr/ar/es."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from jarida.model import SourceSpec
from jarida.sources import dump_sources_opml, load_sources_opml, load_sources_yaml

CATALOGUE = Path(__file__).resolve().parents[2] / "sources" / "morocco.yaml"


@pytest.fixture(scope="module")
def catalogue() -> list[SourceSpec]:
    return load_sources_yaml(CATALOGUE)


def test_has_enough_sources(catalogue: list[SourceSpec]) -> None:
    assert len(catalogue) >= 15
    assert all(spec.feeds for spec in catalogue)


def test_covers_french_arabic_and_spanish(catalogue: list[SourceSpec]) -> None:
    languages = {lang for spec in catalogue for lang in spec.languages}
    assert {"fr", "ar", "es"} <= languages
    assert all(spec.languages for spec in catalogue)


def test_every_feed_is_https(catalogue: list[SourceSpec]) -> None:
    for spec in catalogue:
        for feed in spec.feeds:
            assert urlsplit(feed.url).scheme == "https", feed.url
        assert spec.homepage is not None and spec.homepage.startswith("https://")


def test_nothing_claims_to_be_verified(catalogue: list[SourceSpec]) -> None:
    assert not any(spec.verified for spec in catalogue)
    head = CATALOGUE.read_text(encoding="utf-8").splitlines()[:10]
    assert any("NOT VERIFIED" in line for line in head if line.startswith("#"))


def test_all_moroccan_and_excerpt_only(catalogue: list[SourceSpec]) -> None:
    assert {spec.country for spec in catalogue} == {"MA"}
    assert {spec.mode for spec in catalogue} == {"excerpt"}


@pytest.mark.parametrize(
    "url",
    [
        "https://fr.hespress.com/feed",
        "https://fr.le360.ma/rss",
        "https://medias24.com/feed/",
        "https://lematin.ma/rss.xml",
        "https://telquel.ma/feed",
        "https://www.leconomiste.com/rss.xml",
        "https://www.challenge.ma/feed/",
        "https://lavieeco.com/feed/",
        "https://aujourdhui.ma/feed/",
        "https://www.moroccoworldnews.com/feed",
        "https://www.hespress.com/feed",
        "https://es.hespress.com/feed",
    ],
)
def test_required_outlets_are_present(catalogue: list[SourceSpec], url: str) -> None:
    assert url in {feed.url for spec in catalogue for feed in spec.feeds}


def test_catalogue_survives_opml_export(catalogue: list[SourceSpec]) -> None:
    assert load_sources_opml(dump_sources_opml(catalogue)) == catalogue
