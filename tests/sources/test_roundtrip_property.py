"""Generated registries survive YAML and OPML export unchanged, whatever their content."""

from __future__ import annotations

import pytest

from jarida.model import FeedSpec, SourceSpec
from jarida.sources import (
    dump_sources_opml,
    dump_sources_yaml,
    load_sources_opml,
    load_sources_yaml,
)
from jarida.sources.checks import FEED_KINDS, MODES, SLUG_RE
from jarida.sources.urls import feed_url_key

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_CHARS = st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufffe\uffff")
text = st.text(_CHARS, min_size=1, max_size=30).map(str.strip).filter(bool)
_word = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz0123456789"), min_size=1, max_size=8)
host = st.builds(lambda w, tld: f"{w}.{tld}", _word, st.sampled_from(["ma", "com", "es"]))
path = st.text(st.sampled_from("abc/-_.~%?=&;,+0189"), max_size=15)
url = st.builds(lambda s, h, p: f"{s}://{h}/{p}", st.sampled_from(["http", "https"]), host, path)
slug = st.lists(_word, min_size=1, max_size=4).map("-".join)
patterns = st.sampled_from([r"/\d+\.html$", r"<a href=\"(.*?)\">&amp;", r"^https://x\.ma/[^?#]+$"])
zones = st.sampled_from(["Africa/Casablanca", "Europe/Madrid", "UTC", "Atlantic/Canary"])
codes = st.lists(st.sampled_from(["fr", "ar", "es", "en", "zh", "ty"]), unique=True, max_size=3)


@st.composite
def feeds(draw: st.DrawFn) -> FeedSpec:
    kind = draw(st.sampled_from(FEED_KINDS))
    return FeedSpec(
        url=draw(url),
        kind=kind,
        section=draw(st.none() | text),
        listing_pattern=draw(st.none() | patterns) if kind == "listing" else None,
        title=draw(st.none() | text),
    )


sources = st.builds(
    SourceSpec,
    slug=slug,
    name=text,
    homepage=st.none() | url,
    languages=codes.map(tuple),
    country=st.none() | st.sampled_from(["MA", "ES", "FR", "NO"]),
    section=st.none() | text,
    mode=st.sampled_from(MODES),
    timezone=st.none() | zones,
    verified=st.booleans(),
    feeds=st.lists(feeds(), max_size=3).map(tuple),
)


@given(slug)
def test_generated_slugs_are_valid(value: str) -> None:
    assert SLUG_RE.fullmatch(value)


def _distinct_feeds(specs: list[SourceSpec]) -> bool:
    keys = [feed_url_key(f.url) for s in specs for f in s.feeds]
    return len(keys) == len(set(keys))


registries = st.lists(sources, max_size=5, unique_by=lambda s: s.slug).filter(_distinct_feeds)


@settings(max_examples=100, deadline=None)
@given(registries)
def test_opml_round_trip(specs: list[SourceSpec]) -> None:
    assert load_sources_opml(dump_sources_opml(specs).encode("utf-8")) == specs


@settings(max_examples=100, deadline=None)
@given(registries)
def test_yaml_round_trip(specs: list[SourceSpec]) -> None:
    assert load_sources_yaml(dump_sources_yaml(specs)) == specs


@settings(max_examples=60, deadline=None)
@given(registries)
def test_yaml_to_opml_to_yaml(specs: list[SourceSpec]) -> None:
    yaml_text = dump_sources_yaml(specs)
    via_opml = load_sources_opml(dump_sources_opml(load_sources_yaml(yaml_text)))
    assert dump_sources_yaml(via_opml) == yaml_text
