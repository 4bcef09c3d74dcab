"""DemoWeb: the handle the CLI, tests and benchmarks use to run the offline news web."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from jarida.demo.faults import Faults
from jarida.demo.site import Site
from jarida.demo.sources import source_specs
from jarida.demo.truth import TruthRecord, labels, record, write_records
from jarida.model import SourceSpec

if TYPE_CHECKING:
    from jarida.demo.server import DemoHTTPServer

MAX_EDITION = 2
"""Editions past this one serve the same bytes as edition 2 (feeds then answer 304)."""


class DemoWeb:
    """A reproducible sample news web on 127.0.0.1: same seed, same bytes."""

    def __init__(self, seed: int = 7, scale: int = 0, fault_injection: bool = True,
                 drip_delay: float = 0.5) -> None:
        self.seed, self.scale = seed, scale
        self.site = Site(seed, scale)
        self.faults = Faults(seed, fault_injection)
        self.faults.slow_path = self.slow_path
        self.drip_delay = drip_delay
        self._edition = 0
        self._server: DemoHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def slow_path(self) -> str:
        """The one Phare du Détroit article page whose body drips (about 30 s in total)."""
        return next(a.path for a in self.site.catalog
                    if a.outlet == "phare-detroit" and a.edition == 0)

    @property
    def base_url(self) -> str:
        """http://host:port while running; a stable placeholder before start()."""
        return self._server.base_url if self._server else "http://127.0.0.1:0"

    @property
    def edition(self) -> int:
        """Current edition (0 at start; advance() moves it on)."""
        return self._edition

    def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Serve in a background thread; returns the base URL (port 0 picks a free one)."""
        from jarida.demo.server import DemoHTTPServer  # not at import: `-m ...server` stays clean

        if self._server is not None:
            return self._server.base_url
        self._server = DemoHTTPServer((host, port), self.site, self.faults, self.drip_delay)
        self._server.edition = min(self._edition, MAX_EDITION)
        server = self._server
        self._thread = threading.Thread(target=server.serve_forever, args=(0.1,),
                                        name="jarida-demo-web", daemon=True)
        self._thread.start()
        return self._server.base_url

    def stop(self) -> None:
        """Stop serving and free the port."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server, self._thread = None, None

    def __enter__(self) -> DemoWeb:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def advance(self) -> int:
        """Publish the next edition: some articles get updated, new ones appear."""
        self._edition += 1
        if self._server is not None:
            self._server.edition = min(self._edition, MAX_EDITION)
        return self._edition

    def hits(self) -> dict[str, int]:
        """Requests served so far, by outlet slug (robots.txt and / by path)."""
        return dict(self._server.hits) if self._server else {}

    def sources(self) -> list[SourceSpec]:
        """Registry entries for every outlet, with feed URLs on the running server."""
        return source_specs(self.base_url, self.site.scale)

    def articles(self, edition: int | None = None) -> list[TruthRecord]:
        """Ground truth of the hand-written articles visible in `edition` (default: current)."""
        ed = min(self._edition if edition is None else edition, MAX_EDITION)
        return [record(a, self.base_url) for a in self.site.visible(ed)]

    def all_articles(self) -> list[TruthRecord]:
        """Ground truth of every hand-written article of every edition."""
        return [record(a, self.base_url) for a in self.site.catalog]

    def scale_articles(self) -> Iterator[TruthRecord]:
        """Ground truth of the generated articles, computed lazily one by one."""
        for k in range(self.site.scale.n):
            yield record(self.site.scale.article(k, light=True), self.base_url)

    def story_labels(self, edition: int | None = None, key: str = "url") -> dict[str, str]:
        """{article url (or id with key="id"): story_id} for dedup/clustering evaluation."""
        return labels(self.articles(edition) if edition is not None else self.all_articles(), key)

    def write_labels(self, path: str | Path) -> Path:
        """Write every hand-written article's truth record (JSON if .json, else CSV)."""
        return write_records(self.all_articles(), path)


def story_labels(seed: int = 7, key: str = "id") -> dict[str, str]:
    """Story labels without running a server (keyed by article id by default)."""
    return DemoWeb(seed=seed).story_labels(key=key)


def write_labels(path: str | Path, seed: int = 7) -> Path:
    """Write the truth records of the demo web for `seed` without running a server."""
    return DemoWeb(seed=seed).write_labels(path)
