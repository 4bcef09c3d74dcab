"""Database write rate and size per article: `store_batch` into PostgreSQL (and SQLite).

Backs docs/scaling.md. Article records are the demo generator's scale-mode articles (the
same ones bench/webdata.py stores: 1–3 KB of text in fr/ar/es, with paragraph HTML), built
before the clock starts. They are written the way the crawler writes them:
`pipeline.batch.store_batch` in batches of `--batch` (the crawler's `write_batch_size`),
after-store hooks included, one connection, so the rate is one writer's. Then the sizes:
bytes per article of the heap, TOAST and every index, from PostgreSQL's own catalogue.

    python -m bench.store_rate [--articles 5000] [--batch 50] [--postgres URL]

`--postgres` defaults to JARIDA_TEST_POSTGRES_URL; the database `jarida_bench_store` is
dropped and created on that server.
"""

from __future__ import annotations

import argparse
import html
import os
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from jarida.dedup import content_hash
from jarida.demo.scale import ScaleWeb
from jarida.model import ArticleRecord, FeedSpec, SourceSpec
from jarida.pipeline.batch import store_batch
from jarida.pipeline.build import make_excerpt
from jarida.pipeline.hooks import after_store_hooks
from jarida.settings import Settings
from jarida.storage import Database
from jarida.storage import sources as registry

BASE = "http://news.bench"
SEED = 11


def _records(db: Database, n: int) -> list[ArticleRecord]:
    web = ScaleWeb(SEED, n)
    ids: dict[str, tuple[int, int]] = {}
    with db.write() as conn:
        for o in web.outlets:
            sid = registry.insert_source(conn, SourceSpec(
                slug=o.slug, name=o.name, homepage=f"{BASE}/{o.slug}/", languages=o.languages))
            fid = registry.insert_feed(conn, sid, FeedSpec(
                url=f"{BASE}/{o.slug}/sitemap.xml", kind="sitemap"))
            ids[o.slug] = (sid, fid)
    fetched = datetime(2026, 12, 1, tzinfo=UTC)
    out = []
    for k in range(n):
        a = web.article(k)
        body = "\n\n".join(a.paragraphs)
        url = f"{BASE}{a.path}"
        sid, fid = ids[a.outlet]
        out.append(ArticleRecord(
            source_id=sid, feed_id=fid, url=url, canonical_url=url, guid=url, title=a.title,
            text=body, html="".join(f"<p>{html.escape(p, quote=False)}</p>"
                                    for p in a.paragraphs),
            excerpt=make_excerpt(body[:4000]), content_hash=content_hash(a.title, body),
            fetched_at=fetched, author=a.author, published_at=a.published,
            language=a.language, section=a.section,
            image_url=f"{BASE}/{a.outlet}/images/{a.image_key}.jpg"))
    return out


def _write(url: str, n: int, batch: int) -> tuple[float, int, Database]:
    db = Database.open(url)
    db.upgrade()
    records = _records(db, n)
    hooks = after_store_hooks(Settings(database_url=url))
    started = time.perf_counter()
    for i in range(0, n, batch):
        outcome = store_batch(db, records[i:i + batch], [], hooks)
        assert not outcome.failed, outcome.failed[:1]
    seconds = time.perf_counter() - started
    text_bytes = sum(len(r.text.encode()) + len(r.html.encode()) for r in records)
    return n / seconds, text_bytes, db


def _postgres_sizes(db: Database, n: int) -> list[tuple[str, int]]:
    with db.read() as conn:
        rows = conn.execute(text("""
            SELECT c.relname, pg_relation_size(c.oid) AS heap,
                   COALESCE(pg_total_relation_size(c.reltoastrelid), 0) AS toast,
                   pg_indexes_size(c.oid) AS indexes
            FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
            WHERE s.nspname = 'public' AND c.relkind = 'r'
            ORDER BY pg_total_relation_size(c.oid) DESC""")).all()
        index_rows = conn.execute(text("""
            SELECT indexrelid::regclass::text, pg_relation_size(indexrelid)
            FROM pg_index WHERE indrelid = 'articles'::regclass
            ORDER BY 2 DESC""")).all()
    sizes = [(f"table {r[0]}: heap / TOAST / indexes",
              (int(r[1]) + int(r[2]) + int(r[3])) // n) for r in rows if int(r[1]) > 8192]
    detail = [(f"  {r[0]} heap", int(r[1]) // n) for r in rows if r[0] == "articles"]
    detail += [(f"  {r[0]} TOAST", int(r[2]) // n) for r in rows if r[0] == "articles"]
    detail += [(f"  index {name}", int(size) // n) for name, size in index_rows]
    return sizes + detail


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--postgres", default=os.environ.get("JARIDA_TEST_POSTGRES_URL"))
    args = parser.parse_args()
    if not args.postgres:
        raise SystemExit("give --postgres URL or set JARIDA_TEST_POSTGRES_URL")
    server = make_url(args.postgres)
    admin = create_engine(server.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("DROP DATABASE IF EXISTS jarida_bench_store"))
        conn.execute(text("CREATE DATABASE jarida_bench_store"))
    pg_url = server.set(database="jarida_bench_store").render_as_string(hide_password=False)
    pg_rate, text_bytes, pg = _write(pg_url, args.articles, args.batch)
    with pg.write() as conn:
        conn.execute(text("ANALYZE"))
    sizes = _postgres_sizes(pg, args.articles)
    pg.close()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "store.db"
        lite_rate, _, lite = _write(f"sqlite:///{path}", args.articles, args.batch)
        lite.close()
        lite_bytes = sum(p.stat().st_size for p in Path(tmp).iterdir())
    with admin.connect() as conn:
        conn.execute(text("DROP DATABASE IF EXISTS jarida_bench_store"))
    print(f"{args.articles} articles, batches of {args.batch}, one writer "
          f"(text + HTML {text_bytes // args.articles} B per article on average):")
    print(f"  PostgreSQL store_batch: {pg_rate:,.0f} articles/s")
    print(f"  SQLite store_batch:     {lite_rate:,.0f} articles/s")
    print(f"  SQLite file(s): {lite_bytes // args.articles:,} B per article")
    print("  PostgreSQL bytes per article:")
    for name, size in sizes:
        print(f"    {name}: {size:,}")


if __name__ == "__main__":
    main()
