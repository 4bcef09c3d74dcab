"""Choose a body's character encoding: header, then in-document declaration, then detection.

A declaration is trusted only if the body actually decodes with it, because feeds
in the wild often announce UTF-8 and send Windows-1256 or Latin-1 (or the reverse).
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_SNIFF_BYTES = 4096
_DETECT_BYTES = 256 * 1024
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']""")
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
# Browsers read these labels as Windows-1252 (WHATWG Encoding), and so do we.
_WHATWG_ALIASES = {"iso8859-1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252"}
_HTML_LANG = re.compile(rb"""<html[^>]*\slang\s*=\s*["']?([a-zA-Z]{2})\b""", re.IGNORECASE)
_WESTERN = {"fr", "es", "en", "pt", "it", "de", "nl", "ca", "da", "sv", "no", "nb", "fi", "ga"}
_TEXTUAL = ("text/", "xml", "json", "html", "javascript", "rss", "atom")


def _canonical(label: str | bytes | None) -> str | None:
    """Python's name for an encoding label, or None if Python does not know it."""
    if label is None:
        return None
    name = label.decode("ascii", "ignore") if isinstance(label, bytes) else label
    try:
        codec = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    return _WHATWG_ALIASES.get(codec, codec)


def _decodes(body: bytes, encoding: str) -> bool:
    """Whether the body's first bytes decode cleanly (a cut multibyte tail is allowed)."""
    try:
        codecs.getincrementaldecoder(encoding)().decode(body[:_DETECT_BYTES], final=False)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def is_textual(content_type: str | None) -> bool:
    """True for media types worth decoding as text (and for an absent type)."""
    if not content_type:
        return True
    media = content_type.split(";", 1)[0].strip().lower()
    return any(marker in media for marker in _TEXTUAL)


def _bom(body: bytes) -> str | None:
    return next((name for bom, name in _BOMS if body.startswith(bom)), None)


def declared_in_document(body: bytes) -> str | None:
    """Encoding named by an XML declaration or an HTML <meta charset>."""
    head = body[:_SNIFF_BYTES]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return _canonical(match.group(1)) if match else None


def detect_encoding(body: bytes, content_type: str | None) -> str:
    """The encoding to decode `body` with, never failing (UTF-8 as a last resort)."""
    bom = _bom(body)
    if bom:  # a byte order mark beats every label (WHATWG Encoding, "decode")
        return bom
    header = _HEADER_CHARSET.search(content_type or "")
    for candidate in (_canonical(header.group(1) if header else None),
                      declared_in_document(body)):
        if candidate and _decodes(body, candidate):
            return candidate
    if not body or _decodes(body, "utf-8"):
        return "utf-8"
    return _guess(body) or "utf-8"


def _guess(body: bytes) -> str | None:
    """Undeclared (or wrongly declared) single-byte text.

    A page in a Western European language gets Windows-1252 when that decodes, as
    in browsers (WHATWG's fallback for those locales). Statistics cannot tell
    Latin-1 French from Central European code pages ("pêche" read as cp1250 is
    "pęche", equally plausible to a detector); the page's own lang attribute can.
    Anything else goes to charset-normalizer.
    """
    lang = _HTML_LANG.search(body[:_SNIFF_BYTES])
    if lang and lang.group(1).lower().decode() in _WESTERN and _decodes(body, "cp1252"):
        return "cp1252"
    best = from_bytes(body[:_DETECT_BYTES]).best()
    return _canonical(best.encoding) if best else None


def decode(body: bytes, encoding: str | None) -> str:
    """Decode leniently; a BOM matching the encoding is dropped."""
    name = encoding or "utf-8"
    if name == "utf-8" and body.startswith(codecs.BOM_UTF8):
        name = "utf-8-sig"
    return body.decode(name, errors="replace")
