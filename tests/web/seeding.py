"""Seed data for the web tests: French, Arabic (rtl) and Spanish articles, one hostile."""

from __future__ import annotations

import io
import random
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from PIL import Image, ImageDraw
from sqlalchemy import update

from jarida.media.ingest import image_job, record_image, write_renditions
from jarida.media.process import process_image
from jarida.media.store import MediaStore
from jarida.model import ArticleRecord, FeedSpec, SourceSpec
from jarida.settings import Settings
from jarida.storage import Database
from jarida.storage import articles as store
from jarida.storage import images as image_store
from jarida.storage import sources as registry
from jarida.storage.tables import articles

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
    store_lead_image(db, ids["fr0"], "https://img.example/fr0.jpg")
    return Seeded(db=db, ids=ids, source_ids=src)


# Content-addressed, so every test may share one media store.
MEDIA_DIR = tempfile.mkdtemp(prefix="jarida-test-media-")


def make_settings(database_url: str, **kw: Any) -> Settings:
    values: dict[str, Any] = {"base_url": BASE_URL, "site_name": "Jarida",
                              "media_dir": MEDIA_DIR, **kw}
    return Settings(database_url=database_url, **values)


def picture(colour: tuple[int, int, int] = (30, 90, 200), size: tuple[int, int] = (800, 450),
            seed: int = 0) -> bytes:
    """A JPEG with some structure (so that perceptual hashes tell pictures apart)."""
    rng = random.Random(seed)
    img = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(img)
    for _ in range(8):
        x, y, r = rng.randrange(size[0]), rng.randrange(size[1]), rng.randrange(20, 150)
        draw.ellipse((x - r, y - r, x + r, y + r),
                     fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    out = io.BytesIO()
    img.save(out, format="JPEG", quality=85)
    return out.getvalue()


def store_lead_image(db: Database, article_id: int, url: str, data: bytes | None = None,
                     settings: Settings | None = None) -> int:
    """Register the article's image and store it as the crawler would; its image id."""
    settings = settings or make_settings(str(db.engine.url))
    processed = process_image(image_job(data or picture(), settings))
    write_renditions(MediaStore(settings.media_dir), processed)
    with db.write() as conn:
        image_store.ensure_images(conn, [(article_id, url)])
        conn.execute(update(articles).where(articles.c.id == article_id).values(image_url=url))
        (image_id,) = [i.id for i in image_store.images_of_article(conn, article_id)
                       if i.url == url]
        record_image(conn, settings, [image_id], processed)
    return image_id


def add_french_article(seeded: Seeded, key: str, published: datetime) -> int:
    """Store one more French article of Le Matin, as the pipeline would."""
    with seeded.db.write() as conn:
        source_id = seeded.source_ids["lematin"]
        (result,) = store.save_articles(
            conn, [_record(source_id, None, key, published_at=published)]
        )
    return result.article_id
