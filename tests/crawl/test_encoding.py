"""Encodings: header first, then the document's own declaration, then detection."""

from __future__ import annotations

import pytest

from jarida.crawl.encoding import detect_encoding
from tests.crawl.conftest import fetch_once
from tests.webserver import TestServer

ARABIC = "<p>أعلنت الحكومة المغربية اليوم عن برنامج جديد لدعم الصحافة الوطنية والجهوية</p>"
FRENCH = "<p>Le président a annoncé mercredi une réforme très attendue à Rabat</p>"


def test_charset_from_header(web: TestServer) -> None:
    web.route("/a", body=ARABIC.encode("cp1256"),
              headers={"Content-Type": "text/html; charset=windows-1256"})
    result = fetch_once(web.url("/a"))
    assert result.encoding == "cp1256" and result.text() == ARABIC


def test_charset_from_meta(web: TestServer) -> None:
    page = f'<html><head><meta charset="windows-1256"></head><body>{ARABIC}</body></html>'
    web.route("/a", body=page.encode("cp1256"), headers={"Content-Type": "text/html"})
    result = fetch_once(web.url("/a"))
    assert result.encoding == "cp1256" and ARABIC in result.text()


def test_charset_from_http_equiv_meta(web: TestServer) -> None:
    page = ('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
            + FRENCH)
    web.route("/a", body=page.encode("latin-1"), headers={"Content-Type": "text/html"})
    result = fetch_once(web.url("/a"))
    assert result.encoding == "cp1252" and FRENCH in result.text()


def test_xml_declaration(web: TestServer) -> None:
    feed = f'<?xml version="1.0" encoding="windows-1256"?><rss><title>{ARABIC}</title></rss>'
    web.route("/rss", body=feed.encode("cp1256"), headers={"Content-Type": "application/xml"})
    result = fetch_once(web.url("/rss"))
    assert result.encoding == "cp1256" and ARABIC in result.text()


def test_missing_charset_is_detected(web: TestServer) -> None:
    web.route("/a", body=(ARABIC * 3).encode("cp1256"), headers={"Content-Type": "text/html"})
    result = fetch_once(web.url("/a"))
    assert result.text() == ARABIC * 3


def test_missing_charset_utf8(web: TestServer) -> None:
    web.route("/a", body=ARABIC.encode("utf-8"), headers={"Content-Type": "text/html"})
    result = fetch_once(web.url("/a"))
    assert result.encoding == "utf-8" and result.text() == ARABIC


def test_wrong_header_charset_is_overridden_by_the_bytes(web: TestServer) -> None:
    """The header claims UTF-8 but the bytes are Windows-1256: trust what decodes."""
    page = f'<meta charset="windows-1256">{ARABIC}'
    web.route("/a", body=page.encode("cp1256"),
              headers={"Content-Type": "text/html; charset=utf-8"})
    result = fetch_once(web.url("/a"))
    assert result.encoding == "cp1256" and ARABIC in result.text()


def test_unknown_charset_label_falls_through(web: TestServer) -> None:
    web.route("/a", body=FRENCH.encode("utf-8"),
              headers={"Content-Type": "text/html; charset=klingon-8"})
    result = fetch_once(web.url("/a"))
    assert result.encoding == "utf-8" and result.text() == FRENCH


def test_binary_bodies_are_not_decoded(web: TestServer) -> None:
    web.route("/img", body=b"\x89PNG\r\n\x1a\n\0\0", headers={"Content-Type": "image/png"})
    assert fetch_once(web.url("/img")).encoding is None


@pytest.mark.parametrize(("body", "content_type", "expected"), [
    (b"\xef\xbb\xbf<p>x</p>", "text/html; charset=iso-8859-1", "utf-8"),
    (b"<p>caf\xe9</p>", "text/html; charset=iso-8859-1", "cp1252"),
    (b"\xef\xbb\xbf<p>\xc3\xa9</p>", "text/html", "utf-8"),
    ("<p>é</p>".encode("utf-16"), None, "utf-16"),
    (b"", "text/html", "utf-8"),
])
def test_detect_encoding_cases(body: bytes, content_type: str | None, expected: str) -> None:
    assert detect_encoding(body, content_type) == expected


def test_latin1_french_with_a_lying_meta_reads_as_windows_1252() -> None:
    """Detectors cannot tell Latin-1 French from cp1250 ("pęche"); the lang attribute can."""
    page = ('<html lang="fr"><head><meta charset="utf-8"></head><body><p>La campagne de pêche '
            "du poulpe s'est ouverte à Dakhla ; les pêcheurs attendent la première vente dès "
            "lundi, près du port.</p></body></html>").encode("latin-1")
    encoding = detect_encoding(page, "text/html")
    assert encoding == "cp1252"
    assert "pêche" in page.decode(encoding)
