"""Syndicated copies: pairwise precision and recall on the labelled set, and lookup cost.

    python -m bench.copies                 # the labelled set, SQLite, default rules
    python -m bench.copies --sweep         # also: P/R of the confirmation rules per threshold
    python -m bench.copies --scale 100000  # ms per article insert + lookup at that size

The labelled set (bench/data/copies/labelled.jsonl, built by bench.copies_set) is stored
in its arrival order, copies often before their original, each article through the same
`link_article` the after-store hook runs; predicted groups are read back from the
database. A pair is positive when both items share a gold group.
"""

from __future__ import annotations

import argparse
import itertools
import random
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from bench.copies_set import Item, load
from jarida.dedup.copies import DEFAULT_RULES, Rules, is_copy, link_article
from jarida.dedup.minhash import band_keys, signature, words_of
from jarida.model import ArticleRecord, SourceSpec
from jarida.storage import Database
from jarida.storage import articles as store
from jarida.storage import sources as registry
from jarida.storage.bulk import insert_rows, prepare_rows
from jarida.storage.copies import insert_signatures
from jarida.storage.tables import article_copies

T0 = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    true_pos: int
    false_pos: int
    false_neg: int
    ms_per_article: float  # wall time of link_article (the lookup, checks and links)
    false_links: tuple[tuple[str, str], ...]


def record(source_id: int, key: str, text: str, minutes: int, lang: str) -> ArticleRecord:
    return ArticleRecord(
        source_id=source_id, feed_id=None, url=f"https://bench.example/{key}",
        canonical_url=f"https://bench.example/{key}", title=key[:80], text=text, html="",
        excerpt=text[:200], content_hash=key, fetched_at=T0 + timedelta(minutes=minutes),
        published_at=T0 + timedelta(minutes=minutes), language=lang,
    )


def pairs_of(groups: dict[str, str]) -> set[tuple[str, str]]:
    by_group: dict[str, list[str]] = {}
    for key, group in groups.items():
        by_group.setdefault(group, []).append(key)
    return {
        (a, b) if a < b else (b, a)
        for members in by_group.values()
        for a, b in itertools.combinations(members, 2)
    }


def score(gold: dict[str, str], predicted: dict[str, str], ms: float) -> Score:
    want, got = pairs_of(gold), pairs_of(predicted)
    tp = len(want & got)
    return Score(
        precision=tp / len(got) if got else 1.0, recall=tp / len(want) if want else 1.0,
        true_pos=tp, false_pos=len(got - want), false_neg=len(want - got), ms_per_article=ms,
        false_links=tuple(sorted(got - want)),
    )


def run_labelled(database: Database, items: Sequence[Item], rules: Rules = DEFAULT_RULES
                 ) -> Score:
    """Store the items in arrival order, linking each as the hook does; score the groups."""
    with database.write() as conn:
        source_id = registry.insert_source(conn, SourceSpec(slug="bench", name="Bench"))
    ids: dict[int, str] = {}
    spent = 0.0
    for item in sorted(items, key=lambda i: i.arrival):
        with database.write() as conn:
            saved = store.save_articles(
                conn, [record(source_id, item.id, item.text, item.minutes, item.lang)]
            )
            start = time.perf_counter()
            link_article(conn, saved[0].article_id, rules=rules)
            spent += time.perf_counter() - start
            ids[saved[0].article_id] = item.id
    with database.read() as conn:
        rows = conn.execute(select(article_copies.c.article_id, article_copies.c.original_id))
        links = {int(copy): int(original) for copy, original in rows}
    predicted = {key: ids[links.get(aid, aid)] for aid, key in ids.items()}
    return score({i.id: i.group for i in items}, predicted, 1000 * spent / len(items))


def sweep(items: Sequence[Item]) -> list[tuple[Rules, Score]]:
    """The confirmation rules alone (every same-language pair, exact shingles, no LSH)."""
    words = {i.id: words_of(i.text) for i in items}
    want = pairs_of({i.id: i.group for i in items})
    pairs = [(a.id, b.id) for a, b in itertools.combinations(items, 2) if a.lang == b.lang]
    out = []
    for jaccard, containment in itertools.product((0.3, 0.4, 0.5, 0.6), (0.7, 0.8, 0.9, 1.1)):
        rules = Rules(jaccard=jaccard, containment=containment)
        got = {tuple(sorted(p)) for p in pairs if is_copy(words[p[0]], words[p[1]], rules)[0]}
        tp = len(want & got)
        out.append((rules, Score(tp / len(got) if got else 1.0, tp / len(want), tp,
                                 len(got - want), len(want - got), 0.0, ())))
    return out


