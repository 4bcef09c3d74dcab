"""Finding a feed's hub: the Link header first, then the document's top-level links."""

from __future__ import annotations

from jarida.crawl.discovery.hubs import hub_links, links_from_header

BASE = "https://outlet.test/feed.xml"
RSS = b"""<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel><title>T</title><atom:link rel="hub" href="https://hub.test/"/>
<atom:link rel="self" href="/feed.xml?x=1"/>
<item><title>a</title><link>https://outlet.test/a</link>
<atom:link rel="hub" href="https://item-level.test/"/></item></channel></rss>"""
ATOM = b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
<link rel="self" href="https://outlet.test/atom"/><link rel="hub" href="https://hub.test/a"/>
<entry><title>a</title><link href="https://outlet.test/a"/></entry></feed>"""


def test_rss_and_atom_documents() -> None:
    rss = hub_links(RSS, BASE, {})
    assert rss.hub == "https://hub.test/" and rss.self_url == "https://outlet.test/feed.xml?x=1"
    atom = hub_links(ATOM, BASE, {"content-type": "application/atom+xml"})
    assert atom.hub == "https://hub.test/a" and atom.self_url == "https://outlet.test/atom"


def test_link_header_comes_first() -> None:
    header = ('<https://push.test/hub>; rel="hub", <https://outlet.test/topic>; rel="self", '
              "<https://other.test/>; rel=alternate")
    links = hub_links(RSS, BASE, {"link": header})
    assert links.hub == "https://push.test/hub" and links.self_url == "https://outlet.test/topic"
    assert links_from_header('</h>; rel="hub self"', BASE) == {
        "hub": "https://outlet.test/h", "self": "https://outlet.test/h"}


def test_no_hub_and_hostile_documents() -> None:
    assert hub_links(b"<rss><channel><title>x</title></channel></rss>", BASE, {}).hub is None
    # only http(s) hubs; items' links are not the feed's
    item_only = RSS.replace(b'<atom:link rel="hub" href="https://hub.test/"/>', b"")
    assert hub_links(item_only, BASE, {}).hub is None
    assert hub_links(RSS.replace(b"https://hub.test/", b"file:///etc/passwd"), BASE, {}).hub \
        is None
    assert links_from_header("<javascript:alert(1)>; rel=hub", BASE) == {}
    entities = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e "https://evil.test/">]>'
                + RSS.split(b"?>", 1)[1].replace(b"https://hub.test/", b"&e;"))
    assert hub_links(entities, BASE, {}).hub is None  # entity declarations are refused
    assert hub_links(b"\x00\xff hub garbage", BASE, {}).hub is None
    assert links_from_header("<https://x.test/>; rel=hub" + ", <a>" * 100_000, BASE) == {
        "hub": "https://x.test/"}
