"""Stories through the after-store hook, on SQLite and PostgreSQL: grouping across
languages, idempotence on re-crawl, rebuild, and the API's story fields."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from jarida.model import ArticleRecord, SourceSpec
from jarida.pipeline.hooks import StoredArticle
from jarida.settings import Settings
from jarida.storage import Database
from jarida.storage import articles as article_store
from jarida.storage import sources as registry
from jarida.storage import stories as store
from jarida.stories.hook import story_hook
from jarida.stories.rebuild import rebuild_stories

T0 = datetime(2026, 11, 3, 4, 0, tzinfo=UTC)
TEXTS = {
    ("fr", "quake"): ("Séisme de magnitude 5,2 au large d'Al Hoceïma",
                      "Un séisme de magnitude 5,2 a frappé mardi Al Hoceïma. Le gouverneur Hicham "
                      "Benslimane a fermé 23 écoles, 14 blessés légers."),
    ("fr", "quake2"): ("Al Hoceïma : la terre tremble, 14 blessés",
                       "La secousse de magnitude 5,2 a fait 14 blessés légers mardi à Al Hoceïma; "
                       "23 écoles fermées par le gouverneur Hicham Benslimane."),
    ("ar", "quake"): ("زلزال بقوة 5,2 درجات قبالة سواحل الحسيمة",
                      "ضرب زلزال بقوة 5,2 درجات الحسيمة يوم الثلاثاء وأمر العامل هشام بنسليمان "
                      "بإغلاق 23 مدرسة وأصيب 14 شخصا."),
    ("es", "quake"): ("Un terremoto de magnitud 5,2 sacude Alhucemas",
                      "Un terremoto de magnitud 5,2 sacudió el martes Alhucemas. El gobernador "
                      "Hicham Benslimane cerró 23 escuelas; 14 heridos leves."),
    ("fr", "other"): ("Casablanca inaugure sa troisième ligne de busway",
                      "La ligne BW3 du busway de Casablanca compte 31 stations et 17 kilomètres "
                      "entre Sidi Moumen et Aïn Sebaâ."),
}


def _store(db: Database, keys: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
    hook = story_hook(Settings())
    ids = {}
    with db.write() as conn:
        sources = {lang: registry.insert_source(
            conn, SourceSpec(slug=f"s-{lang}", name=lang, languages=(lang,)))
            for lang in ("fr", "ar", "es")}
        extra = registry.insert_source(conn, SourceSpec(slug="s-fr2", name="fr2",
                                                        languages=("fr",)))
    for n, key in enumerate(keys):
        lang, _ = key
        title, text = TEXTS[key]
        record = ArticleRecord(
            source_id=extra if key == ("fr", "quake2") else sources[lang], feed_id=None,
            url=f"https://x.example/{n}", canonical_url=f"https://x.example/{n}", title=title,
            text=text, html="", excerpt=text[:100], content_hash=f"h{n}",
            fetched_at=T0 + timedelta(hours=n), published_at=T0 + timedelta(hours=n),
            language=lang)
        for _ in range(2):  # stored twice: the second time is a re-crawl ("unchanged")
            with db.write() as conn:
                saved = article_store.save_articles(conn, [record])
                hook(conn, [StoredArticle(saved[0].article_id, saved[0].outcome, record)])
        ids[key] = saved[0].article_id
    return ids


ORDER = [("fr", "quake"), ("ar", "quake"), ("fr", "other"), ("es", "quake"), ("fr", "quake2")]


def test_one_story_across_languages_and_recrawl_changes_nothing(db: Database) -> None:
    ids = _store(db, ORDER)
    with db.read() as conn:
        story = {k: store.story_of_article(conn, i) for k, i in ids.items()}
        members = store.story_members(conn, [story[("fr", "quake")]])
    quake = story[("fr", "quake")]
    assert quake is not None
    assert story[("ar", "quake")] == story[("es", "quake")] == story[("fr", "quake2")] == quake
    assert story[("fr", "other")] is None  # alone in its story
    listed = members[quake]
    assert sorted(m.language for m in listed) == ["ar", "es", "fr", "fr"]
    assert store.label(listed, "ar").startswith("زلزال")


def test_rebuild_gives_the_same_grouping(db: Database) -> None:
    ids = _store(db, ORDER)
    with db.read() as conn:
        before = {k: store.story_of_article(conn, i) is not None for k, i in ids.items()}
    placed = rebuild_stories(db, None, timedelta(days=7))
    with db.read() as conn:
        after = {k: store.story_of_article(conn, i) for k, i in ids.items()}
    assert placed == len(ORDER)
    assert {k: v is not None for k, v in after.items()} == before
    assert len({after[k] for k in ORDER if k[1].startswith("quake")}) == 1
