"""Cost of placing articles in stories at the density of a 1,000,000-article corpus.

bench.webdata's generator spreads N articles evenly over a year, so the first M articles
of the N-article web have exactly the window density of the full corpus (N * 7 / 365
articles in a 7-day window). This run stores the first `measure` articles of the
`corpus`-article web in batches, as the crawler does, and times only the story hook: the
per-article cost once the window is full is the steady state; what still grows with the
corpus is the depth of the stories tables' B-trees (logarithmic), reported alongside.

    python -m bench.stories_cost [N] [BATCH] [--database URL] [--copies]

`--database` runs on that (empty) database instead of a temporary SQLite file;
`--copies` also runs and times the copies hook (`link_copies`) on each batch, before the
story hook as the crawler does.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import replace
from typing import Any

from sqlalchemy import func, select

from jarida.dedup.copies import copy_print
from jarida.demo.scale import ScaleWeb
from jarida.model import ArticleRecord, SourceSpec
from jarida.pipeline.copies_hook import link_copies
from jarida.pipeline.derived import Derived
from jarida.pipeline.hooks import StoredArticle
from jarida.settings import Settings
from jarida.storage import Database
from jarida.storage import articles as article_store
from jarida.storage import sources as source_store
from jarida.storage.clean import clean_required
from jarida.storage.tables import article_copies, stories, story_keys
from jarida.stories.features import features
from jarida.stories.hook import story_hook

BATCH = 200
SEED = 7


def cost(measure: int, corpus: int = 1_000_000, batch: int = BATCH, *,
         database: str | None = None, copies: bool = False) -> dict[str, Any]:
    web = ScaleWeb(SEED, corpus)
    hook = story_hook(Settings())
    chunks: list[tuple[float, float]] = []  # (wall, CPU) ms per article, by 5000
    total = cpu = features_cpu = copies_cpu = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(database or f"sqlite:///{tmp}/cost.db")
        db.upgrade()
        with db.write() as conn:
            ids = {o.slug: source_store.insert_source(
                conn, SourceSpec(slug=o.slug, name=o.name, languages=o.languages))
                for o in web.outlets}
        chunk_time, chunk_cpu, chunk_n = 0.0, 0.0, 0
        for start in range(0, measure, batch):
            records = []
            for k in range(start, min(measure, start + batch)):
                a = web.article(k)
                text = "\n".join(a.paragraphs)
                record = ArticleRecord(
                    source_id=ids[a.outlet], feed_id=None, url=f"https://s.example/{k}",
                    canonical_url=f"https://s.example/{k}", title=a.title, text=text, html="",
                    excerpt=text[:200], content_hash=str(k), fetched_at=a.published,
                    published_at=a.published, language=a.language)
                prints = copy_print(clean_required(text))
                c0 = time.process_time()
                story = features(record.language, record.title, record.text)
                features_cpu += time.process_time() - c0
                records.append(replace(record, derived=Derived(prints, story)))
            with db.write() as conn:
                saved = article_store.save_articles(conn, records)
                stored = [StoredArticle(s.article_id, s.outcome, r)
                          for s, r in zip(saved, records, strict=True)]
                if copies:
                    c0 = time.process_time()
                    link_copies(conn, stored)
                    copies_cpu += time.process_time() - c0
                t0, c0 = time.perf_counter(), time.process_time()
                hook(conn, stored)
                spent = time.perf_counter() - t0
                spent_cpu = time.process_time() - c0
                cpu += spent_cpu
                chunk_cpu += spent_cpu
            total += spent
            chunk_time += spent
            chunk_n += len(records)
            if chunk_n >= 5000:
                chunks.append((round(1000 * chunk_time / chunk_n, 3),
                               round(1000 * chunk_cpu / chunk_n, 3)))
                chunk_time, chunk_cpu, chunk_n = 0.0, 0.0, 0
        with db.read() as conn:
            keys = conn.execute(select(func.count()).select_from(story_keys)).scalar_one()
            count = conn.execute(select(func.count()).select_from(stories)).scalar_one()
            grouped = conn.execute(select(func.count()).select_from(stories)
                                   .where(stories.c.article_count > 1)).scalar_one()
            linked = conn.execute(select(func.count()).select_from(article_copies)).scalar_one()
        db_name = db.engine.dialect.name
        db.close()
    return {
        "corpus_density": corpus, "measured_articles": measure, "batch": batch,
        "window_articles": round(corpus * 7 / 365),
        "ms_per_article": round(1000 * total / measure, 3),
        "cpu_ms_per_article": round(1000 * cpu / measure, 3),
        "features_cpu_ms_per_article": round(1000 * features_cpu / measure, 3),
        "copies_cpu_ms_per_article": round(1000 * copies_cpu / measure, 3) if copies else None,
        "database": db_name,
        "wall_and_cpu_ms_per_article_by_5000": chunks,
        "stories": count, "stories_grouped": grouped, "index_rows": keys,
        "copies_linked": linked,
    }


if __name__ == "__main__":
    import argparse
    import json

    parser = argparse.ArgumentParser()
    parser.add_argument("measure", type=int, nargs="?", default=20000)
    parser.add_argument("batch", type=int, nargs="?", default=BATCH)
    parser.add_argument("--database", help="SQLAlchemy URL of an EMPTY database")
    parser.add_argument("--copies", action="store_true")
    args = parser.parse_args()
    print(json.dumps(cost(args.measure, batch=args.batch, database=args.database,
                          copies=args.copies), indent=1))
