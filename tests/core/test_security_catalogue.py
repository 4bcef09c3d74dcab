"""docs/security.md names real tests: every `path::test` it cites exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_REFERENCE = re.compile(r"`(tests/[\w/.]+)?(?:::(\w+))?`")


def citations() -> list[tuple[str, str]]:
    """(file, test) pairs; `::name` alone refers to the file cited last on the line."""
    found = []
    for line in (ROOT / "docs" / "security.md").read_text(encoding="utf-8").splitlines():
        current = None
        for path, name in _REFERENCE.findall(line):
            current = path or current
            if name and current:
                found.append((current, name))
    return found


def test_every_cited_test_exists() -> None:
    cited = citations()
    assert len(cited) > 60
    missing = []
    for path, name in cited:
        source = ROOT / path
        if not source.is_file() or not re.search(
                rf"^(?:async )?def {name}\(", source.read_text(encoding="utf-8"), re.M):
            missing.append(f"{path}::{name}")
    assert not missing, missing


def test_every_cited_corpus_directory_exists() -> None:
    text = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    for directory in re.findall(r"`(tests/fuzz/corpus/\w+)/`", text):
        assert (ROOT / directory).is_dir(), directory
