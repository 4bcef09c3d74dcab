"""Search finds what readers type: outlet names, quoted phrases, exact words before stem
collisions, Arabic words with a joined proclitic; and the labelled query set's floor."""

from __future__ import annotations

from datetime import timedelta

from jarida.model import ArticleRecord, SourceSpec
from jarida.storage import ArticleFilter, Database
from jarida.storage import articles as store
from jarida.storage import sources as registry
from jarida.storage.search import search_ids
from jarida.storage.snippets import make_snippet
from tests.storage.test_search import T0

ARTICLES = [  # (outlet, language, title, text), oldest first
    ("rif", "ar", "افتتاح موسم صيد الأخطبوط بالداخلة",
     "افتتح يوم الاثنين بالداخلة موسم الصيد الشتوي للأخطبوط."),
    ("rif", "ar", "الأطباء الداخليون والمقيمون في إضراب",
     "دخل الأطباء الداخليون في إضراب بالمستشفيات الجامعية."),
    ("rif", "fr", "Incendie de forêt près de Chefchaouen",
     "Les pompiers ont maîtrisé le feu. La ligne de crête reste surveillée depuis 3 jours."),
    ("atlas", "fr", "Tramway : la ligne 3 entre en service",
     "La ligne 3 du tramway a transporté ses premiers voyageurs."),
    ("atlas", "ar", "الخط الثالث لترامواي الرباط سلا يدخل الخدمة",
     "استقبل الخط الثالث لترامواي الرباط سلا أول ركابه."),
    ("atlas", "fr", "Un express pour le Rif",
     "Un train express reliera bientôt les villes du Rif."),
]


def seed(db: Database) -> list[int]:
    with db.write() as conn:
        sids = {
            "rif": registry.insert_source(conn, SourceSpec(slug="rif-express", name="Rif Express")),
            "atlas": registry.insert_source(
                conn, SourceSpec(slug="courrier", name="Le Courrier de l'Atlas")),
        }
        recs = [ArticleRecord(
            source_id=sids[o], feed_id=None, url=f"https://x.example/{i}",
            canonical_url=f"https://x.example/{i}", title=t, text=x, html="", excerpt=x[:60],
            content_hash=f"q{i}", fetched_at=T0, published_at=T0 + timedelta(hours=i),
            language=lang) for i, (o, lang, t, x) in enumerate(ARTICLES)]
        return [r.article_id for r in store.save_articles(conn, recs)]


def ids(db: Database, q: str, **kw: object) -> list[int]:
    with db.read() as conn:
        return search_ids(conn, q, ArticleFilter(**kw)).ids  # type: ignore[arg-type]


def test_an_outlet_name_lists_its_articles(db: Database) -> None:
    got = seed(db)
    rif = [got[2], got[1], got[0]]  # newest first
    assert ids(db, "Rif Express") == rif
    assert ids(db, "rif-express") == rif
    assert ids(db, "rif express incendie") == [got[2]]  # the other words, within it
    assert ids(db, "Courrier de l'Atlas") == [got[5], got[4], got[3]]
    assert ids(db, "le courrier de l'atlas tramway") == [got[3]]
    # the name's words are still words when a source is chosen, or alone
    assert ids(db, "Rif Express", source="courrier") == [got[5]]
    assert set(ids(db, "express")) == {got[5]}
    with db.read() as conn:
        assert search_ids(conn, "Rif Express", ArticleFilter()).outlet == "Rif Express"


def test_an_exact_word_outranks_a_stem_collision(db: Database) -> None:
    got = seed(db)
    # "داخلة" (Dakhla) and "الداخليون" (interns) share a stem; the interns are newer
    ranked = ids(db, "داخلة")
    assert ranked[0] == got[0] and got[1] in ranked


def test_a_quoted_phrase_matches_as_a_phrase(db: Database) -> None:
    got = seed(db)
    assert set(ids(db, "ligne 3")) == {got[2], got[3]}  # both words, anywhere
    assert ids(db, '"ligne 3"') == [got[3]]  # only together
    snippet = make_snippet(ARTICLES[3][3], ["ligne 3"])
    assert "<mark>ligne 3</mark>" in snippet and snippet.count("<mark>") == 1
    assert "<mark>" not in make_snippet(ARTICLES[2][3], ["ligne 3"])


def test_an_arabic_word_is_found_with_a_joined_proclitic(db: Database) -> None:
    got = seed(db)
    assert ids(db, "ترامواي الرباط") == [got[4]]  # written "لترامواي" in the article
