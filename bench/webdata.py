"""Benchmark databases: N articles of the demo generator's scale mode, stored without a crawl.

Article k is `jarida.demo.scale.ScaleWeb(seed, N).article(k)`: the same title, paragraphs,
language, section, outlet, author and date that the demo server renders at
/presse-NNN/archives/k.html. Crawling a million pages over loopback would take hours and
measure the crawler (bench/ingest.py does that), so the records the crawler would build
from those pages (plain text, paragraph HTML, excerpt, content hash) are made here
directly and written with `jarida.storage.bulk` in large transactions. Each outlet is a
registered source with its sitemap feed, as `jarida sources add` would leave it.

The generation and the search normalisation run in worker processes; the main process
only writes. The finished database is kept under bench/results/data/ keyed by N and seed
and reused by later runs (delete it to rebuild).

    python -m bench.webdata [--articles 100000] [--seed 7]
"""

from __future__ import annotations

import argparse
import html
import json
import multiprocessing
import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from bench.common import RESULTS

DATA = RESULTS / "data"
BASE = "https://demo.jarida.example"
CHUNK = 2000
SEED = 7
_LOAD_PRAGMAS = ("PRAGMA journal_mode=OFF", "PRAGMA synchronous=OFF",
                 "PRAGMA cache_size=-1048576")


def db_path(articles: int, seed: int = SEED, html_copy: bool = True) -> Path:
    return DATA / f"web-{articles}-s{seed}{'' if html_copy else '-text'}.db"


def _excerpt(text: str) -> str:
    from jarida.pipeline.build import make_excerpt

    # make_excerpt flattens the whole text and keeps the first 320 characters: the
    # first 4,000 characters give the same excerpt at a fraction of the cost.
    return make_excerpt(text[:4000])


_WORKER: dict[str, object] = {}


def _init_worker(seed: int, n: int, source_ids: dict[str, int], feed_ids: dict[str, int],
                 html_copy: bool) -> None:
    from jarida.demo.scale import ScaleWeb

    _WORKER.update(web=ScaleWeb(seed, n), sources=source_ids, feeds=feed_ids, html=html_copy)


def _build_chunk(bounds: tuple[int, int]) -> list[object]:
    from jarida.dedup import content_hash
    from jarida.demo.scale import ScaleWeb
    from jarida.model import ArticleRecord
    from jarida.storage.bulk import prepare_rows

    web = _WORKER["web"]
    assert isinstance(web, ScaleWeb)
    sources, feeds = _WORKER["sources"], _WORKER["feeds"]
    assert isinstance(sources, dict) and isinstance(feeds, dict)
    fetched = datetime(2026, 11, 1, tzinfo=UTC)
    records = []
    for k in range(*bounds):
        a = web.article(k)
        text = "\n\n".join(a.paragraphs)
        body = "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in a.paragraphs) \
            if _WORKER["html"] else ""
        url = BASE + a.path
        records.append(ArticleRecord(
            source_id=sources[a.outlet], feed_id=feeds[a.outlet], url=url, canonical_url=url,
            guid=url, title=a.title, text=text,
            html=body,
            excerpt=_excerpt(text), content_hash=content_hash(a.title, text), fetched_at=fetched,
            author=a.author, published_at=a.published, language=a.language, section=a.section,
            image_url=f"{BASE}/{a.outlet}/images/{a.image_key}.jpg",
        ))
    return list(prepare_rows(records, fetched))


