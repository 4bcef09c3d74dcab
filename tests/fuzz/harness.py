"""Fuzz targets and the regression corpus they leave behind.

Every target takes bytes and checks the contract of one hostile-input boundary
(a parser that must never raise, a decoder that must fail cleanly, a function
that must be idempotent). Property tests (test_properties.py) feed them
generated inputs through `run`. When `make fuzz` (profile "fuzz") finds a failure,
the conftest hook saves the input the target last failed on — the shrunk, minimal
example, since hypothesis replays it last — to corpus/<target>/<hash>.bin, and
test_corpus.py replays every saved input on each ordinary test run from then on.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

CORPUS = Path(__file__).parent / "corpus"
Target = Callable[[bytes], None]
TARGETS: dict[str, Target] = {}
_failed: list[tuple[str, bytes]] = []  # the input a target last failed on, in this test


def target(name: str) -> Callable[[Target], Target]:
    """Register a check under `name` (its corpus directory)."""

    def register(check: Target) -> Target:
        TARGETS[name] = check
        return check

    return register


def run(name: str, data: bytes) -> None:
    """Run target `name` on `data`, remembering the input if the target fails on it."""
    try:
        TARGETS[name](data)
    except BaseException:
        _failed[:] = [(name, data)]
        raise


def forget() -> None:
    _failed.clear()


def save_failure() -> Path | None:
    """Write the input the target last failed on to the corpus; its path.

    Hypothesis replays the shrunk example last, so that is the one saved. A test that
    failed outside its target (a health check) saves nothing.
    """
    if not _failed:
        return None
    name, data = _failed[0]
    path = CORPUS / name / (hashlib.sha256(data).hexdigest()[:16] + ".bin")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS.glob("*/*.bin") if p.parent.name in TARGETS)


def pack(*parts: bytes) -> bytes:
    """Several fields in one input: length-prefixed, so any bytes fit."""
    return b"".join(len(p).to_bytes(4, "big") + p for p in parts)


def unpack(data: bytes, count: int) -> list[bytes]:
    """The inverse of `pack`; missing fields come back empty (corpus files may be short)."""
    parts: list[bytes] = []
    position = 0
    while len(parts) < count and position + 4 <= len(data):
        size = int.from_bytes(data[position:position + 4], "big")
        parts.append(data[position + 4:position + 4 + size])
        position += 4 + size
    return parts + [b""] * (count - len(parts))
