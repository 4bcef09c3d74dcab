"""A Rich progress bar for crawls: feeds done, pages fetched, articles per second."""

from __future__ import annotations

import time
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


class RichObserver:
    def __init__(self, console: Console, *, enabled: bool = True) -> None:
        self._enabled = enabled and console.is_terminal
        self._progress = Progress(
            TextColumn("[bold]crawl"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("feeds · {task.fields[pages]} pages · {task.fields[articles]} articles "
                       "· {task.fields[rate]:.1f} articles/s"),
            TimeElapsedColumn(),
            console=console,
            disable=not self._enabled,
        )
        self._task = self._progress.add_task("crawl", total=0, pages=0, articles=0, rate=0.0)
        self._pages = 0
        self._articles = 0
        self._started = time.monotonic()

    def __enter__(self) -> RichObserver:
        self._progress.start()
        return self

    def __exit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._progress.stop()

    def _refresh(self) -> None:
        elapsed = max(time.monotonic() - self._started, 1e-6)
        self._progress.update(self._task, pages=self._pages, articles=self._articles,
                              rate=self._articles / elapsed)

    def feeds_planned(self, count: int) -> None:
        self._started = time.monotonic()
        self._progress.update(self._task, total=count)

    def feed_done(self, source_slug: str) -> None:
        self._progress.advance(self._task)
        self._refresh()

    def page_fetched(self) -> None:
        self._pages += 1
        self._refresh()

    def articles_stored(self, count: int) -> None:
        self._articles += count
        self._refresh()
