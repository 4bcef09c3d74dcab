"""Story clustering quality and cost: `python -m bench.stories [--scale N]`.

Quality: the hand-written set (bench/data/stories/articles.jsonl) and the demo web's known
groupings are stored in a fresh SQLite database and placed by the real after-store hook,
one article per batch in publication order (as a crawl would). Reported: BCubed F1 within
each language, across languages (over events covered in several), distractors merged.
Cost: `--scale N` places N generated demo-scale articles (bench.webdata's generator) and
reports milliseconds per article as the database grows.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from bench.stories_score import bcubed, distractors_merged
from jarida.model import ArticleRecord, SourceSpec
from jarida.pipeline.hooks import StoredArticle
from jarida.settings import Settings
from jarida.storage import Database
from jarida.storage import articles as article_store
from jarida.storage import sources as source_store
from jarida.storage.tables import story_articles
from jarida.stories.hook import story_hook

SET = Path(__file__).resolve().parent / "data" / "stories" / "articles.jsonl"


@dataclass(frozen=True)
class Item:
    id: str
    event: str
    language: str
    source: str
    title: str
    text: str
    published_at: datetime
    distractor_of: str | None = None


def load_set(path: Path = SET) -> list[Item]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [Item(r["id"], r["event"], r["language"], r["source"], r["title"], r["text"],
                 datetime.fromisoformat(r["published_at"]), r.get("distractor_of"))
            for r in rows]


# Demo events written as distractors of another (same people and places, another event).
DEMO_DISTRACTORS = {"oujda-station-strike": "rail-oujda"}


def demo_items() -> list[Item]:
    """The demo web's articles with their known story ids (jarida.demo.truth)."""
    from jarida.demo.catalog import build_catalog

    out = []
    for a in build_catalog(7):
        if a.hostile:
            continue
        out.append(Item(a.id, a.story_id, a.language, a.outlet, a.title,
                        " ".join(a.paragraphs), a.published,
                        DEMO_DISTRACTORS.get(a.story_id)))
    return out


def place_all(items: Iterable[Item], db: Database, order: str = "time",
              batch: int = 1) -> dict[str, int]:
    """Store `items` and place them through the hook, oldest first ("time") or outlet after
    outlet as a crawl stores them ("outlet"), `batch` articles per transaction (one, as a
    crawl storing each article as it comes); {item id: story id}."""
    hook = story_hook(Settings())
    sources: dict[str, int] = {}
    ids: dict[int, str] = {}
    key = ((lambda i: (i.published_at, i.id)) if order == "time"
           else (lambda i: (i.source, i.published_at, i.id)))
    ordered = sorted(items, key=key)
    for start in range(0, len(ordered), batch):
        part = ordered[start:start + batch]
        with db.write() as conn:
            records = []
            for item in part:
                if item.source not in sources:
                    sources[item.source] = source_store.insert_source(
                        conn, SourceSpec(slug=item.source, name=item.source,
                                         languages=(item.language,)))
                records.append(ArticleRecord(
                    source_id=sources[item.source], feed_id=None,
                    url=f"https://set.example/{item.id}",
                    canonical_url=f"https://set.example/{item.id}",
                    title=item.title, text=item.text, html="", excerpt=item.text[:200],
                    content_hash=item.id, fetched_at=item.published_at,
                    published_at=item.published_at, language=item.language))
            saved = article_store.save_articles(conn, records)
            hook(conn, [StoredArticle(s.article_id, s.outcome, r)
                        for s, r in zip(saved, records, strict=True)])
            ids.update({s.article_id: item.id for s, item in zip(saved, part, strict=True)})
    with db.read() as conn:
        rows = conn.execute(story_articles.select()).all()
    return {ids[r.article_id]: int(r.story_id) for r in rows}


def score(items: list[Item], predicted: dict[str, int]) -> dict[str, Any]:
    gold = {i.id: i.event for i in items}
    out: dict[str, Any] = {"articles": len(items)}
    for lang in sorted({i.language for i in items}):
        subset = [i.id for i in items if i.language == lang]
        p, r, f = bcubed(gold, predicted, subset)
        out[f"within_{lang}"] = {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}
    fs = [v["f1"] for k, v in out.items() if k.startswith("within_")]
    out["within_min_f1"] = min(fs)
    langs_of: dict[str, set[str]] = {}
    for i in items:
        langs_of.setdefault(i.event, set()).add(i.language)
    multi = [i.id for i in items if len(langs_of[i.event]) > 1]
    p, r, f = bcubed(gold, predicted, multi)
    out["across"] = {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "articles": len(multi)}
    out["distractors"] = sum(1 for i in items if i.distractor_of)
    out["distractors_merged"] = distractors_merged(
        gold, predicted, {i.id: i.distractor_of for i in items if i.distractor_of})
    return out


def place_fresh(items: list[Item], order: str = "time") -> dict[str, int]:
    """`place_all` into a fresh SQLite database of its own."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(f"sqlite:///{tmp}/stories.db")
        db.upgrade()
        try:
            return place_all(items, db, order)
        finally:
            db.close()


def quality(items: list[Item], order: str = "time") -> dict[str, Any]:
    return score(items, place_fresh(items, order))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=0, help="articles for the cost run")
    args = parser.parse_args()
    t0 = time.perf_counter()
    report: dict[str, Any] = {
        "set": quality(load_set()), "demo": quality(demo_items()),
        "set_outlet_order": quality(load_set(), "outlet"),
        "demo_outlet_order": quality(demo_items(), "outlet"),
    }
    report["quality_seconds"] = round(time.perf_counter() - t0, 1)
    if args.scale:
        from bench.stories_cost import cost

        report["cost"] = cost(args.scale)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
