"""Ground truth records and story labels, for end-to-end checks and dedup/cluster evaluation."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from jarida.demo.catalog import DemoArticle


@dataclass(frozen=True)
class TruthRecord:
    """What is known by construction about one served article."""

    url: str
    id: str
    outlet: str
    language: str
    title: str
    section: str
    published: datetime
    story_id: str
    dup_group: str  # same value = near-duplicate copies of one wire dispatch
    hostile: bool
    author: str
    edition: int
    updated_in: int | None


def record(a: DemoArticle, base: str) -> TruthRecord:
    """The truth record of `a` when served at `base`."""
    return TruthRecord(
        url=base + a.path, id=a.id, outlet=a.outlet, language=a.language, title=a.title,
        section=a.section, published=a.published, story_id=a.story_id, dup_group=a.dup_group,
        hostile=a.hostile, author=a.author, edition=a.edition, updated_in=a.updated_in,
    )


def labels(records: Iterable[TruthRecord], key: str = "url") -> dict[str, str]:
    """{url (or id): story_id}; articles sharing a story id are the same news story."""
    return {getattr(r, key): r.story_id for r in records}


def write_records(records: Iterable[TruthRecord], path: str | Path) -> Path:
    """Export records as JSON (.json) or CSV (anything else); returns the path written."""
    out = Path(path)
    rows = []
    for r in records:
        row = asdict(r)
        row["published"] = r.published.isoformat()
        rows.append(row)
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix == ".json":
        out.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
        return out
    with out.open("w", newline="", encoding="utf-8") as fh:
        fields = list(TruthRecord.__dataclass_fields__)
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return out
