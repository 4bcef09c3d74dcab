"""OPML import from other readers, our own lossless export, and refusal of unsafe input."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from jarida.model import FeedSpec, SourceSpec
from jarida.sources import (
    JARIDA_NS,
    RegistryFileError,
    dump_sources_opml,
    load_sources_opml,
)

DATA = Path(__file__).parent / "data"


def _load(name: str) -> list[SourceSpec]:
    return load_sources_opml((DATA / name).read_bytes())


def test_miniflux_categories_become_sections() -> None:
    medias24, challenge, hespress = _load("miniflux.opml")
    assert (medias24.name, medias24.section, medias24.slug) == ("Médias24", "Économie", "medias24")
    assert medias24.feeds == (FeedSpec(url="https://medias24.com/feed/"),)
    assert challenge.homepage == "https://www.challenge.ma/"
    # Miniflux's catch-all "All" folder is not a section; the Arabic name slugs by host.
    assert (hespress.section, hespress.slug) == (None, "hespress")
    assert all(s.mode == "excerpt" and s.verified is False for s in (medias24, hespress))


def test_freshrss_groups_same_host_and_maps_xpath_pages_to_listings() -> None:
    hespress, desk = _load("freshrss.opml")
    assert hespress.name == "Hespress FR"
    assert hespress.section == "Maroc"
    assert [f.url for f in hespress.feeds] == [
        "https://fr.hespress.com/feed",
        "https://fr.hespress.com/economie/feed",
    ]
    assert hespress.feeds[1].title == "Hespress FR – Économie"
    assert desk.feeds == (FeedSpec(url="https://ledesk.ma/", kind="listing"),)
    assert desk.section == "Sans flux"


def test_feedly_keeps_shared_platform_channels_apart() -> None:
    telquel, le360, chaine_a, chaine_b = _load("feedly.opml")
    assert (telquel.slug, telquel.section) == ("telquel", "Maroc")
    assert le360.feeds[0].url == "https://fr.le360.ma/rss"
    assert (chaine_a.slug, chaine_b.slug) == ("chaine-a", "chaine-b")
    assert chaine_a.section == "Vidéo"


def test_inoreader_duplicate_folder_entry_is_kept_once() -> None:
    vie_eco, hespress_es, mwn = _load("inoreader.opml")
    assert vie_eco.section == "Presse"
    assert len(vie_eco.feeds) == 1
    assert hespress_es.languages == ("es",)
    assert (mwn.section, mwn.homepage) == (None, None)


def _spec(**kw: object) -> SourceSpec:
    base: dict[str, object] = {"slug": "a", "name": "A"}
    base.update(kw)
    return SourceSpec(**base)  # type: ignore[arg-type]


VARIED = [
    [],
    [_spec()],
    [
        _spec(
            slug="hespress-fr",
            name='Hespress "FR" & <co>',
            homepage="https://fr.hespress.com/?a=1&b=2",
            languages=("fr", "ar"),
            country="MA",
            section="news",
            mode="excerpt",
            timezone="Africa/Casablanca",
            verified=False,
            feeds=(
                FeedSpec(url="https://fr.hespress.com/feed", section="politics", title="Politique"),
                FeedSpec(url="https://fr.hespress.com/sitemap.xml", kind="sitemap"),
                FeedSpec(
                    url="https://fr.hespress.com/",
                    kind="listing",
                    listing_pattern=r"^https://fr\.hespress\.com/\d+-[^/<>&]+\.html$",
                    section="news",
                ),
            ),
        ),
        _spec(slug="empty", name="هسبريس", section="news"),
        _spec(slug="b", name="B", feeds=(FeedSpec(url="https://b.ma/atom", kind="atom"),)),
        _spec(slug="c", name="C", section="news", feeds=(FeedSpec(url="https://c.ma/rss"),)),
    ],
]


@pytest.mark.parametrize("specs", VARIED)
def test_own_export_round_trips_exactly(specs: list[SourceSpec]) -> None:
    text = dump_sources_opml(specs)
    assert load_sources_opml(text.encode("utf-8")) == specs
    assert load_sources_opml(text) == specs


def test_own_export_is_plain_opml_for_other_readers() -> None:
    root = etree.fromstring(dump_sources_opml(VARIED[2]).encode())
    assert root.get("version") == "2.0"
    body = root.find("body")
    assert body is not None
    folders = [o.get("text") for o in body]
    # Order is kept: a section can come back in a later run of outlines.
    assert folders == ["politics", "news", "B", "news"]
    feed = body[0][0]
    assert feed.get("type") == "rss"
    assert feed.get("xmlUrl") == "https://fr.hespress.com/feed"
    assert feed.get("title") == "Politique"
    assert feed.get(f"{{{JARIDA_NS}}}slug") == "hespress-fr"


def test_foreign_reader_of_our_export_sees_categories() -> None:
    """Stripping our namespace leaves an ordinary import: feeds filed by section."""
    text = dump_sources_opml(VARIED[2])
    root = etree.fromstring(text.encode())
    for outline in root.iter("outline"):
        for key in [k for k in outline.attrib if str(k).startswith("{")]:
            del outline.attrib[key]
    plain = load_sources_opml(etree.tostring(root))
    # The three Hespress feeds share a host, so they come back as one source.
    assert [s.section for s in plain] == ["politics", None, "news"]
    assert [f.section for f in plain[0].feeds] == [None, "news", "news"]
    assert plain[0].feeds[0].url == "https://fr.hespress.com/feed"


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE opml [
  <!ENTITY a "aaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
]>
<opml version="2.0"><body><outline text="&c;" xmlUrl="https://a.ma/feed"/></body></opml>
"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<opml version="2.0"><body><outline text="&x;" xmlUrl="https://a.ma/feed"/></body></opml>
"""


