"""The YAML registry: what it accepts, and one clear line-numbered error for what it does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from jarida.model import FeedSpec, SourceSpec
from jarida.sources import RegistryFileError, dump_sources_yaml, load_sources_yaml

GOOD = """\
sources:
  - name: Hespress FR
    homepage: https://fr.hespress.com
    languages: [fr]
    country: ma
    section: news
    mode: excerpt
    timezone: Africa/Casablanca
    verified: false
    feeds:
      - url: https://fr.hespress.com/feed
      - url: https://fr.hespress.com/sitemap.xml
        kind: sitemap
        section: politics
        title: Plan du site
  - slug: hespress-ar
    name: هسبريس
    languages: ar
    feeds:
      - url: https://www.hespress.com/
        kind: listing
        listing_pattern: '/[a-z-]+-\\d+\\.html$'
  - name: Hespress FR
"""


def test_loads_every_field_and_applies_defaults() -> None:
    first, second, third = load_sources_yaml(GOOD)
    assert first == SourceSpec(
        slug="hespress-fr",
        name="Hespress FR",
        homepage="https://fr.hespress.com",
        languages=("fr",),
        country="MA",
        section="news",
        mode="excerpt",
        timezone="Africa/Casablanca",
        verified=False,
        feeds=(
            FeedSpec(url="https://fr.hespress.com/feed", kind="rss"),
            FeedSpec(
                url="https://fr.hespress.com/sitemap.xml",
                kind="sitemap",
                section="politics",
                title="Plan du site",
            ),
        ),
    )
    assert second.slug == "hespress-ar"
    assert second.languages == ("ar",)
    assert second.mode == "full" and second.verified is True
    assert second.feeds[0].listing_pattern == r"/[a-z-]+-\d+\.html$"
    # Same name twice: the derived slug steps aside instead of colliding.
    assert third.slug == "hespress-fr-2"
    assert third.feeds == ()


def test_dump_then_load_gives_the_same_specs() -> None:
    specs = load_sources_yaml(GOOD)
    text = dump_sources_yaml(specs)
    assert load_sources_yaml(text) == specs
    assert "languages: [fr]" in text
    assert "هسبريس" in text  # written as UTF-8, not escaped


def test_reads_from_path_objects_and_path_strings(tmp_path: Path) -> None:
    path = tmp_path / "reg.yaml"
    path.write_text(GOOD, encoding="utf-8")
    assert load_sources_yaml(path) == load_sources_yaml(GOOD)
    assert load_sources_yaml(str(path)) == load_sources_yaml(GOOD)


def test_missing_file_is_a_registry_error(tmp_path: Path) -> None:
    with pytest.raises(RegistryFileError, match="cannot read"):
        load_sources_yaml(tmp_path / "absent.yaml")


def _src(extra: str = "", feed: str = "      - url: https://a.ma/feed\n") -> str:
    return f"sources:\n  - name: A\n{extra}    feeds:\n{feed}"


BAD = [
    # (document, line, words in the message)
    ("sources:\n  - name: [unclosed\n  - name: B\n", 3, "malformed YAML"),
    ("sources:\n\t- name: A\n", 2, "malformed YAML"),
    ("", 1, "empty"),
    ("- name: A\n", 1, "file must be a mapping"),
    ("feeds: []\n", 1, "unknown key 'feeds' in file"),
    ("sources:\n  name: A\n", 2, "sources must be a list"),
    ("sources:\n  - homepage: https://a.ma\n    feeds: []\n", 2, "source has no name"),
    ("sources:\n  - name: ''\n", 2, "name must not be empty"),
    ("sources:\n  - name: A\n    name: B\n", 3, "key 'name' repeated"),
    ("sources:\n  - name: A\n    lang: [fr]\n", 3, "unknown key 'lang' in source"),
    (_src(feed="      - url: https://a.ma/feed\n        kind: json\n"), 5, "feed kind must be"),
    (_src(feed="      - url: ftp://a.ma/feed\n"), 4, "http or https"),
    (_src(feed="      - url: /feed\n"), 4, "http or https"),
    (_src(feed="      - kind: rss\n"), 4, "feed has no url"),
    (_src("    mode: fulltext\n"), 3, "mode must be one of full, excerpt"),
    (_src("    homepage: javascript:alert(1)\n"), 3, "homepage must be an http or https"),
    (_src("    languages: [french]\n"), 3, "ISO 639-1"),
    (_src("    languages: [fr, FR]\n"), 3, "language listed twice"),
    (_src("    country: Morocco\n"), 3, "ISO 3166-1"),
    (_src("    timezone: Africa/Rabat\n"), 3, "unknown IANA time zone"),
    (_src("    verified: maybe\n"), 3, "verified must be true or false"),
    (_src("    slug: Bad Slug\n"), 3, "slug must be lowercase"),
    ("sources:\n  - name: A\n    feeds: https://a.ma/feed\n", 3, "feeds must be a list"),
    (_src(feed="      - url: https://a.ma/feed\n        listing_pattern: x\n"), 5, "only applies"),
    (
        _src(
            feed="      - url: https://a.ma/\n        kind: listing\n        listing_pattern: '('\n"
        ),
        6,
        "not a valid regular expression",
    ),
    (
        "sources:\n  - name: A\n    slug: dup\n  - name: B\n    slug: dup\n",
        5,
        "duplicate slug 'dup' (first on line 3)",
    ),
    (
        "sources:\n  - name: A\n    feeds:\n      - url: https://a.ma/feed\n"
        "  - name: B\n    feeds:\n      - url: https://A.ma/feed/\n",
        7,
        "duplicate feed URL https://A.ma/feed/ (first on line 4)",
    ),
]


@pytest.mark.parametrize(("text", "line", "words"), BAD)
def test_bad_files_raise_one_error_with_the_line(text: str, line: int, words: str) -> None:
    with pytest.raises(RegistryFileError) as caught:
        load_sources_yaml(text)
    error = caught.value
    assert words in error.message
    assert error.line == line
    assert str(error).startswith(f"line {line}: ")
    assert "\n" not in str(error)


def test_dumped_values_that_look_like_other_types_stay_strings() -> None:
    spec = SourceSpec(slug="yes", name="123", section="no", languages=("no",), country="NO")
    assert load_sources_yaml(dump_sources_yaml([spec])) == [spec]
