"""Canonical URLs: only safe normalisations, tracking removed, same-site rel=canonical."""

from __future__ import annotations

import pytest

from jarida.dedup import canonical_url, registrable_domain, same_site, url_key


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # case, default port, fragment
        ("HTTP://WWW.Example.COM:80/Path#top", "http://www.example.com/Path"),
        ("https://example.com:443", "https://example.com/"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        # tracking parameters gone, the rest sorted (stable for repeated names)
        (
            "https://ex.com/a?utm_source=fb&utm_Medium=x&b=2&fbclid=1&a=1&gclid=2&a=0&at_medium=s",
            "https://ex.com/a?a=1&a=0&b=2",
        ),
        (
            "https://ex.com/a?mc_cid=1&mc_eid=2&igshid=3&_ga=4&yclid=5&ref_src=6&spm=7&dclid=8"
            "&msclkid=9&xtor=RSS-1",
            "https://ex.com/a",
        ),
        ("https://ex.com/a?id=5&%75tm_source=x", "https://ex.com/a?id=5"),  # escaped name
        ("https://ex.com/search?q=a+b&q=c%20d", "https://ex.com/search?q=a+b&q=c%20d"),
        ("https://ex.com/a?", "https://ex.com/a"),
        ("https://ex.com/a?x=&&y", "https://ex.com/a?x=&y"),  # empty values are kept
        # percent-encoding: unreserved decoded, others uppercased, raw unicode encoded
        ("https://ex.com/%7euser/caf%c3%a9/%2F", "https://ex.com/~user/caf%C3%A9/%2F"),
        ("https://ex.com/a b/é?q=ü", "https://ex.com/a%20b/%C3%A9?q=%C3%BC"),
        ("https://ex.com/a+b;c=1", "https://ex.com/a+b;c=1"),  # reserved chars untouched
        # IDN host to punycode, trailing dot removed
        ("https://BÜCHER.de./x", "https://xn--bcher-kva.de/x"),
        # dot segments, index files
        ("https://ex.com/a/./b/../c", "https://ex.com/a/c"),
        ("https://ex.com/fr/index.html", "https://ex.com/fr/"),
        ("https://ex.com/index.htm?x=1", "https://ex.com/?x=1"),
        # NOT normalised (would merge distinct pages on some sites)
        ("https://ex.com/a/", "https://ex.com/a/"),
        ("https://ex.com/a", "https://ex.com/a"),
        ("https://ex.com/a//b", "https://ex.com/a//b"),
        ("https://www.ex.com/a", "https://www.ex.com/a"),
        ("https://ex.com/index.php", "https://ex.com/index.php"),
        ("https://ex.com/A", "https://ex.com/A"),
        # hash-bang routes are addresses, not fragments
        ("https://ex.com/#!/article/12", "https://ex.com/#!/article/12"),
        # credentials never end up in a key
        ("https://user:pw@ex.com/a", "https://ex.com/a"),
        ("  https://ex.com/a\n", "https://ex.com/a"),
    ],
)
def test_canonical_url(raw: str, expected: str) -> None:
    assert canonical_url(raw) == expected


def test_arabic_idn_host() -> None:
    url = canonical_url("https://هسبريس.com/")
    assert url.isascii() and url.startswith("https://xn--") and url.endswith(".com/")
    assert canonical_url("HTTPS://هسبريس.COM") == url
    assert canonical_url(url) == url


def test_idempotent() -> None:
    for raw in ("https://BÜCHER.de/a b?utm_x=1&z=%7e&a=1#f", "http://ex.com:80/./index.html"):
        once = canonical_url(raw)
        assert canonical_url(once) == once


@pytest.mark.parametrize("bad", ["", "ftp://ex.com/a", "/relative/path", "mailto:a@b.c",
                                 "https://ex.com:99999999/"])
def test_rejects_non_http(bad: str) -> None:
    with pytest.raises(ValueError):
        canonical_url(bad)


def test_rel_canonical_same_site_preferred() -> None:
    page = "https://m.hespress.com/politique/article-123.html?utm_source=x"
    preferred = "https://www.hespress.com/politique/article-123.html"
    assert canonical_url(page, rel_canonical=preferred) == preferred
    assert canonical_url("https://ex.com/a/amp/", rel_canonical="../") == "https://ex.com/a/"


def test_rel_canonical_cross_site_ignored() -> None:
    page = "https://ledesk.ma/2025/01/dossier"
    assert canonical_url(page, rel_canonical="https://lemonde.fr/x") == page


def test_rel_canonical_to_home_page_ignored() -> None:
    page = "https://ex.com/politique/le-budget-2025"
    assert canonical_url(page, rel_canonical="https://ex.com/") == page


def test_rel_canonical_garbage_ignored() -> None:
    page = "https://ex.com/a"
    assert canonical_url(page, rel_canonical="javascript:alert(1)") == page
    assert canonical_url(page, rel_canonical="   ") == page


def test_url_key() -> None:
    a = url_key("https://EX.com/a?utm_source=x#frag")
    assert a == url_key("https://ex.com/a") and len(a) == 64
    assert a != url_key("https://ex.com/a/")


def test_registrable_domain_and_same_site() -> None:
    assert registrable_domain("www.news.bbc.co.uk") == "bbc.co.uk"
    assert registrable_domain("fr.hespress.com") == "hespress.com"
    assert registrable_domain("127.0.0.1") == "127.0.0.1"
    assert registrable_domain("demo.journal.test") == "journal.test"
    assert same_site("https://m.le360.ma/a", "https://fr.le360.ma/b")
    assert not same_site("https://a.blogspot.com/", "https://b.blogspot.com/")  # private suffix
    assert not same_site("https://le360.ma/", "https://le360.com/")
