"""Seed data for the web tests: French, Arabic (rtl) and Spanish articles, one hostile."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from jarida.model import ArticleRecord, FeedSpec, SourceSpec
from jarida.settings import Settings
from jarida.storage import Database
from jarida.storage import articles as store
from jarida.storage import sources as registry

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
BASE_URL = "https://jarida.example"
FRENCH_COUNT = 25

HOSTILE_TITLE = '<script>window.__xss="title"</script>Titre <img src=x onerror="window.__xss=1">'
HOSTILE_HTML = (
    "<p>Paragraphe sain.</p><script>window.__xss='html'</script>"
    '<img src="x" onerror="window.__xss=\'img\'"><a href="javascript:window.__xss=\'a\'">clic</a>'
    "<iframe src='https://evil.example'></iframe>"
)
HOSTILE_EXCERPT = '"><script>window.__xss="excerpt"</script>'


@dataclass(frozen=True)
class Seeded:
    db: Database
    ids: dict[str, int]  # a few named articles
    source_ids: dict[str, int]


def _record(sid: int, fid: int | None, key: str, **kw: object) -> ArticleRecord:
    values: dict[str, object] = {
        "source_id": sid,
        "feed_id": fid,
        "url": f"https://news.example/{key}",
        "canonical_url": f"https://news.example/{key}",
        "title": f"Titre {key}",
        "text": f"Texte de l'article {key}.",
        "html": f"<p>Texte de l'article {key}.</p>",
        "excerpt": f"Résumé {key}",
        "content_hash": f"h-{key}",
        "fetched_at": T0,
        "published_at": T0,
        "language": "fr",
        "section": "Politique",
    }
    values.update(kw)
    return ArticleRecord(**values)  # type: ignore[arg-type]


def seed(db: Database) -> Seeded:
    ids: dict[str, int] = {}
    with db.write() as conn:
        src = {
            "lematin": registry.insert_source(
                conn, SourceSpec(slug="lematin", name="Le Matin", languages=("fr",),
                                 homepage="https://lematin.example/")
            ),
            "hespress": registry.insert_source(
                conn, SourceSpec(slug="hespress", name="هسبريس", languages=("ar",))
            ),
            "elfaro": registry.insert_source(
                conn, SourceSpec(slug="elfaro", name="El Faro", languages=("es",), mode="excerpt")
            ),
        }
        feeds = {
            slug: registry.insert_feed(conn, sid, FeedSpec(url=f"https://{slug}.example/rss"))
            for slug, sid in src.items()
        }
        records = [
            _record(
                src["lematin"], feeds["lematin"], f"fr{n}",
                title=f"Réforme électorale numéro {n}" if n == 3 else f"Actualité française {n}",
                text=(
                    "Les députés ont adopté la réforme électorale après un long débat au "
                    "Parlement de Rabat."
                    if n == 3
                    else f"Texte français numéro {n} sur l'économie."
                ),
                published_at=T0 - timedelta(hours=n),
                section="Politique" if n % 2 else "Économie",
                author="Nadia Alami" if n == 0 else None,
                image_url="https://img.example/fr0.jpg" if n == 0 else None,
            )
            for n in range(FRENCH_COUNT)
        ]
        records += [
            _record(
                src["hespress"], feeds["hespress"], f"ar{n}",
                title=f"البرلمان يصادق على القانون رقم {n}",
                text="صادق مجلس النواب على مشروع القانون المتعلق بالانتخابات.",
                html="<p>صادق مجلس النواب على مشروع القانون المتعلق بالانتخابات.</p>",
                excerpt="صادق مجلس النواب على مشروع القانون.",
                language="ar", section="سياسة",
                published_at=T0 - timedelta(minutes=30 + 60 * n),
            )
            for n in range(3)
        ]
        records += [
            _record(
                src["elfaro"], feeds["elfaro"], f"es{n}",
                title=f"La selección gana en Rabat {n}",
                text="Texto completo que no debe mostrarse: la fuente solo permite extractos.",
                html="<p>Texto completo secreto.</p>",
                excerpt="Extracto autorizado del artículo.",
                language="es", section="Deportes",
                published_at=T0 - timedelta(minutes=45 + 60 * n),
            )
            for n in range(3)
        ]
        records.append(
            _record(
                src["lematin"], feeds["lematin"], "hostile",
                title=HOSTILE_TITLE, html=HOSTILE_HTML, excerpt=HOSTILE_EXCERPT,
                text="Paragraphe sain.", author='<b onmouseover="x">Auteur</b>',
                image_url="javascript:window.__xss='image'",
                published_at=T0 - timedelta(days=2),
            )
        )
        results = store.save_articles(conn, records)
    for rec, res in zip(records, results, strict=True):
        ids[rec.canonical_url.rsplit("/", 1)[1]] = res.article_id
    return Seeded(db=db, ids=ids, source_ids=src)


def make_settings(database_url: str) -> Settings:
    return Settings(database_url=database_url, base_url=BASE_URL, site_name="Jarida")


def add_french_article(seeded: Seeded, key: str, published: datetime) -> int:
    """Store one more French article of Le Matin, as the pipeline would."""
    with seeded.db.write() as conn:
        source_id = seeded.source_ids["lematin"]
        (result,) = store.save_articles(
            conn, [_record(source_id, None, key, published_at=published)]
        )
    return result.article_id
