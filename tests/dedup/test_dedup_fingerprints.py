"""Content and GUID fingerprints."""

from __future__ import annotations

from jarida.dedup import content_hash, guid_key, normalise_text


def test_normalise_text() -> None:
    assert normalise_text("  Le\u00a0MAROC\n\tgagne\u00ad ! ") == "le maroc gagne !"
    assert normalise_text("ﬁn Straße") == "fin strasse"  # NFKC ligature, casefold ß
    assert normalise_text(None) == ""


def test_content_hash_ignores_spelling_noise_only() -> None:
    base = content_hash("Séisme à Al Haouz", "Les secours  sont mobilisés.")
    assert base == content_hash("SÉISME À AL HAOUZ", "Les secours\nsont mobilisés.")
    assert base == content_hash("Se\u0301isme à Al Haouz", "Les secours sont mobilisés.")  # NFD
    assert base != content_hash("Séisme à Al Haouz", "Les secours sont mobilisés !")
    assert len(base) == 64


def test_title_and_text_do_not_bleed_into_each_other() -> None:
    assert content_hash("a b", "c") != content_hash("a", "b c")


def test_arabic_text_hash_is_stable() -> None:
    text = "المغرب يفوز بالكأس"
    assert content_hash(text, text) == content_hash(text + " ", "\u200f" + text)


def test_guid_key_is_scoped_to_feed() -> None:
    assert guid_key(1, "abc") == guid_key(1, " abc ")
    assert guid_key(1, "abc") != guid_key(2, "abc")
    assert guid_key(12, "3") != guid_key(1, "23")


def test_format_character_ranges_match_unicode_data() -> None:
    import sys
    import unicodedata

    from jarida.dedup.fingerprints import FORMAT_CHARS

    # The ranges are Unicode 14 (Python 3.11); later versions may only add format characters.
    exact = unicodedata.unidata_version == "14.0.0"
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        is_format = unicodedata.category(char) == "Cf"
        matched = bool(FORMAT_CHARS.fullmatch(char))
        assert matched == is_format if exact else (is_format or not matched), hex(code)