def _register_sources(db: object, seed: int, n: int) -> tuple[dict[str, int], dict[str, int]]:
    from jarida.demo.scale import ScaleWeb
    from jarida.model import FeedSpec, SourceSpec
    from jarida.storage import Database
    from jarida.storage import sources as registry

    assert isinstance(db, Database)
    web = ScaleWeb(seed, n)
    source_ids: dict[str, int] = {}
    feed_ids: dict[str, int] = {}
    with db.write() as conn:
        for o in web.outlets:
            spec = SourceSpec(slug=o.slug, name=o.name, homepage=f"{BASE}/{o.slug}/",
                              languages=o.languages, country="MA")
            source_ids[o.slug] = registry.insert_source(conn, spec)
            feed = FeedSpec(url=f"{BASE}/{o.slug}/sitemap-index.xml", kind="sitemap")
            feed_ids[o.slug] = registry.insert_feed(conn, source_ids[o.slug], feed)
    return source_ids, feed_ids


def _chunks(n: int) -> Iterator[tuple[int, int]]:
    for start in range(0, n, CHUNK):
        yield start, min(n, start + CHUNK)


def build(articles: int, seed: int = SEED, workers: int | None = None,
          html_copy: bool = True) -> dict[str, object]:
    """Build (or reuse) the database of `articles` generated articles; returns its facts.

    With `html_copy=False` the articles keep their text but not the paragraph HTML
    (stored empty, as the crawler does when a page gives no cleaned HTML; the article
    page then shows the text's paragraphs): half the size, for the search database,
    where only titles and text are read.
    """
    from jarida.storage import Database
    from jarida.storage.bulk import insert_rows

    path = db_path(articles, seed, html_copy)
    meta_path = path.with_suffix(".json")
    if path.exists() and meta_path.exists():
        db = Database.open(f"sqlite:///{path}")
        db.upgrade()  # what `jarida db upgrade` does after an update of Jarida
        db.close()
        meta = json.loads(meta_path.read_text())
        meta["reused"] = True
        return dict(meta)
    DATA.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".building")
    for stale in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        stale.unlink(missing_ok=True)
    started = time.perf_counter()
    db = Database.open(f"sqlite:///{tmp}")
    db.upgrade()
    source_ids, feed_ids = _register_sources(db, seed, articles)
    db.engine.dispose()  # the loading connection below must be the only one
    procs = workers or max(1, os.cpu_count() or 1)
    done, writing = 0, 0.0
    ctx = multiprocessing.get_context("fork")
    init = (seed, articles, source_ids, feed_ids, html_copy)
    with ctx.Pool(procs, _init_worker, init) as pool, \
            db.engine.connect() as conn:
        # A file being loaded (rebuilt from scratch if this fails): no journal, no fsync,
        # a 1 GB page cache.
        for pragma in _LOAD_PRAGMAS:
            conn.exec_driver_sql(pragma)
        conn.commit()
        for rows in pool.imap(_build_chunk, _chunks(articles)):
            t = time.perf_counter()
            with conn.begin():
                insert_rows(conn, rows)  # type: ignore[arg-type]
            writing += time.perf_counter() - t
            done += len(rows)
            if done % 50_000 < CHUNK:
                rate = done / (time.perf_counter() - started)
                print(f"  {done} articles stored, {rate:.0f}/s, {writing:.0f} s writing",
                      flush=True)
        conn.exec_driver_sql("PRAGMA journal_mode=WAL")  # back to what Jarida runs with
        conn.commit()
    db.close()
    seconds = time.perf_counter() - started
    tmp.rename(path)
    meta = {
        "articles": articles, "seed": seed, "path": str(path), "seconds": round(seconds, 1),
        "articles_per_s": round(articles / seconds, 1), "workers": procs,
        "write_seconds": round(writing, 1), "html_copy": html_copy,
        "size_mb": round(path.stat().st_size / 2**20), "built": datetime.now(UTC).isoformat(),
    }
    meta_path.write_text(json.dumps(meta, indent=2))
    meta["reused"] = False
    return meta


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--workers", type=int, default=0)
    parser.add_argument("--text-only", action="store_true", help="no HTML copy (search data)")
    args = parser.parse_args()
    meta = build(args.articles, args.seed, args.workers or None, not args.text_only)
    print(json.dumps(meta, indent=2))


if __name__ == "__main__":
    main()