# --- cost at scale --------------------------------------------------------------------

def _vocabulary(rng: random.Random, size: int = 20000) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return ["".join(rng.choices(letters, k=rng.randint(3, 9))) for _ in range(size)]


def synthetic_texts(n: int, seed: int = 5) -> Iterable[str]:
    """Texts of 150 to 400 words with a Zipf-like vocabulary; every 20th republishes an
    earlier one with a dateline and a paragraph dropped."""
    rng = random.Random(seed)
    vocab = _vocabulary(rng)
    weights = [1 / (rank + 1) for rank in range(len(vocab))]
    recent: list[str] = []
    for k in range(n):
        if k % 20 == 19 and recent:
            words = rng.choice(recent).split()
            cut = rng.randrange(len(words) // 2, len(words))
            text = "RABAT (MAP) - " + " ".join(words[:cut - 30] + words[cut:])
        else:
            text = " ".join(rng.choices(vocab, weights, k=rng.randint(150, 400)))
            recent = [*recent[-199:], text]
        yield text


def run_scale(database: Database, n: int, measured: int = 1000
              ) -> tuple[float, float, int]:
    """Load n - measured articles (bulk: rows, signatures and bands, no links), then time
    `measured` more
    inserted and linked one at a time as the crawler does, a transaction each. Returns
    (wall ms per article, CPU ms per article in this process, copies linked)."""
    with database.write() as conn:
        source_id = registry.insert_source(conn, SourceSpec(slug="scale", name="Scale"))
    texts = synthetic_texts(n)
    batch: list[ArticleRecord] = []
    loaded = 0
    for k, text in enumerate(texts):
        if k >= n - measured:
            break
        batch.append(record(source_id, f"s{k}", text, k, "en"))
        if len(batch) == 2000 or k == n - measured - 1:
            signed = [(r.text, signature(words_of(r.text))) for r in batch]
            with database.write() as conn:
                ids = insert_rows(conn, prepare_rows(batch))
                insert_signatures(conn, [(aid, sig.to_bytes(), band_keys(sig))
                                         for aid, (_, sig) in zip(ids, signed, strict=True)])
            loaded += len(batch)
            batch = []
            print(f"  loaded {loaded}/{n}", flush=True)
    start, cpu = time.perf_counter(), time.process_time()
    for k, text in enumerate(texts, start=n - measured):
        with database.write() as conn:
            saved = store.save_articles(conn, [record(source_id, f"s{k}", text, k, "en")])
            link_article(conn, saved[0].article_id)
    spent, cpu = time.perf_counter() - start, time.process_time() - cpu
    with database.read() as conn:
        links = len(conn.execute(select(article_copies.c.article_id)).all())
    return 1000 * spent / measured, 1000 * cpu / measured, links


def _database(url: str | None, tmp: Path) -> Database:
    database = Database.open(url or f"sqlite:///{tmp}/copies.db")
    database.upgrade()
    return database


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", help="SQLAlchemy URL of an EMPTY database (default: "
                        "a temporary SQLite file)")
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--scale", type=int, default=0)
    args = parser.parse_args()
    items = load()
    with tempfile.TemporaryDirectory() as tmp:
        database = _database(args.database, Path(tmp))
        if args.scale:
            ms, cpu, links = run_scale(database, args.scale)
            print(f"scale {args.scale}: {ms:.2f} ms wall, {cpu:.2f} ms CPU per article "
                  f"(insert + lookup + link, one transaction each), {links} copies linked")
            return
        result = run_labelled(database, items)
    kinds = {k: sum(1 for i in items if i.kind == k) for k in sorted({i.kind for i in items})}
    print(f"labelled set: {len(items)} articles {kinds}")
    print(f"pairwise precision {result.precision:.4f}  recall {result.recall:.4f}  "
          f"(tp {result.true_pos}, fp {result.false_pos}, fn {result.false_neg})  "
          f"{result.ms_per_article:.2f} ms per article lookup+link")
    for a, b in result.false_links[:10]:
        print(f"  false link: {a}  ~  {b}")
    if args.sweep:
        for rules, s in sweep(items):
            print(f"  jaccard>={rules.jaccard} or containment>={rules.containment}: "
                  f"P {s.precision:.4f} R {s.recall:.4f} fp {s.false_pos} fn {s.false_neg}")


if __name__ == "__main__":
    main()
