"""What the crawler tells a progress display; the default tells nobody."""

from __future__ import annotations

from typing import Protocol


class CrawlObserver(Protocol):
    def feeds_planned(self, count: int) -> None: ...
    def feed_done(self, source_slug: str) -> None: ...
    def page_fetched(self) -> None: ...
    def articles_stored(self, count: int) -> None: ...


class NullObserver:
    def feeds_planned(self, count: int) -> None:
        return None

    def feed_done(self, source_slug: str) -> None:
        return None

    def page_fetched(self) -> None:
        return None

    def articles_stored(self, count: int) -> None:
        return None
