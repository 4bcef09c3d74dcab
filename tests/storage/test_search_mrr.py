"""The labelled reader queries (bench/search_queries.py) over the demo web keep their
mean reciprocal rank: floors pinned below what `python -m bench.search_quality` measured
(2026-12-02: SQLite 0.971, PostgreSQL 0.983; Arabic alone 0.921 and 0.980)."""

from __future__ import annotations

from bench.search_quality import evaluate, load_demo, overall
from jarida.storage import Database

FLOOR = 0.95
LANGUAGE_FLOOR = 0.9


def test_labelled_queries_keep_their_mean_reciprocal_rank(db: Database) -> None:
    scores = evaluate(db, load_demo(db))
    assert overall(scores) >= FLOOR
    for lang in ("fr", "ar", "es"):
        values = scores[lang].reciprocal + scores[f"{lang} held-out"].reciprocal
        assert sum(values) / len(values) >= LANGUAGE_FLOOR, lang