@pytest.mark.parametrize(
    ("data", "line", "words"),
    [
        (b"<opml version='2.0'>\n<body>\n<outline text='a'>\n</body></opml>", 4, "malformed OPML"),
        (b"", 1, "malformed OPML"),
        (BILLION_LAUGHS, 2, "DOCTYPE"),
        (XXE, 2, "DOCTYPE"),
        (b"<rss version='2.0'><channel/></rss>", 1, "not OPML"),
        (b"<opml version='2.0'>\n<head/>\n</opml>", 1, "no <body>"),
        (
            b"<opml version='2.0'><body>\n\n<outline text='x' xmlUrl='file:///etc/passwd'/>"
            b"</body></opml>",
            3,
            "xmlUrl must be an http or https URL",
        ),
    ],
)
def test_bad_opml_is_reported_with_its_line(data: bytes, line: int | None, words: str) -> None:
    with pytest.raises(RegistryFileError) as caught:
        load_sources_opml(data)
    assert words in caught.value.message
    assert caught.value.line == line
    assert ", line" not in caught.value.message  # lxml's own position is not repeated


def _jarida_doc(*outlines: str) -> bytes:
    head = f'<opml version="2.0" xmlns:jarida="{JARIDA_NS}"><body>\n'
    return (head + "\n".join(outlines) + "\n</body></opml>").encode()


def _outline(url: str, name: str = "A", mode: str = "full", kind: str = "rss") -> str:
    return (
        f'<outline xmlUrl="{url}" jarida:slug="a" jarida:name="{name}" jarida:mode="{mode}" '
        f'jarida:verified="true" jarida:kind="{kind}"/>'
    )


def test_own_outlines_for_one_source_must_agree() -> None:
    data = _jarida_doc(_outline("https://a.ma/1"), _outline("https://a.ma/2", name="Other"))
    with pytest.raises(RegistryFileError) as caught:
        load_sources_opml(data)
    assert caught.value.line == 3
    assert "'Other' here but 'A' on line 2" in caught.value.message


@pytest.mark.parametrize(
    ("outline", "words"),
    [
        (_outline("https://a.ma/1", mode="all"), "mode must be one of"),
        (_outline("https://a.ma/1", kind="json"), "feed kind must be"),
        (_outline("gopher://a.ma/1"), "xmlUrl must be an http or https URL"),
        (_outline("https://a.ma/1").replace('jarida:verified="true"', ""), "jarida:verified"),
    ],
)
def test_own_outlines_are_validated(outline: str, words: str) -> None:
    with pytest.raises(RegistryFileError) as caught:
        load_sources_opml(_jarida_doc(outline))
    assert words in caught.value.message
    assert caught.value.line == 2


def test_duplicate_feed_in_own_export_is_an_error() -> None:
    data = _jarida_doc(_outline("https://a.ma/1"), _outline("https://a.ma/1"))
    with pytest.raises(RegistryFileError, match="duplicate feed URL") as caught:
        load_sources_opml(data)
    assert caught.value.line == 3
