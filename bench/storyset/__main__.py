"""Write bench/data/stories/articles.jsonl from the story set's modules."""

from __future__ import annotations

import json
from pathlib import Path

from bench.storyset.compose import articles
from bench.storyset.distractors import DISTRACTORS
from bench.storyset.events_a import EVENTS_A
from bench.storyset.events_b import EVENTS_B

OUT = Path(__file__).resolve().parent.parent / "data" / "stories" / "articles.jsonl"


def main() -> None:
    rows = articles(EVENTS_A + EVENTS_B + DISTRACTORS)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} articles -> {OUT}")


if __name__ == "__main__":
    main()
