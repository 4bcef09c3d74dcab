"""Deterministic fault injection for the flaky outlet: 500s by a per-path counter, a drip path."""

from __future__ import annotations

import hashlib
import threading
from collections import Counter


class Faults:
    """Decides, per request, whether Le Phare du Détroit fails; same seed, same failures.

    The n-th GET (1-based) of a given path on the flaky outlet answers 500 when
    (n + offset(path)) % period == 0, where offset comes from the seed and the path.
    So every path fails once in `period` tries, a retry soon succeeds, and the
    pattern does not depend on the order in which other paths are fetched.
    """

    def __init__(self, seed: int, enabled: bool, prefix: str = "/phare-detroit/",
                 period: int = 3) -> None:
        self.seed, self.enabled, self.prefix, self.period = seed, enabled, prefix, period
        self._counts: Counter[str] = Counter()
        self._lock = threading.Lock()
        self.slow_path: str | None = None  # set by the web: one article page that drips

    def offset(self, path: str) -> int:
        """Where in the cycle this path starts (from seed and path only)."""
        digest = hashlib.sha256(f"{self.seed}:{path}".encode()).digest()
        return digest[0] % self.period

    def should_fail(self, path: str) -> bool:
        """Count this request and say whether it gets a 500."""
        if not self.enabled or not path.startswith(self.prefix):
            return False
        with self._lock:
            self._counts[path] += 1
            n = self._counts[path]
        return (n + self.offset(path)) % self.period == 0

    def is_slow(self, path: str) -> bool:
        """True for the one path whose body drips out slowly."""
        return self.enabled and path == self.slow_path

    def reset(self) -> None:
        """Forget the counters (a fresh crawl sees the same sequence again)."""
        with self._lock:
            self._counts.clear()
