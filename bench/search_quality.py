"""Search quality: mean reciprocal rank of the labelled reader queries over the demo web.

The demo web's 140 hand-written articles (every edition, jarida.demo.catalog) are loaded
into a database through the same storage path as a crawl (`save_articles`, which
indexes them), one registered source per outlet; then each query of
bench/search_queries.py is searched by relevance with no filter, as a reader would
from the search box, and scored 1/rank of the first article that answers it (0 when
none is in the first 10). Reported per language, for the tuned and the held-out thirds,
on SQLite and (with JARIDA_TEST_POSTGRES_URL or --postgres) PostgreSQL.

    python -m bench.search_quality [--postgres URL] [--show-misses]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import tempfile
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from bench.common import machine, replace_section, today
from bench.search_queries import QUERIES, LabelledQuery, held_out
from jarida.demo.catalog import DemoArticle, build_catalog
from jarida.demo.outlets import OUTLETS
from jarida.demo.web import MAX_EDITION
from jarida.model import ArticleRecord, SourceSpec
from jarida.pipeline.build import make_excerpt
from jarida.storage import ArticleFilter, Database
from jarida.storage import articles as store
from jarida.storage import sources as registry
from jarida.storage.search import search_ids

BASE = "https://demo.jarida.example"
SEED = 7
DEPTH = 10  # a reader looks at the first page


def load_demo(db: Database, seed: int = SEED) -> dict[int, DemoArticle]:
    """Store every demo article; return each stored id's catalogue entry."""
    catalog = build_catalog(seed)
    with db.write() as conn:
        ids = {o.slug: registry.insert_source(conn, SourceSpec(
            slug=o.slug, name=o.name, languages=o.languages,
            homepage=f"{BASE}/{o.slug}/")) for o in OUTLETS}
        records = []
        for a in catalog:
            text = "\n\n".join(a.paragraphs_at(MAX_EDITION))
            records.append(ArticleRecord(
                source_id=ids[a.outlet], feed_id=None, url=BASE + a.path,
                canonical_url=BASE + a.path, title=a.title, text=text,
                html="".join(f"<p>{p}</p>" for p in a.paragraphs_at(MAX_EDITION)),
                excerpt=make_excerpt(text),
                content_hash=hashlib.sha256(text.encode()).hexdigest(),
                fetched_at=a.published + timedelta(minutes=5), published_at=a.published,
                language=a.language, section=a.section, author=a.author))
        stored = store.save_articles(conn, records)
    by_path = {a.path: a for a in catalog}
    return {r.article_id: by_path[urlsplit(rec.url).path] for r, rec in zip(stored, records,
                                                                              strict=True)}


@dataclass
class Score:
    reciprocal: list[float] = field(default_factory=list)
    misses: list[tuple[str, int | None, list[str]]] = field(default_factory=list)

    @property
    def mrr(self) -> float:
        return sum(self.reciprocal) / len(self.reciprocal) if self.reciprocal else 0.0


def rank_of(query: LabelledQuery, results: list[DemoArticle]) -> int | None:
    for rank, a in enumerate(results[:DEPTH], start=1):
        if query.answers(a.story_id, a.language, a.outlet):
            return rank
    return None


def evaluate(db: Database, articles: dict[int, DemoArticle], *,
             include_held_out: bool = True) -> dict[str, Score]:
    """Scores keyed "fr", "fr held-out", ... (held-out ones only if asked)."""
    scores: dict[str, Score] = {}
    with db.read() as conn:
        for lang, queries in QUERIES.items():
            for i, query in enumerate(queries):
                key = f"{lang} held-out" if held_out(i) else lang
                if held_out(i) and not include_held_out:
                    continue
                ids = search_ids(conn, query.q, ArticleFilter(), limit=DEPTH).ids
                results = [articles[j] for j in ids]
                rank = rank_of(query, results)
                score = scores.setdefault(key, Score())
                score.reciprocal.append(1.0 / rank if rank else 0.0)
                if rank != 1:
                    score.misses.append((query.q, rank, [a.id for a in results[:3]]))
    return scores


def run(url: str | None, *, include_held_out: bool = True) -> dict[str, Score]:
    """Load the demo into a fresh database (SQLite file, or a throwaway PostgreSQL schema)
    and score it."""
    if url is None:
        with tempfile.TemporaryDirectory() as tmp:
            db = Database.open(f"sqlite:///{Path(tmp) / 'quality.db'}")
            try:
                db.upgrade()
                return evaluate(db, load_demo(db), include_held_out=include_held_out)
            finally:
                db.close()
    os.environ.setdefault("JARIDA_TEST_POSTGRES_URL", url)
    from tests.pgschema import throwaway_schema

    with throwaway_schema() as db:
        return evaluate(db, load_demo(db), include_held_out=include_held_out)


def overall(scores: dict[str, Score], held: bool | None = None) -> float:
    values = [v for k, s in scores.items()
              if held is None or k.endswith("held-out") == held for v in s.reciprocal]
    return sum(values) / len(values) if values else 0.0


def report(name: str, scores: dict[str, Score], show_misses: bool) -> None:
    print(f"{name}: MRR {overall(scores):.3f} (tuned {overall(scores, False):.3f}, "
          f"held-out {overall(scores, True):.3f})")
    for key in sorted(scores):
        s = scores[key]
        print(f"  {key:12} {s.mrr:.3f} over {len(s.reciprocal)} queries")
        if show_misses:
            for q, rank, top in s.misses:
                print(f"      {q!r}: rank {rank}; first {top}")


def markdown(results: dict[str, dict[str, Score]]) -> str:
    counts = {lang: len(qs) for lang, qs in QUERIES.items()}
    lines = [
        f"## Search quality ({today()})",
        "",
        f"Measured {today()} on {machine()} (`python -m bench.search_quality`): "
        f"{sum(counts.values())} labelled reader queries (fr {counts['fr']}, ar "
        f"{counts['ar']}, es {counts['es']}; bench/search_queries.py) over the demo web's "
        "140 articles, relevance order, no filter; reciprocal rank of the first answering "
        f"article in the first {DEPTH}. The held-out third was scored once, after tuning.",
        "",
        "| database | MRR all | tuned | held-out | fr | ar | es |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, scores in results.items():
        per_lang = []
        for lang in ("fr", "ar", "es"):
            values = scores[lang].reciprocal + scores[f"{lang} held-out"].reciprocal
            per_lang.append(f"{sum(values) / len(values):.3f}")
        lines.append(f"| {name} | {overall(scores):.3f} | {overall(scores, False):.3f} | "
                     f"{overall(scores, True):.3f} | " + " | ".join(per_lang) + " |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", default=os.environ.get("JARIDA_TEST_POSTGRES_URL"))
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--tuning-only", action="store_true",
                        help="leave the held-out third out (while tuning)")
    parser.add_argument("--write-docs", action="store_true",
                        help="replace the section in docs/benchmarks.md")
    args = parser.parse_args()
    results = {"SQLite": run(None, include_held_out=not args.tuning_only)}
    if args.postgres:
        results["PostgreSQL"] = run(args.postgres, include_held_out=not args.tuning_only)
    for name, scores in results.items():
        report(name, scores, args.show_misses)
    if args.write_docs and not args.tuning_only:
        replace_section("Search quality", markdown(results))


if __name__ == "__main__":
    main()
