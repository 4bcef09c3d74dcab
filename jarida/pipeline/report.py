"""Counters of one crawl, per source, for the progress bar and the closing table."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field


@dataclass
class SourceTally:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    feeds: int = 0
    pages: int = 0
    # articles stored without article text (feed entry / page metadata only)
    fallback: int = 0
    last_error: str | None = None


@dataclass
class CrawlReport:
    by_source: dict[str, SourceTally] = field(default_factory=lambda: defaultdict(SourceTally))
    feeds_total: int = 0
    feeds_done: int = 0
    pages_fetched: int = 0
    seconds: float = 0.0
    stopped: bool = False  # a stop was requested: queued work was left to the next pass

    def tally(self, slug: str) -> SourceTally:
        return self.by_source[slug]

    def fail(self, slug: str, error: str) -> None:
        tally = self.by_source[slug]
        tally.failed += 1
        tally.last_error = error

    @property
    def stored(self) -> int:
        return sum(t.new + t.updated for t in self.by_source.values())

    @property
    def fallback(self) -> int:
        return sum(t.fallback for t in self.by_source.values())

    @property
    def failed(self) -> int:
        return sum(t.failed for t in self.by_source.values())

    @property
    def new(self) -> int:
        return sum(t.new for t in self.by_source.values())

    def as_dict(self) -> dict[str, object]:
        return {
            "feeds": self.feeds_done,
            "pages": self.pages_fetched,
            "fallback": self.fallback,
            "seconds": round(self.seconds, 2),
            "sources": {
                slug: {
                    "new": t.new, "updated": t.updated, "unchanged": t.unchanged,
                    "failed": t.failed, "fallback": t.fallback, "last_error": t.last_error,
                }
                for slug, t in sorted(self.by_source.items())
            },
        }
