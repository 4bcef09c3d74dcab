"""Matching rules: folding, Arabic proclitics, word boundaries in every script, acronyms
and exclusions, snippets and places, boolean queries."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from jarida.storage.watch_mentions import ArticleText
from jarida.watch.folding import fold_term
from jarida.watch.matcher import Matcher
from jarida.watch.model import Subject, Term
from jarida.watch.query import Document, QueryError, matches, parse


def _found(aliases: list[Term], text: str, *, exclusions: tuple[Term, ...] = (),
           title: str = "", lang: str = "fr", query: str | None = None) -> int:
    """How many times the subject is named in `text` (0: no mention)."""
    subject = Subject("s", "S", "brand", tuple(aliases), exclusions, query, id=1)
    found = Matcher([subject]).match(ArticleText(1, title, "", text, lang, "x",
                                                 datetime.now(UTC)))
    return found[0].count if found else 0


BANK = [Term("بنك الساحل", "ar")]
COUNCIL = [Term("المجلس الأعلى", "ar")]


@pytest.mark.parametrize("text", [
    "قال بنك الساحل", "وبنك الساحل", "فبنك الساحل", "لبنك الساحل", "كبنك الساحل",
    "وببنك الساحل", "ولبنك الساحل", "فلبنك الساحل", "بَنْكُ السَّاحِلِ أعلن", "بنـــك الساحل",
])
def test_arabic_proclitics_and_marks(text: str) -> None:
    assert _found(BANK, text, lang="ar") == 1


@pytest.mark.parametrize("text", [
    "المجلس الأعلى", "والمجلس الأعلى", "بالمجلس الأعلى", "وبالمجلس الأعلى", "للمجلس الأعلى",
    "وللمجلس الأعلى", "فللمجلس الأعلى", "كالمجلس الأعلى", "المجلس الاعلى", "المجلس الأعلي",
])
def test_arabic_article_merged_with_lam_and_letter_variants(text: str) -> None:
    assert _found(COUNCIL, text, lang="ar") == 1


@pytest.mark.parametrize("text", [
    "مبنك الساحل", "بنك الساحلية", "تبنك الساحل", "بنك الساحلي", "البنوك الساحلية",
])
def test_arabic_words_that_only_contain_the_name(text: str) -> None:
    assert _found(BANK, text, lang="ar") == 0


def test_hamza_seats_ta_marbuta_and_alef_maqsura_fold() -> None:
    assert _found([Term("مؤسسة أمل", "ar")], "زارت مؤسسه امل المدينة", lang="ar") == 1
    assert _found([Term("إسراء", "ar")], "قالت اسراء", lang="ar") == 1
    assert _found([Term("مستشفى الرازي", "ar")], "في مستشفي الرازي", lang="ar") == 1


@pytest.mark.parametrize(("alias", "text", "count"), [
    ("Société Générale", "la SOCIETE GENERALE et la société générale", 2),
    ("Orange", "Les oranges d'Orange, l'Orange.", 2),
    ("Газпром", "Газпром и Газпромбанк", 1),
    ("Ελληνικά Πετρέλαια", "Τα ΕΛΛΗΝΙΚΆ ΠΕΤΡΈΛΑΙΑ ανακοίνωσαν", 1),
    ("Air", "Air2 et Air_ et Air-Sahel", 1),
    ("Renault", "Renault9 Renault", 1),
])
def test_boundaries_and_case_in_every_script(alias: str, text: str, count: int) -> None:
    assert _found([Term(alias)], text) == count


def test_case_sensitive_acronym_and_exclusions() -> None:
    acronym = [Term("CAP", case_sensitive=True)]
    assert _found(acronym, "Il faut garder le cap.") == 0
    assert _found(acronym, "Le CAP a voté, le CAP a dit.") == 2
    excluded = (Term("Cap Bon"), Term("garder le cap"))
    assert _found(acronym, "AU CAP BON, LE VENT.", exclusions=excluded) == 0
    # an exclusion voids the names of its own sentence only
    assert _found(acronym, "Au Cap Bon, le CAP recrute. Le CAP investit.",
                  exclusions=excluded) == 1


def test_longest_alias_counts_once_and_places() -> None:
    aliases = [Term("Sahel"), Term("Banque du Sahel")]
    subject = Subject("s", "S", "brand", tuple(aliases), id=1)
    text = "Premier paragraphe sur la Banque du Sahel.\nPlus loin, le Sahel encore."
    matcher = Matcher([subject])
    found = matcher.match(ArticleText(1, "Rien", "", text, "fr", "x", datetime.now(UTC)))
    assert [(f.where, f.count) for f in found] == [("lead", 2)]
    assert found[0].snippet == "Premier paragraphe sur la Banque du Sahel."
    later = matcher.match(ArticleText(1, "Rien", "", "Intro.\n" + text, "fr", "x",
                                      datetime.now(UTC)))
    assert later[0].where == "body"
    titled = matcher.match(ArticleText(1, "Le Sahel", "", "Rien ici.", "fr", "x",
                                       datetime.now(UTC)))
    assert titled[0].where == "title" and titled[0].snippet == "Le Sahel"


def test_language_and_source_filters() -> None:
    subject = Subject("s", "S", "brand", (Term("Atlas"),), languages=("fr",),
                      sources=("courrier",), id=1)
    matcher = Matcher([subject])

    def hit(lang: str, source: str) -> bool:
        return bool(matcher.match(ArticleText(1, "Atlas", "", "", lang, source,
                                              datetime.now(UTC))))

    assert hit("fr", "courrier") and not hit("es", "courrier") and not hit("fr", "autre")


@pytest.mark.parametrize(("query", "text", "expected"), [
    ('"banque du sahel" AND crédit', "La Banque du Sahel accorde un crédit", True),
    ('"banque du sahel" AND NOT football', "La Banque du Sahel sponsorise le football", False),
    ("sahel OR atlas", "Le Crédit de l'Atlas", True),
    ("banque NEAR/2 sahel", "la banque publique du Sahel", True),
    ("banque NEAR/1 sahel", "la banque publique régionale du Sahel", False),
    ("(grève OR panne) banque", "Une panne touche la banque", True),
    ("البنك NEAR/3 قرض", "وللبنك منح قرض جديد", True),
])
def test_boolean_queries(query: str, text: str, expected: bool) -> None:
    assert matches(parse(query), Document(fold_term(text))) is expected


@pytest.mark.parametrize(("query", "message"), [
    ("(banque", "not closed"), ("banque AND", "ends"), ('a NEAR/2 (b OR c)', "NEAR/n"),
    ("", "empty"), ("OR banque", "where a word"),
])
def test_bad_queries_say_why(query: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        parse(query)
